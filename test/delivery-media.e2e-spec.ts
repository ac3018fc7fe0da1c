import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { signIn, startTestApp, type TestApp } from './support/test-app';

/** Image renditions by width and format, made from uploads only, cached on disk, bounded by allow-lists. */
describe('delivery media renditions', () => {
  let admin: TestApp;
  let delivery: TestApp;
  let token: string;
  let dataDir: string;
  let photo: string;

  const image = async (query = '', headers: Record<string, string> = {}) => {
    const response = await fetch(`${delivery.http.baseUrl}/v1/media/${photo}${query}`, { headers });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kalam-renditions-'));
    admin = await startTestApp('admin', { KALAM_DATA_DIR: dataDir });
    delivery = await startTestApp('delivery', { KALAM_DATA_DIR: dataDir }, admin.databaseUrl);
    ({ token } = await signIn(admin, 'editor'));
    const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: { r: 20, g: 90, b: 160 } } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('credit', 'Photo: Bench');
    form.append('file', new Blob([png], { type: 'image/png' }), 'river.png');
    const uploaded = await fetch(`${admin.http.baseUrl}/admin/v1/media`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    expect(uploaded.status).toBe(201);
    photo = ((await uploaded.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await delivery.close();
    await admin.close();
  });

  it('makes renditions of the asked width and format, never enlarged, and serves the original as uploaded', async () => {
    for (const format of ['webp', 'avif', 'jpeg', 'png'] as const) {
      const response = await image(`?w=320&format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(`image/${format}`);
      const meta = await sharp(response.bytes).metadata();
      expect({ width: meta.width, height: meta.height, format: meta.format === 'heif' ? 'avif' : meta.format }).toEqual({ width: 320, height: 160, format });
    }
    expect((await sharp((await image('?w=1920&format=webp')).bytes).metadata()).width).toBe(800);
    const original = await image();
    expect(original.headers.get('content-type')).toBe('image/png');
    expect((await sharp(original.bytes).metadata()).width).toBe(800);
  });

  it('caches renditions on disk, made once for many simultaneous requests, with immutable caching and 304', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => image('?w=480&format=webp')));
    expect(answers.every((a) => a.status === 200 && a.bytes.equals(answers[0].bytes))).toBe(true);
    expect(readdirSync(path.join(dataDir, 'renditions', photo)).filter((f) => f.startsWith('480.'))).toEqual(['480.webp']);
    expect(existsSync(path.join(dataDir, 'renditions', photo, '480.webp'))).toBe(true);
    const first = answers[0];
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(first.headers.get('surrogate-key')).toBe(`media:${photo}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    expect((await image('?w=480&format=webp', { 'if-none-match': etag })).status).toBe(304);
  });

  it('refuses widths, formats and parameters outside the allow-lists, and unknown or external media', async () => {
    for (const query of ['?w=641', '?w=abc', '?w=1e9', '?w=-1', '?w=0640', '?format=gif', '?w=320&w=640', '?format=webp&format=png', '?colour=red']) {
      const response = await image(query, { 'accept-language': 'tr' });
      expect([query, response.status]).toEqual([query, 400]);
      const body = JSON.parse(response.bytes.toString()) as { error: string; message: string };
      expect(body.error).toBe('media.rendition_invalid');
      expect(body.message).toContain('160, 320');
    }
    expect((await fetch(`${delivery.http.baseUrl}/v1/media/00000000-0000-4000-8000-000000000000?w=320`)).status).toBe(404);
    expect((await fetch(`${delivery.http.baseUrl}/v1/media/not-a-uuid`)).status).toBeGreaterThanOrEqual(400);
    const external = await admin.http.post('/admin/v1/media', { url: 'https://photos.example.org/dam.jpg', credit: 'Agency' }, { token });
    expect(external.status).toBe(201);
    const refused = await fetch(`${delivery.http.baseUrl}/v1/media/${external.body.id}?w=320`);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: string }).error).toBe('media.external');
  });
});
