import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { checkScreen, findChromium } from './support/browser';
import { until } from './support/processes';
import { WorkbenchStack } from './support/workbench-stack';

// Page functions run in the browser; the project type-checks as Node code, without the DOM's types.
declare const window: any;

const browserPath = findChromium();
// test/workbench.e2e-spec.ts says why when there is no browser.

const PASSWORD = 'a-long-password-too';
const EDITOR = { email: 'selin@example.org', password: PASSWORD, role: 'editor', locales: ['en', 'tr'], displayName: 'Selin Editor' };
const AUTHOR = { email: 'kerim@example.org', password: PASSWORD, role: 'author', locales: ['en'], displayName: 'Kerim Author' };
const TRANSLATOR = { email: 'oleg@example.org', password: PASSWORD, role: 'translator', locales: ['ru'], displayName: 'Oleg Translator' };
const TR_DESK = { email: 'deniz@example.org', password: PASSWORD, role: 'editor', locales: ['tr'], displayName: 'Deniz TR Desk' };
// The launcher's default MEDIA_MAX_BYTES: 10 MiB.
const LIMIT = 10 * 1024 * 1024;
const CAPTION = 'Sluice gates on the lower canal';

(browserPath ? describe : describe.skip)('media in the workbench, in a browser', () => {
  let stack: WorkbenchStack;
  let admin: string;
  let editor: Page;
  type Who = 'admin' | 'editor' | 'author';
  const call = (who: Who | null, method: string, url: string, body?: unknown, version?: number, expected?: number[]) =>
    stack.call(who, method, url, body, version, expected);

  async function signInWithForm(page: Page, user: { email: string; password: string }, next: string): Promise<void> {
    await page.goto(`${admin}/admin/login?next=${encodeURIComponent(next)}`);
    // By type, not label: the form is in the browser's language.
    await page.locator('input[type=email]').fill(user.email);
    await page.locator('input[type=password]').fill(user.password);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(`${admin}/admin${next}`);
  }

  /** The upload requests the page sent. */
  const uploads: string[] = [];

  beforeAll(async () => {
    stack = await WorkbenchStack.start(browserPath!, 'workbench-media');
    ({ admin } = stack);
    await call('admin', 'POST', '/users', EDITOR);
    await call('admin', 'POST', '/users', TRANSLATOR);
    await call('admin', 'POST', '/users', TR_DESK);
    stack.tokens.editor = await stack.signIn(EDITOR);
    editor = await stack.page('en-GB');
    editor.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/admin/v1/media')) uploads.push(request.url());
    });
    await signInWithForm(editor, EDITOR, '/media');
  });

  afterAll(() => stack?.stop());

  afterEach(() => {
    expect(stack.pageErrors.splice(0)).toEqual([]);
  });

  const chooseFile = (page: Page, name: string, mimeType: string, buffer: Buffer) => page.getByLabel('Image file').setInputFiles({ name, mimeType, buffer });

  it('refuses a file over the size limit before sending a byte, saying how large it is and what the limit is', async () => {
    await editor.getByText('JPEG, PNG, GIF, WEBP, AVIF, up to 10 MB.', { exact: false }).waitFor();
    await chooseFile(editor, 'harbour.jpg', 'image/jpeg', Buffer.alloc(LIMIT + 1024 * 1024));
    await editor.getByRole('alert').getByText('This file is 11 MB; the limit is 10 MB.', { exact: false }).waitFor();
    expect(await editor.getByRole('button', { name: 'Upload' }).isDisabled()).toBe(true);
    expect(await editor.getByLabel('Image file').getAttribute('aria-invalid')).toBe('true');
    expect(uploads).toEqual([]);
  });

  it('shows the API’s own localized “too large” answer when a file does get sent, not a network error', async () => {
    // The page is told a larger limit than the server's, so the oversized file goes out and the server refuses it.
    await editor.route('**/admin/v1/media/limits', (route) =>
      route.fulfill({
        json: { maxBytes: LIMIT * 2, types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'], captionLocales: ['en', 'tr'] },
      }),
    );
    await editor.reload();
    await editor.getByLabel('Interface language').selectOption('tr');
    await editor.getByLabel('Görsel dosyası').setInputFiles({ name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(LIMIT + 1024 * 1024) });
    await editor.getByRole('button', { name: 'Yükle' }).click();
    await editor.getByRole('alert').getByText('Dosya 10 MB sınırından büyük.').waitFor();
    expect(uploads).toHaveLength(1);
    await editor.unroute('**/admin/v1/media/limits');
    await editor.getByLabel('Arayüz dili').selectOption('en');

    // The same in the page's own fetch: Chromium reads the 413 the server sent while the body was still arriving.
    const answer = await editor.evaluate(async (size: number) => {
      const token = JSON.parse(window.localStorage.getItem('kalam.session')).token as string;
      const body = new window.FormData();
      body.append('file', new window.Blob([new Uint8Array(size)], { type: 'image/png' }), 'big.png');
      const response = await window.fetch('/admin/v1/media', { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'accept-language': 'ru' } });
      return { status: response.status as number, body: await response.json() };
    }, LIMIT * 3);
    expect(answer).toEqual({ status: 413, body: expect.objectContaining({ error: 'media.too_large', message: 'Файл превышает предел в 10 МБ.' }) });
  });

  it('uploads an image with its credit and caption, and shows it first in the list', async () => {
    await editor.reload();
    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#2f6f8f' } })
      .png()
      .toBuffer();
    await chooseFile(editor, 'sluice.png', 'image/png', png);
    await editor.getByLabel('Credit').fill('Photo: Canal Authority');
    await editor.getByLabel('Caption language').selectOption('en');
    await editor.getByLabel('Caption', { exact: true }).fill(CAPTION);
    await editor.getByLabel('Alternative text').fill('Three steel gates above brown water');
    await editor.getByRole('button', { name: 'Upload' }).click();
    await editor.getByRole('status').getByText('Uploaded: the image is first in the list.').waitFor();

    const card = editor.locator('.media-card').first();
    await card.getByText(CAPTION).waitFor();
    await card.getByText('Photo: Canal Authority').waitFor();
    await card.getByText('600 × 400 px', { exact: false }).waitFor();
    // The preview is the delivery API's rendition (never wider than the original), which the page's CSP lets in.
    const image = card.getByRole('img', { name: 'Three steel gates above brown water' });
    await until(() => image.evaluate((img: any) => img.complete && img.naturalWidth === 600), 'the preview to load');
    expect(await image.getAttribute('src')).toMatch(new RegExp(`^http://localhost:${stack.port + 1}/v1/media/[0-9a-f-]{36}\\?w=640&format=webp$`));
    await checkScreen(editor, 'media');

    const [stored] = (await call('admin', 'GET', '/media')).items;
    expect(stored).toMatchObject({ credit: 'Photo: Canal Authority', width: 600, height: 400, translations: { en: { caption: CAPTION } } });
  });

  it('keeps the editor’s caption and takes a colleague’s credit when both saved the same image', async () => {
    const [stored] = (await call('admin', 'GET', '/media')).items;
    await editor.getByRole('button', { name: `Edit the credit and captions of “${CAPTION}”` }).click();
    await editor.getByRole('group', { name: 'Caption and alternative text · TR' }).getByLabel('Caption').fill('Aşağı kanalın savak kapakları');
    // An admin corrects the credit meanwhile.
    await call('admin', 'PATCH', `/media/${stored.id}`, { credit: 'Photo: Canal Authority / R. Aliyev' }, stored.version);

    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.getByRole('alert').getByText('Someone saved this image while you were editing.', { exact: false }).waitFor();
    expect(await editor.locator('.media-edit').getByLabel('Credit').inputValue()).toBe('Photo: Canal Authority / R. Aliyev');
    expect(await editor.getByRole('group', { name: 'Caption and alternative text · TR' }).getByLabel('Caption').inputValue()).toBe(
      'Aşağı kanalın savak kapakları',
    );
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.getByRole('status').getByText('Saved.').waitFor();

    const saved = await call('admin', 'GET', `/media/${stored.id}`);
    expect(saved).toMatchObject({
      credit: 'Photo: Canal Authority / R. Aliyev',
      translations: { en: { caption: CAPTION }, tr: { caption: 'Aşağı kanalın savak kapakları' } },
    });
  });

  it('lets a translator caption in their language only, with no upload form', async () => {
    const translator = await stack.page('ru-RU');
    await signInWithForm(translator, TRANSLATOR, '/media');
    await translator.getByText(CAPTION).waitFor();
    expect(await translator.getByRole('heading', { name: 'Загрузить изображение' }).count()).toBe(0);
    await translator.getByRole('button', { name: `Изменить автора и подписи: «${CAPTION}»` }).click();
    expect(await translator.locator('.media-edit legend').allTextContents()).toEqual(['Подпись и альтернативный текст · RU']);
    expect(await translator.locator('.media-edit').getByLabel('Автор снимка').count()).toBe(0);
    await translator.locator('.media-edit').getByLabel('Подпись').fill('Шлюзовые ворота нижнего канала');
    await translator.getByRole('button', { name: 'Сохранить' }).click();
    await translator.getByRole('status').getByText('Сохранено.').waitFor();
    const [stored] = (await call('admin', 'GET', '/media')).items;
    expect(stored.translations.ru.caption).toBe('Шлюзовые ворота нижнего канала');
    await translator.context().close();
  });

  it('offers an editor of one language only what the API will take: that language, and no credit on an image with text in others', async () => {
    const desk = await stack.page('en-GB');
    await signInWithForm(desk, TR_DESK, '/media');
    await desk.getByText(CAPTION).waitFor();
    expect(await desk.getByLabel('Caption language').locator('option').allTextContents()).toEqual(['TR']);
    await desk.getByRole('button', { name: `Edit the credit and captions of “${CAPTION}”` }).click();
    expect(await desk.locator('.media-edit legend').allTextContents()).toEqual(['Caption and alternative text · TR']);
    expect(await desk.locator('.media-edit').getByLabel('Credit').count()).toBe(0);
    await desk.context().close();
  });

  it('says so when the image being edited was deleted meanwhile, and takes it off the list', async () => {
    const doomed = await call('admin', 'POST', '/media', { url: 'https://images.example.org/doomed.jpg', translations: { en: { caption: 'Doomed picture' } } });
    await editor.reload();
    await editor.getByRole('button', { name: 'Edit the credit and captions of “Doomed picture”' }).click();
    await editor.locator('.media-edit').getByLabel('Credit').fill('Photo: too late');
    await call('admin', 'DELETE', `/media/${doomed.id}`, undefined, undefined, [204]);
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.getByRole('alert').getByText('Someone deleted this image while you were editing it', { exact: false }).waitFor();
    expect(await editor.locator('.media-edit').count()).toBe(0);
    // The list reloads after the notice: the card goes once the reload has answered.
    await editor.locator('.media-name', { hasText: 'Doomed picture' }).waitFor({ state: 'detached' });
  });

  it('lets an editor delete an image, after asking, and keeps it when asked not to', async () => {
    await call('admin', 'POST', '/media', { url: 'https://images.example.org/old-map.jpg', credit: 'Old survey map' });
    await editor.reload();
    const remove = editor.getByRole('button', { name: 'Delete “Old survey map”' });
    editor.once('dialog', (dialog) => void dialog.dismiss());
    await remove.click();
    expect((await call('admin', 'GET', '/media')).items.map((m: { credit: string }) => m.credit)).toContain('Old survey map');

    editor.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('Delete “Old survey map”?');
      void dialog.accept();
    });
    await remove.click();
    await editor.getByRole('status').getByText('Deleted.').waitFor();
    await remove.waitFor({ state: 'detached' });
    expect((await call('admin', 'GET', '/media')).items.map((m: { credit: string }) => m.credit)).not.toContain('Old survey map');
  });
  it('offers an author Edit on the images they added, and on no one else’s', async () => {
    await call('admin', 'POST', '/users', AUTHOR);
    stack.tokens.author = await stack.signIn(AUTHOR);
    await call('author', 'POST', '/media', { url: 'https://images.example.org/reservoir.jpg', credit: 'Photo: Kerim' });
    const author = await stack.page('en-GB');
    await signInWithForm(author, AUTHOR, '/media');
    await author.locator('.media-name', { hasText: 'Photo: Kerim' }).waitFor();
    expect(await author.getByRole('button', { name: /^Edit / }).evaluateAll((buttons) => buttons.map((b: any) => b.getAttribute('aria-label')))).toEqual([
      'Edit the credit and captions of “Photo: Kerim”',
    ]);
    expect(await author.getByRole('button', { name: /^Delete / }).count()).toBe(0);
    await author.context().close();
  });
});
