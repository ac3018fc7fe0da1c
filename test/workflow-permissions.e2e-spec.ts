import type { Role } from '@kalam/auth';
import { signIn, startTestApp, type TestApp } from './support/test-app';

/**
 * Who may move a translation: every role × every transition × a locale in and out of the user's
 * scope. Each cell runs on a fresh English article (written by the "owner", an author) whose tr or
 * ru translation an admin has brought to the state the transition starts from. The whole matrix is
 * printed when any cell differs.
 */
type Actor = 'admin' | 'editor' | 'editor-tr' | 'owner' | 'other-author' | 'translator-tr';
const ACTORS: Actor[] = ['admin', 'editor', 'editor-tr', 'owner', 'other-author', 'translator-tr'];
const LOCALES = ['tr', 'ru'] as const;

/** The steps (by an admin) that bring a fresh draft to where each transition can start. */
const SETUP: Record<string, string[]> = {
  submit: [],
  approve: ['submit'],
  'request-changes': ['submit'],
  publish: ['submit', 'approve'],
  unpublish: ['submit', 'approve', 'publish'],
  archive: [],
  reopen: ['archive'],
};

// Columns: admin, editor, editor-tr, owner, other-author, translator-tr; each "tr/ru".
const EXPECTED: Record<string, string[]> = {
  submit: ['200/200', '200/200', '200/403', '200/200', '403/403', '200/403'],
  approve: ['200/200', '200/200', '200/403', '403/403', '403/403', '403/403'],
  'request-changes': ['200/200', '200/200', '200/403', '403/403', '403/403', '403/403'],
  publish: ['200/200', '200/200', '200/403', '403/403', '403/403', '403/403'],
  unpublish: ['200/200', '200/200', '200/403', '403/403', '403/403', '403/403'],
  archive: ['200/200', '200/200', '200/403', '403/403', '403/403', '403/403'],
  reopen: ['200/200', '200/200', '200/403', '403/403', '403/403', '403/403'],
};

describe('who may move a translation through the workflow', () => {
  let test: TestApp;
  const tokens = {} as Record<Actor, string>;

  beforeAll(async () => {
    test = await startTestApp('admin');
    const roles: Record<Actor, [Role, string[]]> = {
      admin: ['admin', []],
      editor: ['editor', []],
      'editor-tr': ['editor', ['tr']],
      owner: ['author', []],
      'other-author': ['author', []],
      'translator-tr': ['translator', ['tr']],
    };
    for (const actor of ACTORS) tokens[actor] = (await signIn(test, ...roles[actor])).token;
  });
  afterAll(() => test.close());

  /** A fresh article by the owner with a `locale` translation brought through `steps`; returns its id and version. */
  async function prepared(locale: string, steps: string[]): Promise<{ id: string; version: number }> {
    const owner = tokens.owner;
    const author = await test.http.post('/admin/v1/authors', { name: 'Matrix Author' }, { token: owner });
    const article = await test.http.post('/admin/v1/articles', { sourceLocale: 'en', authorIds: [author.body.id] }, { token: owner });
    const id = article.body.id as string;
    await test.http.put(`/admin/v1/articles/${id}/translations/en`, { title: 'Source', body: 'Text.' }, { token: owner });
    let version = (await test.http.put(`/admin/v1/articles/${id}/translations/${locale}`, { title: `Matrix ${locale}`, body: 'Metin.' }, { token: owner })).body
      .version as number;
    for (const step of steps) {
      const body = step === 'request-changes' ? { comment: 'x' } : {};
      const response = await test.http.post(`/admin/v1/articles/${id}/translations/${locale}/${step}`, body, {
        token: tokens.admin,
        headers: { 'if-match': `"${version}"` },
      });
      if (response.status !== 200) throw new Error(`set-up ${step}: ${response.status} ${response.text}`);
      version = response.body.version;
    }
    return { id, version };
  }

  it('answers each role on each transition, in and out of its locales, as the rules say', async () => {
    const actual: Record<string, string[]> = {};
    for (const transition of Object.keys(EXPECTED)) {
      actual[transition] = [];
      for (const actor of ACTORS) {
        const cell: number[] = [];
        for (const locale of LOCALES) {
          const { id, version } = await prepared(locale, SETUP[transition]);
          const body = transition === 'request-changes' ? { comment: 'Please expand.' } : {};
          const response = await test.http.post(`/admin/v1/articles/${id}/translations/${locale}/${transition}`, body, {
            token: tokens[actor],
            headers: { 'if-match': `"${version}"` },
          });
          cell.push(response.status);
        }
        actual[transition].push(cell.join('/'));
      }
    }
    if (Object.keys(EXPECTED).some((t) => actual[t].join() !== EXPECTED[t].join())) {
      const rows = Object.keys(EXPECTED).map((t) => `${t.padEnd(16)} ${actual[t].map((c, i) => (c === EXPECTED[t][i] ? ` ${c} ` : `*${c}*`)).join(' ')}`);
      console.log(`actual (*differs*), each cell tr/ru:\n${''.padEnd(16)} ${ACTORS.join(' | ')}\n${rows.join('\n')}`);
    }
    expect(actual).toEqual(EXPECTED);
  });

  it('never lets a translator submit the source text', async () => {
    const { id } = await prepared('tr', []);
    const source = await test.http.post(
      `/admin/v1/articles/${id}/translations/en/submit`,
      {},
      { token: tokens['translator-tr'], headers: { 'if-match': '"1"' } },
    );
    expect(source.status).toBe(403);
  });

  it('lets only the people taking part in a translation read and write its comments, and restore its revisions', async () => {
    const { id } = await prepared('tr', []);
    await test.http.put(`/admin/v1/articles/${id}/translations/ru`, { title: 'Матрица', body: 'Текст.' }, { token: tokens.owner });
    const comments = (locale: string, actor: Actor) => test.http.get(`/admin/v1/articles/${id}/translations/${locale}/comments`, { token: tokens[actor] });
    const comment = (locale: string, actor: Actor) =>
      test.http.post(`/admin/v1/articles/${id}/translations/${locale}/comments`, { body: 'A note.' }, { token: tokens[actor] });
    expect((await comment('tr', 'translator-tr')).status).toBe(201);
    expect((await comments('tr', 'editor-tr')).status).toBe(200);
    expect((await comments('ru', 'translator-tr')).status).toBe(403);
    expect((await comment('ru', 'editor-tr')).status).toBe(403);
    expect((await comment('tr', 'other-author')).status).toBe(403);
    expect((await comment('en', 'translator-tr')).status).toBe(403);

    const revisions = (await test.http.get(`/admin/v1/articles/${id}/translations/en/revisions`, { token: tokens.admin })).body;
    const restore = (actor: Actor) =>
      test.http.post(`/admin/v1/articles/${id}/translations/en/revisions/${revisions[0].id}/restore`, undefined, {
        token: tokens[actor],
        headers: { 'if-match': '"1"' },
      });
    expect((await restore('translator-tr')).status).toBe(403);
    expect((await restore('other-author')).status).toBe(403);
    expect((await restore('editor-tr')).status).toBe(403);
    expect((await restore('owner')).status).toBe(200);
  });
});
