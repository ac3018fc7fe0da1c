import { readdir, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { signIn, startTestApp, type TestApp } from './support/test-app';

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function form(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  if (file) data.append('file', new Blob([file.bytes], { type: file.type }), file.name);
  return data;
}

describe('media', () => {
  let test: TestApp;
  let token: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kalam-media-'));
    test = await startTestApp('admin', { KALAM_DATA_DIR: dataDir, MEDIA_MAX_BYTES: '4096' });
    token = (await signIn(test, 'editor')).token;
  });
  afterAll(() => test.close());

  const upload = (data: FormData, language = 'en') =>
    fetch(`${test.http.baseUrl}/admin/v1/media`, { method: 'POST', body: data, headers: { authorization: `Bearer ${token}`, 'accept-language': language } });

  it('stores an uploaded PNG with its credit and captions, and serves the same bytes back', async () => {
    const response = await upload(
      form(
        {
          credit: 'Photo: Press Office',
          translations: JSON.stringify({ en: { caption: 'Delegations meet', alt: 'Two delegations' }, tr: { caption: 'Heyetler görüşüyor' } }),
        },
        { name: 'meeting.png', type: 'image/png', bytes: PNG_1X1 },
      ),
    );
    expect(response.status).toBe(201);
    const media = (await response.json()) as { url: string; translations: unknown };
    expect(media).toMatchObject({ kind: 'upload', mimeType: 'image/png', sizeBytes: PNG_1X1.length, width: 1, height: 1, credit: 'Photo: Press Office' });
    expect(media.translations).toEqual({ en: { caption: 'Delegations meet', alt: 'Two delegations' }, tr: { caption: 'Heyetler görüşüyor', alt: null } });

    const file = await fetch(`${test.http.baseUrl}${media.url}`, { headers: { authorization: `Bearer ${token}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG_1X1)).toBe(true);
    const year = String(new Date().getUTCFullYear());
    expect(await readdir(path.join(dataDir, 'media', year))).toHaveLength(1);
  });

  it('answers 404, not a 500, for an upload whose file is gone from disk', async () => {
    const files = async () => (await readdir(path.join(dataDir, 'media'), { recursive: true })).filter((name) => name.endsWith('.png'));
    const before = await files();
    const response = await upload(form({}, { name: 'gone.png', type: 'image/png', bytes: PNG_1X1 }));
    const media = (await response.json()) as { url: string };
    const added = (await files()).filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    await rm(path.join(dataDir, 'media', added[0]));
    const file = await fetch(`${test.http.baseUrl}${media.url}`, { headers: { authorization: `Bearer ${token}` } });
    expect(file.status).toBe(404);
    expect(((await file.json()) as { error: string }).error).toBe('media.file_missing');
  });

  it('answers file reads racing a delete with 200 or 404, never a 500', async () => {
    for (let round = 0; round < 20; round += 1) {
      const created = (await (await upload(form({}, { name: 'race.png', type: 'image/png', bytes: PNG_1X1 }))).json()) as { id: string; url: string };
      const read = () =>
        fetch(`${test.http.baseUrl}${created.url}`, { headers: { authorization: `Bearer ${token}` } }).then(async (r) => [
          r.status,
          (await r.arrayBuffer()).byteLength,
        ]);
      const [deleted, ...reads] = await Promise.all([
        test.http.delete(`/admin/v1/media/${created.id}`, { token }),
        read(),
        read(),
        read(),
        read(),
        read(),
        read(),
      ]);
      expect(deleted.status).toBe(204);
      // Whole bytes or a 404: a read that got the file open sends all of it.
      for (const [status, length] of reads) expect([status, length]).toEqual(status === 200 ? [200, PNG_1X1.length] : [404, expect.any(Number)]);
    }
  });

  it('refuses a file that is not an allowed image with 415, whatever it claims to be', async () => {
    const response = await upload(
      form({}, { name: 'evil.png', type: 'image/png', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }),
      'tr',
    );
    expect(response.status).toBe(415);
    expect((await response.json()) as object).toMatchObject({
      error: 'media.unsupported_type',
      message: 'Bu dosya kabul ettiğimiz bir görsel değil. İzin verilenler: JPEG, PNG, GIF, WebP, AVIF.',
    });
  });

  it('refuses a file over the size limit with 413 and stores nothing', async () => {
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(8192)]);
    const response = await upload(form({}, { name: 'big.png', type: 'image/png', bytes: big }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toBe('media.too_large');
    const list = await test.http.get('/admin/v1/media', { token });
    expect(list.body.items.every((m: { sizeBytes: number | null }) => (m.sizeBytes ?? 0) < 4096)).toBe(true);
  });

  it('tells every role the limit an upload must fit, so a client can refuse a file before sending it', async () => {
    const translator = (await signIn(test, 'translator', ['tr'])).token;
    const enabled = (await test.http.get('/admin/v1/locales', { token })).body
      .filter((l: { enabled: boolean }) => l.enabled)
      .map((l: { code: string }) => l.code);
    for (const [who, captionLocales] of [
      [token, enabled],
      [translator, ['tr']],
    ] as const) {
      const response = await test.http.get('/admin/v1/media/limits', { token: who });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ maxBytes: 4096, types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'], captionLocales });
    }
    expect((await test.http.get('/admin/v1/media/limits')).status).toBe(401);
  });

  it('tells each caller what they may do with an item, by the rules its writes enforce', async () => {
    const external = (
      await test.http.post('/admin/v1/media', { url: 'https://images.example.org/may.jpg', translations: { en: { caption: 'Weir' } } }, { token })
    ).body as { id: string; may: unknown };
    expect(external.may).toEqual({ credit: true, delete: true, captionLocales: expect.arrayContaining(['en', 'tr', 'ru']) });
    const trEditor = (await signIn(test, 'editor', ['tr'])).token;
    const author = (await signIn(test, 'author', ['en'])).token;
    const translator = (await signIn(test, 'translator', ['ru'])).token;
    const mayFor = async (who: string) => (await test.http.get(`/admin/v1/media/${external.id}`, { token: who })).body.may;
    // The tr editor does not hold the English caption's locale: no credit, no delete, captions in tr only.
    expect(await mayFor(trEditor)).toEqual({ credit: false, delete: false, captionLocales: ['tr'] });
    // Not the author's image: nothing, though they hold en.
    expect(await mayFor(author)).toEqual({ credit: false, delete: false, captionLocales: [] });
    expect(await mayFor(translator)).toEqual({ credit: false, delete: false, captionLocales: ['ru'] });
    // And the writes agree.
    const version = (await test.http.get(`/admin/v1/media/${external.id}`, { token })).body.version as number;
    const headers = { 'if-match': `"${version}"` };
    expect((await test.http.patch(`/admin/v1/media/${external.id}`, { credit: 'x' }, { token: trEditor, headers })).status).toBe(403);
    expect((await test.http.patch(`/admin/v1/media/${external.id}`, { translations: { en: { caption: 'x' } } }, { token: author, headers })).status).toBe(403);
    expect((await test.http.delete(`/admin/v1/media/${external.id}`, { token: trEditor })).status).toBe(403);
    expect(
      (await test.http.patch(`/admin/v1/media/${external.id}`, { translations: { ru: { caption: 'Водослив' } } }, { token: translator, headers })).status,
    ).toBe(200);
  });

  it('names an over-long credit in an upload form', async () => {
    const response = await upload(form({ credit: 'x'.repeat(301) }, { name: 'ok.png', type: 'image/png', bytes: PNG_1X1 }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { details: unknown[] }).details).toEqual([
      { field: 'credit', code: 'maxLength', message: 'credit must be at most 300 characters long.' },
    ]);
  });

  it('asks for a file when a form has none', async () => {
    const response = await upload(form({ credit: 'x' }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('media.no_file');
  });

  it('registers an external image and edits its credit with If-Match', async () => {
    const created = await test.http.post(
      '/admin/v1/media',
      { url: 'https://images.example.org/port.jpg', credit: 'Photo: Harbour Authority', translations: { ru: { caption: 'Порт Актау' } } },
      { token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'external',
      url: 'https://images.example.org/port.jpg',
      translations: { ru: { caption: 'Порт Актау', alt: null } },
    });
    const edited = await test.http.patch(`/admin/v1/media/${created.body.id}`, { credit: 'Photo: Port of Aktau' }, { token, headers: { 'if-match': '"1"' } });
    expect(edited.body).toMatchObject({ credit: 'Photo: Port of Aktau', version: 2 });
    const badUrl = await test.http.post('/admin/v1/media', { url: 'javascript:alert(1)' }, { token });
    expect(badUrl.status).toBe(400);
    const badLocale = await test.http.post('/admin/v1/media', { url: 'https://images.example.org/a.jpg', translations: { xx: { caption: 'x' } } }, { token });
    expect(badLocale.status).toBe(404);
    const badCaption = await test.http.post(
      '/admin/v1/media',
      { url: 'https://images.example.org/a.jpg', translations: { en: { caption: 1, extra: true } } },
      { token },
    );
    expect(badCaption.status).toBe(400);
    expect(badCaption.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['translations.en.caption', 'translations.en.extra']);
  });

  it('sets an uploaded image as an article’s hero image', async () => {
    const media = await test.http.post('/admin/v1/media', { url: 'https://images.example.org/hero.jpg', credit: 'Photo: Agency' }, { token });
    const author = await test.http.post('/admin/v1/authors', { name: 'Hero Writer' }, { token });
    const article = await test.http.post('/admin/v1/articles', { sourceLocale: 'en', authorIds: [author.body.id], heroMediaId: media.body.id }, { token });
    expect(article.status).toBe(201);
    expect(article.body.heroImage).toMatchObject({ id: media.body.id, credit: 'Photo: Agency' });
    const missing = await test.http.post(
      '/admin/v1/articles',
      { sourceLocale: 'en', authorIds: [author.body.id], heroMediaId: '00000000-0000-4000-8000-000000000003' },
      { token },
    );
    expect(missing.status).toBe(422);
    expect(missing.body.error).toBe('article.unknown_media');
  });

  const stored = async () => (await test.http.get('/admin/v1/media?limit=100', { token })).body.total as number;
  const filesOnDisk = async () => {
    const year = path.join(dataDir, 'media', String(new Date().getUTCFullYear()));
    const months = await readdir(year).catch(() => [] as string[]);
    return (await Promise.all(months.map((m) => readdir(path.join(year, m))))).flat().length;
  };

  it('refuses images cut short, of every accepted format, with 422 and stores nothing', async () => {
    const [before, filesBefore] = [await stored(), await filesOnDisk()];
    const gif = await upload(form({}, { name: 'tiny.gif', type: 'image/gif', bytes: Buffer.from('GIF89a') }));
    expect(gif.status).toBe(422);
    expect(((await gif.json()) as { error: string }).error).toBe('media.unreadable_image');
    for (const format of ['jpeg', 'png', 'gif', 'webp', 'avif'] as const) {
      const whole = await sharp({ create: { width: 24, height: 16, channels: 3, background: { r: 90, g: 20, b: 200 } } })
        .toFormat(format)
        .toBuffer();
      for (const cut of [whole.subarray(0, 12), whole.subarray(0, Math.floor(whole.length / 2)), whole.subarray(0, whole.length - 1)]) {
        const response = await upload(form({}, { name: `cut.${format}`, type: `image/${format}`, bytes: cut }));
        expect({ format, length: cut.length, status: response.status }).toEqual({ format, length: cut.length, status: 422 });
      }
      const ok = await upload(form({}, { name: `whole.${format}`, type: `image/${format}`, bytes: whole }));
      expect(await ok.json()).toMatchObject({ width: 24, height: 16 });
    }
    expect(await stored()).toBe(before + 5);
    expect(await filesOnDisk()).toBe(filesBefore + 5);
  });

  const rawUpload = (contentType: string, body: string | Buffer) =>
    fetch(`${test.http.baseUrl}/admin/v1/media`, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': contentType } });

  it('answers malformed multipart with 400/413 in the error shape, never a 500', async () => {
    const before = await stored();
    const cases: [string, () => Promise<Response>, number, string][] = [
      [
        'no boundary',
        () => rawUpload('multipart/form-data', '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\nb\r\n--x--'),
        400,
        'request.malformed_multipart',
      ],
      ['no parts', () => rawUpload('multipart/form-data; boundary=zzz', 'not a multipart body at all'), 400, 'media.no_file'],
      [
        'cut off',
        () =>
          rawUpload(
            'multipart/form-data; boundary=zzz',
            '--zzz\r\ncontent-disposition: form-data; name="file"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n\x89PNG',
          ),
        400,
        'request.malformed_multipart',
      ],
      ['NUL in a field', () => upload(form({ credit: 'Photo\u0000' }, { name: 'a.png', type: 'image/png', bytes: PNG_1X1 })), 400, 'request.nul_character'],
      ['NUL in a file name', () => upload(form({}, { name: 'a\u0000.png', type: 'image/png', bytes: PNG_1X1 })), 400, 'request.nul_character'],
      [
        'NUL inside translations',
        () => upload(form({ translations: '{"en":{"caption":"a\\u0000"}}' }, { name: 'a.png', type: 'image/png', bytes: PNG_1X1 })),
        400,
        'request.nul_character',
      ],
      [
        'lone surrogate inside translations',
        () => upload(form({ translations: '{"en":{"caption":"\\ud800"}}' }, { name: 'a.png', type: 'image/png', bytes: PNG_1X1 })),
        400,
        'request.lone_surrogate',
      ],
      [
        'translations 5,000 deep',
        () => upload(form({ translations: '['.repeat(5000) + ']'.repeat(5000) }, { name: 'a.png', type: 'image/png', bytes: PNG_1X1 })),
        400,
        'request.too_deep',
      ],
      [
        'translations not JSON',
        () => upload(form({ translations: '{en:' }, { name: 'a.png', type: 'image/png', bytes: PNG_1X1 })),
        400,
        'request.malformed_json',
      ],
      [
        'too many fields',
        () => upload(form(Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`f${i}`, 'x'])), { name: 'a.png', type: 'image/png', bytes: PNG_1X1 })),
        413,
        'request.too_many_parts',
      ],
    ];
    for (const [name, send, status, error] of cases) {
      const response = await send();
      const body = (await response.json()) as { error: string };
      expect({ name, status: response.status, error: body.error }).toEqual({ name, status, error });
    }
    expect(await stored()).toBe(before);
  });

  /** A form whose text field carries these bytes as they are (FormData would re-encode a string). */
  const formWithRawField = (name: string, value: Buffer, partType?: string) =>
    Buffer.concat([
      Buffer.from(`--zzz\r\ncontent-disposition: form-data; name="${name}"\r\n${partType ? `content-type: ${partType}\r\n` : ''}\r\n`),
      value,
      Buffer.from('\r\n--zzz\r\ncontent-disposition: form-data; name="file"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n'),
      PNG_1X1,
      Buffer.from('\r\n--zzz--\r\n'),
    ]);

  it('refuses form fields that are not valid UTF-8, as it refuses such JSON, rather than storing U+FFFD', async () => {
    const before = await stored();
    const invalid = Buffer.from([0x41, 0xff, 0xfe, 0xc3, 0x28]);
    const surrogate = Buffer.concat([Buffer.from('{"tr":{"caption":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}}')]);
    for (const [name, value] of [
      ['credit', invalid],
      ['translations', surrogate],
    ] as const) {
      const response = await rawUpload('multipart/form-data; boundary=zzz', formWithRawField(name, value));
      expect({ name, status: response.status, error: ((await response.json()) as { error: string }).error }).toEqual({
        name,
        status: 400,
        error: 'request.invalid_utf8',
      });
    }
    expect(await stored()).toBe(before);

    // Text in any script still arrives whole, from a browser's FormData and from raw UTF-8 bytes.
    const credit = 'Fotoğraf: Şükrü Çelik / Фото: Пётр 📷';
    const fromForm = await upload(
      form({ credit, translations: JSON.stringify({ ru: { caption: 'Шлюз', alt: 'Ворота' } }) }, { name: 'şehir.png', type: 'image/png', bytes: PNG_1X1 }),
    );
    expect(fromForm.status).toBe(201);
    expect((await fromForm.json()) as object).toMatchObject({ credit, translations: { ru: { caption: 'Шлюз', alt: 'Ворота' } } });
    const fromBytes = await rawUpload('multipart/form-data; boundary=zzz', formWithRawField('credit', Buffer.from(credit, 'utf8')));
    expect(fromBytes.status).toBe(201);
    expect(((await fromBytes.json()) as { credit: string }).credit).toBe(credit);
  });

  it('takes text parts that name UTF-8 as their charset, or are typed as JSON, as they were meant', async () => {
    const credit = 'Фото: Агентство / Ajans Ç';
    const cases: [string, Buffer, string, (body: { credit: string | null; translations: object }) => void][] = [
      ['credit', Buffer.from(credit, 'utf8'), 'text/plain; charset=utf-8', (body) => expect(body.credit).toBe(credit)],
      [
        'translations',
        Buffer.from(JSON.stringify({ ru: { caption: 'Подпись' } }), 'utf8'),
        'text/plain; charset=UTF-8',
        (body) => expect(body.translations).toMatchObject({ ru: { caption: 'Подпись' } }),
      ],
      [
        'translations',
        Buffer.from(JSON.stringify({ tr: { caption: 'Şehir' } }), 'utf8'),
        'application/json',
        (body) => expect(body.translations).toMatchObject({ tr: { caption: 'Şehir' } }),
      ],
    ];
    for (const [name, value, partType, check] of cases) {
      const response = await rawUpload('multipart/form-data; boundary=zzz', formWithRawField(name, value, partType));
      expect({ partType, status: response.status }).toEqual({ partType, status: 201 });
      check((await response.json()) as { credit: string | null; translations: object });
    }
  });

  it('tells an author editing someone else’s image that it is not theirs, not that the language is refused', async () => {
    const external = await test.http.post('/admin/v1/media', { url: 'https://images.example.org/not-yours.jpg' }, { token });
    const author = (await signIn(test, 'author', ['en'])).token;
    const response = await test.http.patch(
      `/admin/v1/media/${external.body.id}`,
      { translations: { en: { caption: 'Mine now' } } },
      { token: author, headers: { 'if-match': '"1"' } },
    );
    expect(response.status).toBe(403);
    expect(response.body.error).toBe('forbidden');
    const elsewhere = await test.http.patch(
      `/admin/v1/media/${external.body.id}`,
      { translations: { tr: { caption: 'Benim' } } },
      { token: author, headers: { 'if-match': '"1"' } },
    );
    expect(elsewhere.body).toMatchObject({ error: 'auth.locale_forbidden' });
  });
});
