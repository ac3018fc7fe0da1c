import type { Role } from '@kalam/auth';
import { signIn, startTestApp, type TestApp } from './support/test-app';

/**
 * Who may change authors, tags and media, which every locale shares. Each cell runs on fresh
 * records created by an author-role user (the "owner") with English text only; the matrix is
 * printed whole when any cell differs.
 */
type Actor = 'admin' | 'editor' | 'editor-ru' | 'owner' | 'other-author' | 'translator-ru';
const ACTORS: Actor[] = ['admin', 'editor', 'editor-ru', 'owner', 'other-author', 'translator-ru'];

interface Records {
  authorId: string;
  tagId: string;
  mediaId: string;
}
type Action = (test: TestApp, token: string, records: Records) => Promise<{ status: number }>;

const ACTIONS: Record<string, Action> = {
  'rename author': (t, token, r) => t.http.patch(`/admin/v1/authors/${r.authorId}`, { name: 'Renamed' }, { token, headers: { 'if-match': '"1"' } }),
  'write ru bio': (t, token, r) => t.http.put(`/admin/v1/authors/${r.authorId}/translations/ru`, { bio: 'Биография' }, { token }),
  'edit en bio': (t, token, r) => t.http.put(`/admin/v1/authors/${r.authorId}/translations/en`, { bio: 'Edited' }, { token, headers: { 'if-match': '"1"' } }),
  'delete author': (t, token, r) => t.http.delete(`/admin/v1/authors/${r.authorId}`, { token }),
  'name tag in ru': (t, token, r) => t.http.put(`/admin/v1/tags/${r.tagId}/translations/ru`, { name: 'Тег' }, { token }),
  'delete tag': (t, token, r) => t.http.delete(`/admin/v1/tags/${r.tagId}`, { token }),
  'change media credit': (t, token, r) =>
    t.http.patch(`/admin/v1/media/${r.mediaId}`, { credit: 'Photo: someone else' }, { token, headers: { 'if-match': '"1"' } }),
  'caption media in ru': (t, token, r) =>
    t.http.patch(`/admin/v1/media/${r.mediaId}`, { translations: { ru: { caption: 'Подпись' } } }, { token, headers: { 'if-match': '"1"' } }),
  'delete media': (t, token, r) => t.http.delete(`/admin/v1/media/${r.mediaId}`, { token }),
};

// Columns follow ACTORS: admin, editor, editor-ru, owner, other-author, translator-ru.
const EXPECTED: Record<string, number[]> = {
  'rename author': [200, 200, 403, 200, 403, 403],
  'write ru bio': [201, 201, 201, 201, 403, 201],
  'edit en bio': [200, 200, 403, 200, 403, 403],
  'delete author': [204, 204, 403, 403, 403, 403],
  'name tag in ru': [201, 201, 201, 201, 403, 201],
  'delete tag': [204, 204, 403, 403, 403, 403],
  'change media credit': [200, 200, 403, 200, 403, 403],
  'caption media in ru': [200, 200, 200, 200, 403, 200],
  'delete media': [204, 204, 403, 403, 403, 403],
};

describe('access to shared records (authors, tags, media)', () => {
  let test: TestApp;
  const tokens = {} as Record<Actor, string>;

  beforeAll(async () => {
    test = await startTestApp('admin');
    const roles: Record<Actor, [Role, string[]]> = {
      admin: ['admin', []],
      editor: ['editor', []],
      'editor-ru': ['editor', ['ru']],
      owner: ['author', []],
      'other-author': ['author', []],
      'translator-ru': ['translator', ['ru']],
    };
    for (const actor of ACTORS) tokens[actor] = (await signIn(test, ...roles[actor])).token;
  });
  afterAll(() => test.close());

  async function freshRecords(): Promise<Records> {
    const token = tokens.owner;
    const author = await test.http.post('/admin/v1/authors', { name: 'Owned Author' }, { token });
    await test.http.put(`/admin/v1/authors/${author.body.id}/translations/en`, { bio: 'English bio' }, { token });
    const tag = await test.http.post('/admin/v1/tags', { translations: { en: { name: `Owned ${Math.random()}` } } }, { token });
    const media = await test.http.post(
      '/admin/v1/media',
      { url: 'https://images.example.org/owned.jpg', credit: 'Photo: owner', translations: { en: { caption: 'English caption' } } },
      { token },
    );
    for (const response of [author, tag, media]) if (response.status !== 201) throw new Error(`set-up failed: ${response.status} ${response.text}`);
    return { authorId: author.body.id, tagId: tag.body.id, mediaId: media.body.id };
  }

  it('answers each role on each shared-record write as the rules say', async () => {
    const actual: Record<string, number[]> = {};
    for (const [name, action] of Object.entries(ACTIONS)) {
      actual[name] = [];
      for (const actor of ACTORS) actual[name].push((await action(test, tokens[actor], await freshRecords())).status);
    }
    const differs = Object.keys(EXPECTED).some((name) => actual[name].join() !== EXPECTED[name].join());
    if (differs) {
      const rows = Object.keys(EXPECTED).map(
        (name) => `${name.padEnd(22)} ${actual[name].map((s, i) => (s === EXPECTED[name][i] ? ` ${s} ` : `*${s}*`)).join(' ')}`,
      );
      console.log(`actual (*differs*):\n${''.padEnd(22)} ${ACTORS.join(' | ')}\n${rows.join('\n')}`);
    }
    expect(actual).toEqual(EXPECTED);
  });

  it('leaves a refused record as it was', async () => {
    const records = await freshRecords();
    expect((await ACTIONS['delete author'](test, tokens['editor-ru'], records)).status).toBe(403);
    expect((await ACTIONS['change media credit'](test, tokens['other-author'], records)).status).toBe(403);
    const author = await test.http.get(`/admin/v1/authors/${records.authorId}`, { token: tokens.admin });
    const media = await test.http.get(`/admin/v1/media/${records.mediaId}`, { token: tokens.admin });
    expect(author.body).toMatchObject({ name: 'Owned Author', version: 1 });
    expect(media.body).toMatchObject({ credit: 'Photo: owner', version: 1 });
  });

  it('records every author, tag, media and locale write in the audit log with its actor', async () => {
    const records = await freshRecords();
    const admin = tokens.admin;
    await ACTIONS['write ru bio'](test, admin, records);
    await ACTIONS['name tag in ru'](test, admin, records);
    await ACTIONS['caption media in ru'](test, admin, records);
    await ACTIONS['delete tag'](test, admin, records);
    expect((await test.http.post('/admin/v1/locales', { code: 'kk', name: 'Kazakh', nativeName: 'Қазақша', fallback: 'ru' }, { token: admin })).status).toBe(
      201,
    );
    const actions = async (subjectType: string, subjectId: string) =>
      (await test.http.get(`/admin/v1/audit?subjectType=${subjectType}&subjectId=${subjectId}`, { token: admin })).body.items.map(
        (e: { action: string }) => e.action,
      );
    expect(await actions('author', records.authorId)).toEqual(['author.translation.created', 'author.translation.created', 'author.created']);
    expect(await actions('tag', records.tagId)).toEqual(['tag.deleted', 'tag.translation.created', 'tag.translation.created', 'tag.created']);
    expect(await actions('media', records.mediaId)).toEqual(['media.translation.created', 'media.updated', 'media.translation.created', 'media.created']);
    expect(await actions('locale', 'kk')).toEqual(['locale.created']);
  });
});
