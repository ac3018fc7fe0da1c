import type { Page } from 'playwright-core';
import { checkScreen, findChromium } from './support/browser';
import { until } from './support/processes';
import { WorkbenchStack } from './support/workbench-stack';

/**
 * The workbench in a real browser against `npm start`'s compiled apps: a translator takes an
 * update job (the source changed one paragraph), keeps their text through an editor's concurrent
 * save, an editor sends it back with a note, the translator fixes it, the editor publishes, and
 * the delivery API serves the Turkish text. Every screen is checked with axe and at a desktop and
 * a phone width (SCREENSHOTS=1 also saves each to docs/screenshots).
 */
jest.setTimeout(120_000);

// Page functions run in the browser; the project type-checks as Node code, without the DOM's types.
declare const window: any;
declare const document: any;

const browserPath = findChromium();
if (!browserPath) {
  const given = process.env.CHROMIUM_PATH ? ` at CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : '';
  console.warn(`Browser tests did not run: no Chromium found${given} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
}

const EN = {
  title: 'Water on the Syr Darya',
  summary: 'Three countries share one river.',
  body: [
    'The Syr Darya rises in the Tian Shan and crosses four countries.',
    'Farmers downstream depend on releases from the Toktogul reservoir.',
    'A new agreement sets the summer quotas for the next five years.',
  ],
};
const EN_P2_CHANGED = 'Farmers downstream depend on summer releases from the Toktogul and Kambarata reservoirs.';
const TR = {
  title: 'Siriderya’da su',
  summary: 'Üç ülke tek bir nehri paylaşıyor.',
  body: [
    'Siriderya Tanrı Dağları’nda doğar ve dört ülkeden geçer.',
    'Aşağı havzadaki çiftçiler Toktogul barajından bırakılan suya bağlıdır.',
    'Yeni bir anlaşma önümüzdeki beş yılın yaz kotalarını belirliyor.',
  ],
};
const TR_P2_FIRST = 'Aşağı havzadaki çiftçiler Toktogul ve Kambarata barajlarından bırakılan suya bağlıdır.';
const TR_P2_DRAFT = 'Aşağı havzadaki çiftçiler Toktogul ve Kambarata barajlarından yazın bırakılan suya bağlıdır.';
const TR_P2_FINAL = 'Aşağı havzadaki çiftçiler, Toktogul ve Kambarata barajlarından yaz aylarında bırakılan suya bağlıdır.';
const EN_P3_CHANGED = 'A new agreement sets the summer quotas for the next seven years.';
const TR_P3_TYPED = 'Yeni bir anlaşma önümüzdeki yedi yılın yaz kotalarını belirliyor.';
const TR_P3_EDITOR = 'Yeni anlaşma, önümüzdeki yedi yılın yaz kotalarını belirliyor.';
const EDITOR_TITLE = 'Siriderya’da su paylaşımı';
const TR_SUMMARY_AFTER_CONFLICT = 'Üç ülke tek bir nehrin suyunu paylaşıyor.';
const REVIEW_NOTE = 'Please write “yaz aylarında” rather than “yazın”.';
const UNPOSTED_COMMENT = 'Paragraph 1: check the spelling of Tanrı Dağları';

const PASSWORD = 'a-long-password-too';
const EDITOR = { email: 'elif@example.org', password: PASSWORD, role: 'editor', locales: ['en', 'tr'], displayName: 'Elif Editor' };
const TRANSLATOR = { email: 'timur@example.org', password: PASSWORD, role: 'translator', locales: ['tr'], displayName: 'Timur Translator' };

