import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expectCurrentSchema } from './support/openapi-client';
import { startTestApp, type TestApp } from './support/test-app';

const SCHEMA = path.join(__dirname, '../apps/workbench/src/api/schema.d.ts');

/** The admin API serves the workbench at /admin/ and keeps /admin/v1 and /admin/docs its own. */
describe('the workbench, served by the admin API', () => {
  let admin: TestApp;
  const built = mkdtempSync(path.join(tmpdir(), 'kalam-workbench-'));

  beforeAll(async () => {
    // A stand-in build (the real one is Vite's, made by `npm run build`): a page and one hashed asset.
    mkdirSync(path.join(built, 'assets'));
    writeFileSync(path.join(built, 'index.html'), '<!doctype html><meta name="kalam-delivery-url" content="%DELIVERY_URL%"><div id="app"></div>');
    writeFileSync(path.join(built, 'assets/index-abc123.js'), 'console.log("workbench")');
    admin = await startTestApp('admin', { WORKBENCH_DIR: built, PUBLIC_URL: 'https://cdn.example.org/"x' });
  });
  afterAll(async () => {
    await admin.close();
    rmSync(built, { recursive: true, force: true });
  });

  it('types its API calls from the current OpenAPI document (regenerate with UPDATE_CLIENT=1), so an API change that breaks it fails tsc', async () => {
    const document = (await admin.http.get('/admin/docs/json')).body;
    expectCurrentSchema(SCHEMA, document);
  });

  it('answers every workbench path with the page, under a strict content policy, naming the delivery API', async () => {
    for (const at of ['/admin/', '/admin/jobs/0b6f3d7e-0000-4000-8000-000000000000', '/admin/queue/tr?x=1']) {
      const page = await fetch(admin.http.baseUrl + at);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      // The address is escaped into the attribute: a quote in it cannot break out.
      expect(await page.text()).toContain('content="https://cdn.example.org/&quot;x"');
    }
    const bare = await fetch(admin.http.baseUrl + '/admin', { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/admin/');
  });

  it('serves hashed assets for a year, revalidates with ETag, and keeps unknown API paths JSON 404s', async () => {
    const asset = await fetch(admin.http.baseUrl + '/admin/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const again = await fetch(admin.http.baseUrl + '/admin/assets/index-abc123.js', { headers: { 'if-none-match': asset.headers.get('etag')! } });
    expect(again.status).toBe(304);
    for (const tags of [`W/${asset.headers.get('etag')}`, `"other", ${asset.headers.get('etag')}`, '*']) {
      expect((await fetch(admin.http.baseUrl + '/admin/assets/index-abc123.js', { headers: { 'if-none-match': tags } })).status).toBe(304);
    }
    expect((await fetch(admin.http.baseUrl + '/admin/assets/index-abc123.js', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);

    const gone = await fetch(admin.http.baseUrl + '/admin/assets/index-old.js');
    expect(gone.status).toBe(404);
    for (const at of ['/admin/v1/nothing-here', '/admin/v2/articles', '/admin/docs/nothing']) {
      const answer = await fetch(admin.http.baseUrl + at);
      expect(answer.status).toBe(404);
      expect(((await answer.json()) as { error: string }).error).toBe('not_found');
    }
    const api = await fetch(admin.http.baseUrl + '/admin/v1/articles');
    expect(api.status).toBe(401);
  });

  it('says how to build the workbench when it is not built', async () => {
    const bare = await startTestApp('admin', { WORKBENCH_DIR: path.join(built, 'nowhere') }, admin.databaseUrl);
    try {
      const page = await fetch(bare.http.baseUrl + '/admin/');
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});
