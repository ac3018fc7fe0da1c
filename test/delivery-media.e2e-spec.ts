import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { RENDER_LIMIT } from '../apps/delivery-api/src/media/renditions.service';
import { signIn, startTestApp, type TestApp } from './support/test-app';

const WIDTHS = '160, 320, 480, 640, 960, 1280, 1920, 2560';
const FORMATS = 'webp, avif, jpeg, png';

/** Image renditions by width and format, made from uploads only, cached on disk, bounded by allow-lists. */
describe('delivery media renditions', () => {
  let admin: TestApp;
  let delivery: TestApp;
  let token: string;
  let dataDir: string;
  let photo: string;
  let photoPng: Buffer;

  const get = async (id: string, query = '', headers: Record<string, string> = {}, method = 'GET') => {
    const response = await fetch(`${delivery.http.baseUrl}/v1/media/${id}${query}`, { method, headers });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const json = (bytes: Buffer) => JSON.parse(bytes.toString()) as { statusCode: number; error: string; message: string; details?: { field?: string }[] };
  const upload = async (bytes: Buffer, type: string, name: string): Promise<string> => {
    const form = new FormData();
    form.append('credit', 'Photo: Bench');
    form.append('file', new Blob([bytes], { type }), name);
    const uploaded = await fetch(`${admin.http.baseUrl}/admin/v1/media`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    expect(uploaded.status).toBe(201);
    return ((await uploaded.json()) as { id: string }).id;
  };
  /** The stored original, found by its bytes (the storage key is not part of any answer). */
  const storedFile = async (bytes: Buffer): Promise<string> => {
    const files = (await readdir(path.join(dataDir, 'media'), { recursive: true })).map((f) => path.join(dataDir, 'media', f));
    const found = files.find((f) => statSync(f).isFile() && readFileSync(f).equals(bytes));
    if (!found) throw new Error('uploaded file not found under the data dir');
    return found;
  };
  /** The most sharp pipelines running or queued at once (sharp's own counters) while `work` runs. */
  const mostSharpJobs = async <T>(work: () => Promise<T>): Promise<{ result: T; most: number }> => {
    let most = 0;
    const sampler = setInterval(() => {
      const { queue, process } = sharp.counters();
      most = Math.max(most, queue + process);
    }, 2);
    try {
      return { result: await work(), most };
    } finally {
      clearInterval(sampler);
    }
  };
  const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 160 } } });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kalam-renditions-'));
    // Both apps on one database and one data dir: the delivery API reads what the admin API stored.
    admin = await startTestApp('admin', { KALAM_DATA_DIR: dataDir });
    delivery = await startTestApp('delivery', { KALAM_DATA_DIR: dataDir }, admin.databaseUrl);
    ({ token } = await signIn(admin, 'editor'));
    photoPng = await solid(800, 400).png().toBuffer();
    photo = await upload(photoPng, 'image/png', 'river.png');
  });
  afterAll(async () => {
    await delivery.close();
    await admin.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('makes renditions of the asked width and format, never enlarged, and serves the original as uploaded', async () => {
    for (const format of ['webp', 'avif', 'jpeg', 'png'] as const) {
      const response = await get(photo, `?w=320&format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(`image/${format}`);
      expect(response.headers.get('content-length')).toBe(String(response.bytes.length));
      const meta = await sharp(response.bytes).metadata();
      expect({ width: meta.width, height: meta.height, format: meta.format === 'heif' ? 'avif' : meta.format }).toEqual({ width: 320, height: 160, format });
    }
    const wide = await sharp((await get(photo, '?w=1920&format=webp')).bytes).metadata();
    expect([wide.width, wide.height, wide.format]).toEqual([800, 400, 'webp']);
    // Width alone keeps the original's format; format alone keeps its width.
    const narrow = await get(photo, '?w=160');
    expect([narrow.headers.get('content-type'), (await sharp(narrow.bytes).metadata()).width]).toEqual(['image/png', 160]);
    const converted = await sharp((await get(photo, '?format=webp')).bytes).metadata();
    expect([converted.format, converted.width]).toEqual(['webp', 800]);
    // GIF is no rendition format: a still PNG of it, transparency kept.
    const gif = await upload(
      await sharp({ create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
        .gif()
        .toBuffer(),
      'image/gif',
      'dot.gif',
    );
    const still = await get(gif, '?w=160');
    const stillMeta = await sharp(still.bytes).metadata();
    expect([still.headers.get('content-type'), stillMeta.format, stillMeta.width, stillMeta.hasAlpha]).toEqual(['image/png', 'png', 160, true]);
    const original = await get(photo);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/png');
    expect(original.headers.get('content-length')).toBe(String(photoPng.length));
    expect(original.bytes.equals(photoPng)).toBe(true);
  });

  it('turns a JPEG upright by its EXIF orientation and writes no metadata', async () => {
    // Stored 300×200 and marked "rotate 90°": it is a 200×300 portrait to anyone who looks at it.
    const jpeg = await solid(300, 200)
      .jpeg()
      .withExif({ IFD0: { Artist: 'Jane Roe', Copyright: 'Agency' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const id = await upload(jpeg, 'image/jpeg', 'sideways.jpg');
    for (const query of ['?w=160&format=jpeg', '?w=160&format=webp']) {
      const response = await get(id, query);
      expect(response.status).toBe(200);
      const meta = await sharp(response.bytes).metadata();
      expect({ width: meta.width, height: meta.height, orientation: meta.orientation, exif: meta.exif, xmp: meta.xmp }).toEqual({
        width: 160,
        height: 240,
        orientation: undefined,
        exif: undefined,
        xmp: undefined,
      });
      expect(response.bytes.includes('Jane Roe')).toBe(false);
    }
  });

  it('makes a rendition once for many simultaneous requests, caches it on disk and serves it from there', async () => {
    const { result: answers, most } = await mostSharpJobs(() => Promise.all(Array.from({ length: 20 }, () => get(photo, '?w=480&format=webp'))));
    expect(most).toBeLessThanOrEqual(1);
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(answers.every((a) => a.bytes.equals(answers[0].bytes) && a.headers.get('etag') === answers[0].headers.get('etag'))).toBe(true);
    const folder = path.join(dataDir, 'renditions', photo);
    expect(readdirSync(folder).filter((f) => f.startsWith('480.'))).toEqual(['480.webp']);
    expect(readdirSync(folder).filter((f) => f.endsWith('.part'))).toEqual([]);
    const cacheFile = path.join(folder, '480.webp');
    expect(readFileSync(cacheFile).equals(answers[0].bytes)).toBe(true);
    const written = statSync(cacheFile).mtimeMs;
    const again = await get(photo, '?w=480&format=webp');
    expect(again.bytes.equals(answers[0].bytes)).toBe(true);
    expect(statSync(cacheFile).mtimeMs).toBe(written);

    // Proof the cache is what answers: with the original gone, made renditions still come from disk,
    // while anything that would need the original is a clear 404.
    const png = await solid(600, 300).png({ compressionLevel: 1 }).toBuffer();
    const id = await upload(png, 'image/png', 'gone.png');
    const made = await get(id, '?w=320&format=jpeg');
    expect(made.status).toBe(200);
    await rm(await storedFile(png));
    const fromDisk = await get(id, '?w=320&format=jpeg');
    expect([fromDisk.status, fromDisk.bytes.equals(made.bytes)]).toEqual([200, true]);
    for (const query of ['?w=640&format=jpeg', '']) {
      const missing = await get(id, query);
      expect([query, missing.status, json(missing.bytes).error]).toEqual([query, 404, 'media.file_missing']);
    }
  });

  it('answers a corrupt original with 422 in the error shape, never a 500', async () => {
    const png = await solid(400, 200).png({ compressionLevel: 2 }).toBuffer();
    const id = await upload(png, 'image/png', 'damaged.png');
    await writeFile(await storedFile(png), Buffer.concat([png.subarray(0, 60), Buffer.alloc(200, 7)]));
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await get(id, '?w=160&format=webp', { 'accept-language': 'ru' });
      expect(response.status).toBe(422);
      expect(json(response.bytes)).toMatchObject({ statusCode: 422, error: 'media.unreadable_image', message: expect.stringMatching(/[а-я]/) });
    }
    expect(existsSync(path.join(dataDir, 'renditions', id, '160.webp'))).toBe(false);
  });

  it('sends immutable caching, a strong ETag, the surrogate key and 304 on If-None-Match', async () => {
    for (const query of ['?w=640&format=avif', '']) {
      const first = await get(photo, query);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(first.headers.get('surrogate-key')).toBe(`media:${photo}`);
      expect(first.headers.get('x-content-type-options')).toBe('nosniff');
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[^"]+"$/);
      const fresh = await get(photo, query, { 'if-none-match': `"other", ${etag}` });
      expect([fresh.status, fresh.bytes.length, fresh.headers.get('etag')]).toEqual([304, 0, etag]);
      expect(fresh.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(fresh.headers.get('surrogate-key')).toBe(`media:${photo}`);
      expect((await get(photo, query, { 'if-none-match': '"other"' })).status).toBe(200);
      const head = await get(photo, query, {}, 'HEAD');
      expect([head.status, head.bytes.length, head.headers.get('content-length'), head.headers.get('etag')]).toEqual([
        200,
        0,
        String(first.bytes.length),
        etag,
      ]);
    }
    expect((await get(photo, '?w=640&format=webp')).headers.get('etag')).not.toBe((await get(photo, '?w=640&format=avif')).headers.get('etag'));
  });

  it.each([
    ['?w=641', 'w'],
    ['?w=abc', 'w'],
    ['?w=1e9', 'w'],
    ['?w=-1', 'w'],
    ['?w=0', 'w'],
    ['?w=0640', 'w'],
    ['?w=', 'w'],
    ['?w=2561', 'w'],
    ['?format=gif', 'format'],
    ['?format=WEBP', 'format'],
    ['?format=', 'format'],
    ['?w=320&w=640', 'w'],
    ['?w=320&w=320', 'w'],
    ['?format=webp&format=png', 'format'],
    ['?w[]=320', 'w[]'],
    ['?W=320', 'W'],
    ['?colour=red', 'colour'],
    ['?w=320&format=webp&q=100', 'q'],
  ])('refuses %s with 400 in the error shape, naming the allowed values', async (query, field) => {
    const response = await get(photo, query);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = json(response.bytes);
    expect(body).toMatchObject({ statusCode: 400, error: 'media.rendition_invalid', details: [{ field }] });
    expect(body.message).toContain(WIDTHS);
    expect(body.message).toContain(FORMATS);
  });

  it('explains a refused parameter in the asker language', async () => {
    const messages = new Set<string>();
    for (const language of ['en', 'tr', 'ru']) {
      const body = json((await get(photo, '?w=641', { 'accept-language': language })).bytes);
      expect(body.message).toContain(WIDTHS);
      messages.add(body.message);
    }
    expect(messages.size).toBe(3);
  });

  it('answers unknown, malformed and external media ids with 404 or 400, never fetching an external URL', async () => {
    const unknown = await get('00000000-0000-4000-8000-000000000000', '?w=320');
    expect([unknown.status, json(unknown.bytes).error]).toEqual([404, 'media.not_found']);
    for (const id of ['not-a-uuid', '1', `${photo}x`]) {
      const malformed = await get(id, '?w=320');
      expect([id, malformed.status, json(malformed.bytes).statusCode, json(malformed.bytes).error]).toEqual([id, 400, 400, 'request.invalid_id']);
    }
    const external = await admin.http.post('/admin/v1/media', { url: 'https://photos.example.org/dam.jpg', credit: 'Agency' }, { token });
    expect(external.status).toBe(201);
    for (const query of ['?w=320', '?format=webp', '']) {
      const refused = await get(external.body.id as string, query);
      expect([query, refused.status, json(refused.bytes).error]).toEqual([query, 404, 'media.external']);
    }
    expect(existsSync(path.join(dataDir, 'renditions', external.body.id as string))).toBe(false);
  });

  it('runs at most RENDER_LIMIT sharp jobs at once during a burst, and keeps answering other requests', async () => {
    const noise = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: 'black', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg({ quality: 70 })
      .toBuffer();
    const id = await upload(noise, 'image/jpeg', 'noise.jpg');
    let settled = false;
    const { result, most } = await mostSharpJobs(async () => {
      const burst = Promise.all(['?w=2560&format=avif', '?w=1920&format=png', '?w=1280&format=avif'].map((query) => get(id, query))).finally(
        () => (settled = true),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      const locales = await fetch(`${delivery.http.baseUrl}/v1/locales`);
      return { locales: locales.status, took: Date.now() - started, during: !settled, burst: (await burst).map((r) => r.status) };
    });
    expect({ ...result, took: result.took < 1000 }).toEqual({ locales: 200, took: true, during: true, burst: [200, 200, 200] });
    expect(most).toBeGreaterThanOrEqual(1);
    expect(most).toBeLessThanOrEqual(RENDER_LIMIT);
  }, 60_000);
});