(browserPath ? describe : describe.skip)('the workbench in a browser', () => {
  let stack: WorkbenchStack;
  let admin: string;
  let delivery: string;
  let articleId: string;
  let jobId: string;
  type Who = 'admin' | 'editor' | 'translator';
  const call = (who: Who | null, method: string, url: string, body?: unknown, version?: number, expected?: number[]) =>
    stack.call(who, method, url, body, version, expected);
  const translation = (locale: string) => call('admin', 'GET', `/articles/${articleId}/translations/${locale}`);
  /** Runs workflow steps in order, each with the version the one before gave. */
  async function steps(who: Who, locale: string, version: number, ...names: string[]): Promise<any> {
    let current = { version };
    for (const name of names) current = await call(who, 'POST', `/articles/${articleId}/translations/${locale}/${name}`, {}, current.version, [200]);
    return current;
  }
  const openJob = async (kind: string) => {
    const queue = await call('admin', 'GET', `/queues/tr?articleId=${articleId}`);
    expect(queue.items).toEqual([expect.objectContaining({ kind, status: 'open' })]);
    return queue.items[0].id as string;
  };

  const newPage = (locale: string) => stack.page(locale);

  /** The units the job screen marks as changed in the source, by their text box's id. */
  const changedUnits = (page: Page) => page.locator('section.segment.changed textarea').evaluateAll((areas) => areas.map((area) => area.id));
  const savedNotice = (page: Page) =>
    page
      .getByRole('status')
      .getByText(/^Saved as version \d+\.$/)
      .waitFor();

  async function signInWithForm(page: Page, user: { email: string; password: string }): Promise<void> {
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  beforeAll(async () => {
    stack = await WorkbenchStack.start(browserPath!, 'workbench-e2e');
    ({ admin, delivery } = stack);

    // People: the launcher's first admin sets up an editor for English and Turkish and a Turkish translator.
    await call('admin', 'POST', '/users', EDITOR);
    await call('admin', 'POST', '/users', TRANSLATOR);
    stack.tokens.editor = await stack.signIn(EDITOR);
    stack.tokens.translator = await stack.signIn(TRANSLATOR);

    // An English article goes live, so a Turkish job opens.
    const author = await call('editor', 'POST', '/authors', { name: 'Aigerim Nurlanovna' });
    articleId = (await call('editor', 'POST', '/articles', { sourceLocale: 'en', authorIds: [author.id] })).id;
    const en = await call('editor', 'PUT', `/articles/${articleId}/translations/en`, { ...EN, body: EN.body.join('\n\n') });
    await steps('editor', 'en', en.version, 'submit', 'approve', 'publish');

    // The first Turkish translation, through the API: the base the update job's diff is taken from.
    const first = await openJob('new');
    await call('translator', 'POST', `/jobs/${first}/claim`);
    const tr = await call('translator', 'PUT', `/articles/${articleId}/translations/tr`, { ...TR, body: TR.body.join('\n\n') });
    await call('translator', 'POST', `/jobs/${first}/submit`, {}, tr.version);
    await steps('editor', 'tr', (await translation('tr')).version, 'approve', 'publish');

    // The editor rewrites paragraph 2 of the English and republishes it: an update job for Turkish opens.
    const live = await translation('en');
    const edited = await call(
      'editor',
      'PUT',
      `/articles/${articleId}/translations/en`,
      { ...EN, body: [EN.body[0], EN_P2_CHANGED, EN.body[2]].join('\n\n'), slug: live.slug },
      live.version,
    );
    await steps('editor', 'en', edited.version, 'submit', 'approve', 'publish');
    jobId = await openJob('update');
  });

  afterAll(() => stack?.stop());

  afterEach(() => {
    expect(stack.pageErrors.splice(0)).toEqual([]);
  });

  let translator: Page;
  let editor: Page;

  it('greets a Turkish browser in Turkish, switches to English, and signs the translator in to their queue', async () => {
    translator = await newPage('tr-TR');
    await translator.goto(`${admin}/admin/`);
    await translator.waitForURL(/\/admin\/login\?next=/);
    await expect(translator.locator('form button[type=submit]').textContent()).resolves.toBe('Giriş yap');
    expect(await translator.locator('html').getAttribute('lang')).toBe('tr');
    // Typing right away goes into the email field.
    expect(await translator.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');

    await translator.getByLabel('Arayüz dili').selectOption('en');
    await expect(translator.locator('form button[type=submit]').textContent()).resolves.toBe('Sign in');
    expect(await translator.locator('html').getAttribute('lang')).toBe('en');
    await checkScreen(translator, 'login');

    await signInWithForm(translator, TRANSLATOR);
    await translator.waitForURL(`${admin}/admin/queue/tr`);
    // Jobs are listed by the source's title.
    const row = translator.locator('tr', { hasText: EN.title });
    await row.getByText('Update').waitFor();
    await checkScreen(translator, 'queue');

    await row.getByRole('button', { name: `Claim “${EN.title}”` }).click();
    await row.getByText('Claimed').waitFor();
    // The Claim button was disabled while it worked and is gone now: focus is not dropped on the page.
    await until(() => translator.evaluate(() => document.activeElement !== document.body), 'focus to come back');
    await row.getByRole('link', { name: EN.title }).click();
    await translator.waitForURL(`${admin}/admin/jobs/${jobId}`);
  });

  it('shows the translator the paragraph the source changed, word by word, and moves between paragraphs by keyboard', async () => {
    const p2 = translator.locator('section.segment', { has: translator.locator('#unit-p2') });
    await p2.waitFor();
    // Paragraph 2 alone is marked, with the source's change word by word.
    expect(await translator.locator('section.segment').count()).toBe(5);
    expect(await changedUnits(translator)).toEqual(['unit-p2']);
    expect(await p2.locator('.source ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Kambarata')]));
    expect(await p2.locator('.source del').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('reservoir')]));
    expect(await translator.locator('section.segment:not(.changed) .source :is(ins, del)').count()).toBe(0);
    // The old translation of the paragraph is there to edit.
    expect(await translator.getByLabel('Translation of Paragraph 2').inputValue()).toBe(TR.body[1]);
    await checkScreen(translator, 'job');

    // Alt+↓ and Alt+↑ move between the paragraphs' boxes.
    await translator.locator('#unit-p1').focus();
    await translator.keyboard.press('Alt+ArrowDown');
    expect(await translator.evaluate(() => document.activeElement?.id as string | undefined)).toBe('unit-p2');
    await translator.keyboard.press('Alt+ArrowUp');
    expect(await translator.evaluate(() => document.activeElement?.id as string | undefined)).toBe('unit-p1');

    // Tab goes from the toolbar through every control in the order they are read, with nothing out of order and no trap.
    const order = await translator.evaluate(() => {
      const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].filter(
        (el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0,
      );
      focusable.forEach((el, i) => (el.dataset.tab = String(i)));
      return { count: focusable.length, positive: document.querySelectorAll('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').length as number };
    });
    expect(order.positive).toBe(0);
    const toolbar = translator.getByRole('toolbar', { name: 'Job actions' });
    await toolbar.getByRole('button').first().focus();
    const start = Number(await translator.evaluate(() => document.activeElement.dataset.tab as string));
    const visited: number[] = [];
    for (let i = start + 1; i < order.count; i++) {
      await translator.keyboard.press('Tab');
      visited.push(Number(await translator.evaluate(() => (document.activeElement?.dataset.tab as string | undefined) ?? -1)));
    }
    expect(visited).toEqual(Array.from({ length: order.count - start - 1 }, (_v, i) => start + 1 + i));
    // Within a paragraph: the source describes the box, and the box comes before the suggestion for it.
    expect(await translator.getByLabel('Translation of Paragraph 2').getAttribute('aria-describedby')).toBe('unit-p2-source');
    // In every unit the text box comes first, then whatever suggestions it offers (one the box already holds is not offered).
    const units = await translator
      .locator('section.segment')
      .evaluateAll((sections) => sections.map((section) => [...section.querySelectorAll('[data-tab]')].map((el) => el.tagName.toLowerCase())));
    expect(units.length).toBeGreaterThan(3);
    for (const controls of units) expect(controls[0]).toBe('textarea');
    expect(await p2.locator('[data-tab]').count()).toBeGreaterThanOrEqual(1);

    // Ctrl+S saves.
    await translator.getByLabel('Translation of Paragraph 2').fill(TR_P2_FIRST);
    await translator.getByText('Unsaved changes').waitFor();
    await translator.getByLabel('Translation of Paragraph 2').press('Control+s');
    await savedNotice(translator);
    // Saved, the paragraph is still marked as the one the source changed.
    expect(await changedUnits(translator)).toEqual(['unit-p2']);
  });

  it('keeps the translator’s text when an editor saved the translation meanwhile, taking the editor’s title', async () => {
    await translator.getByLabel('Translation of Paragraph 2').fill(TR_P2_DRAFT);

    // Meanwhile an editor retitles the Turkish text.
    const current = await translation('tr');
    await call(
      'editor',
      'PUT',
      `/articles/${articleId}/translations/tr`,
      { title: EDITOR_TITLE, summary: current.summary, body: current.body, slug: current.slug },
      current.version,
    );

    await translator.getByRole('button', { name: 'Save', exact: true }).click();
    const panel = translator.locator('section.conflict');
    await panel.getByRole('heading', { name: 'Someone saved this translation while you were working' }).waitFor();
    expect(await panel.locator('.their-changes li').allTextContents()).toEqual([expect.stringMatching(/^Title:.*paylaşımı/)]);
    // Nothing still says the text was saved.
    expect(await translator.getByText(/^Saved as version/).count()).toBe(0);
    await checkScreen(translator, 'job-conflict');
    // The boxes stay open while the panel is read: what is typed now is kept by the reload too.
    await translator.getByLabel('Translation of Summary').fill(TR_SUMMARY_AFTER_CONFLICT);

    await panel.getByRole('button', { name: 'Reload, keeping my text' }).click();
    await panel.getByRole('heading', { name: 'Reloaded: your text is kept' }).waitFor();
    expect(await changedUnits(translator)).toEqual(['unit-p2']);
    expect(await translator.getByLabel('Translation of Paragraph 2').inputValue()).toBe(TR_P2_DRAFT);
    expect(await translator.getByLabel('Translation of Summary').inputValue()).toBe(TR_SUMMARY_AFTER_CONFLICT);
    expect(await translator.getByLabel('Translation of Title').inputValue()).toBe(EDITOR_TITLE);

    await translator.getByRole('button', { name: 'Save', exact: true }).click();
    await savedNotice(translator);
    const stored = await translation('tr');
    expect(stored).toMatchObject({ title: EDITOR_TITLE, summary: TR_SUMMARY_AFTER_CONFLICT, body: [TR.body[0], TR_P2_DRAFT, TR.body[2]].join('\n\n') });

    await translator.getByRole('button', { name: 'Submit for review' }).click();
    await translator.getByText('Submitted for review. The editors have it now.').waitFor();
    expect((await translation('tr')).status).toBe('in_review');
  });

  it('shows the editor the Turkish text in review; a note sends it back to the translator', async () => {
    editor = await newPage('en-US');
    await editor.goto(`${admin}/admin/`);
    await editor.waitForURL(/\/admin\/login/);
    await signInWithForm(editor, EDITOR);
    await editor.waitForURL(`${admin}/admin/articles`);
    const tr = editor.locator('a.status-link', { hasText: `open the TR text of “${EN.title}”` });
    expect(await tr.locator('.badge').textContent()).toBe('In review');
    await checkScreen(editor, 'articles');

    await tr.click();
    await editor.waitForURL(`${admin}/admin/articles/${articleId}/tr`);
    await editor.getByRole('heading', { name: EDITOR_TITLE, level: 1 }).waitFor();
    // The draft's preview opens on the delivery API, with a preview token.
    const preview = editor.getByRole('link', { name: /Preview the draft/ });
    const href = (await preview.getAttribute('href'))!;
    const { slug } = await translation('tr');
    expect(href).toMatch(new RegExp(`^http://localhost:${stack.port + 1}/v1/tr/articles/${slug}\\?preview=`));
    const previewed = await fetch(href);
    expect(previewed.status).toBe(200);
    expect(await previewed.text()).toContain('yazın');
    await checkScreen(editor, 'review');

    await editor.getByLabel('New comment').fill(UNPOSTED_COMMENT);
    await editor.getByLabel('Review note').fill(REVIEW_NOTE);
    await editor.getByRole('button', { name: 'Request changes' }).click();
    await editor.getByText('Sent back to the translator.').waitFor();
    // The note joins the comments, and the comment still being written stays in its box.
    await editor.locator('section.comments').getByText(REVIEW_NOTE).waitFor();
    expect(await editor.getByLabel('New comment').inputValue()).toBe(UNPOSTED_COMMENT);
    expect((await translation('tr')).status).toBe('changes_requested');
  });

  it('gives the job back to the translator with the note; they fix the paragraph and submit again', async () => {
    // The queue shows the job as sent back before it is opened.
    await translator.goto(`${admin}/admin/queue/tr`);
    const row = translator.locator('tr', { hasText: EN.title });
    await row.locator('.badge', { hasText: 'Changes requested' }).waitFor();
    await row.getByRole('link', { name: EN.title }).click();
    await translator.waitForURL(`${admin}/admin/jobs/${jobId}`);
    await translator.locator('.meta .badge', { hasText: 'Claimed' }).waitFor();
    const note = translator.locator('section.comments li', { hasText: REVIEW_NOTE });
    // Signed by the editor's name, not "a colleague".
    await note.getByText(EDITOR.displayName).first().waitFor();
    expect(await changedUnits(translator)).toEqual(['unit-p2']);
    await translator.getByLabel('Translation of Paragraph 2').fill(TR_P2_FINAL);
    await translator.getByRole('button', { name: 'Save', exact: true }).click();
    await savedNotice(translator);
    await translator.getByRole('button', { name: 'Submit for review' }).click();
    await translator.getByText('Submitted for review. The editors have it now.').waitFor();
  });

  it('lets the editor approve and publish; the delivery API then serves the Turkish text', async () => {
    await editor.reload();
    await editor.getByRole('button', { name: 'Approve' }).click();
    await editor.getByText('Approved.').waitFor();
    await editor.getByRole('button', { name: 'Publish now' }).click();
    await editor.getByText('Published.').waitFor();

    const { slug } = await translation('tr');
    let served = '';
    await until(
      async () => {
        const response = await fetch(`${delivery}/v1/tr/articles/${slug}`);
        served = response.ok ? await response.text() : '';
        return served.includes(TR_P2_FINAL);
      },
      'the delivery API to serve the published Turkish text',
      10_000,
    );
    expect(served).toContain(EDITOR_TITLE);
    expect(served).toContain(TR_P2_FINAL);
  });

  it('compares two revisions of the translation', async () => {
    await editor.getByRole('link', { name: 'Revisions' }).click();
    await editor.waitForURL(`${admin}/admin/articles/${articleId}/tr/revisions`);
    await editor.getByRole('radio', { name: 'Compare from revision 1' }).check();
    const diff = editor.locator('section.diff');
    await diff.getByText(/^From revision 1 to revision \d+$/).waitFor();
    expect(await diff.locator('dt').allTextContents()).toEqual(expect.arrayContaining(['Title', 'Paragraph 2 · changed']));
    expect(await diff.locator('ins').count()).toBeGreaterThan(0);
    await checkScreen(editor, 'revisions');
  });

  it('keeps what the translator typed when their sign-in ends before they save', async () => {
    // The source changes again: a new update job, which the translator takes.
    const live = await translation('en');
    const body = [EN.body[0], EN_P2_CHANGED, EN_P3_CHANGED].join('\n\n');
    const edited = await call('editor', 'PUT', `/articles/${articleId}/translations/en`, { ...EN, body, slug: live.slug }, live.version);
    await steps('editor', 'en', edited.version, 'submit', 'approve', 'publish');
    const update = await openJob('update');
    await call('translator', 'POST', `/jobs/${update}/claim`);

    await translator.goto(`${admin}/admin/jobs/${update}`);
    await translator.getByLabel('Translation of Paragraph 3').fill(TR_P3_TYPED);
    // The session ends on the API's side (revoked here; an expiry is the same 401) before the save.
    const token = await translator.evaluate(() => JSON.parse(window.localStorage.getItem('kalam.session')).token as string);
    await fetch(`${admin}/admin/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    await translator.getByRole('button', { name: 'Save', exact: true }).click();
    // Meanwhile an editor rewrites the same paragraph.
    const before = await translation('tr');
    const editorBody = [TR.body[0], TR_P2_FINAL, TR_P3_EDITOR].join('\n\n');
    await call(
      'editor',
      'PUT',
      `/articles/${articleId}/translations/tr`,
      { title: before.title, summary: before.summary, body: editorBody, slug: before.slug },
      before.version,
    );

    await translator.waitForURL(/\/admin\/login\?next=/);
    await translator.getByText('Your session has ended. Sign in again to go on where you were.').waitFor();
    await signInWithForm(translator, TRANSLATOR);
    await translator.waitForURL(`${admin}/admin/jobs/${update}`);
    await translator.getByText('Your unsaved text from before was restored; save it when you are ready.').waitFor();
    expect(await translator.getByLabel('Translation of Paragraph 3').inputValue()).toBe(TR_P3_TYPED);
    // The editor's paragraph is shown under the translator's, to take or leave.
    const p3 = translator.locator('section.segment', { has: translator.locator('#unit-p3') });
    expect(await p3.locator('.theirs').textContent()).toContain(TR_P3_EDITOR);
    await translator.getByRole('button', { name: 'Save', exact: true }).click();
    await savedNotice(translator);
    expect((await translation('tr')).body).toContain(TR_P3_TYPED);
  });
});
