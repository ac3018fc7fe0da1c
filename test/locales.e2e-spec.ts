import { signIn, startTestApp, type TestApp } from './support/test-app';

describe('locales', () => {
  let admin: TestApp;
  let delivery: TestApp;
  let token: string;

  beforeAll(async () => {
    admin = await startTestApp('admin');
    delivery = await startTestApp('delivery', {}, admin.databaseUrl);
    token = (await signIn(admin, 'admin')).token;
  });
  afterAll(async () => {
    await delivery.close();
    await admin.close();
  });

  it('ships en, tr and ru with their text-search configs and fallbacks', async () => {
    const response = await admin.http.get('/admin/v1/locales', { token });
    expect(response.status).toBe(200);
    expect(response.body.map((l: { code: string; fallback: string | null; textSearchConfig: string }) => [l.code, l.fallback, l.textSearchConfig])).toEqual([
      ['en', null, 'english'],
      ['tr', 'en', 'turkish'],
      ['ru', 'en', 'russian'],
    ]);
  });

  it('adds Kazakh falling back to Russian with one call, and the delivery API lists it', async () => {
    const created = await admin.http.post(
      '/admin/v1/locales',
      { code: 'kk', name: 'Kazakh', nativeName: 'Қазақша', fallback: 'ru', textSearchConfig: 'simple' },
      { token },
    );
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ code: 'kk', fallback: 'ru', fallbackChain: ['kk', 'ru', 'en'], textSearchConfig: 'simple', enabled: true });

    const published = await delivery.http.get('/v1/locales');
    expect(published.status).toBe(200);
    expect(published.body).toContainEqual({ code: 'kk', name: 'Kazakh', nativeName: 'Қазақша', fallback: 'ru', textDirection: 'ltr' });
    expect(published.headers.get('cache-control')).toContain('max-age');
  });

  it('adds German with the german text-search config', async () => {
    const created = await admin.http.post(
      '/admin/v1/locales',
      { code: 'de', name: 'German', nativeName: 'Deutsch', fallback: 'en', textSearchConfig: 'german' },
      { token },
    );
    expect(created.status).toBe(201);
  });

  it('refuses a duplicate, an unknown fallback and an unknown text-search config', async () => {
    const duplicate = await admin.http.post('/admin/v1/locales', { code: 'tr', name: 'Turkish', nativeName: 'Türkçe' }, { token });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toBe('locale.exists');
    const fallback = await admin.http.post('/admin/v1/locales', { code: 'uz', name: 'Uzbek', nativeName: 'Oʻzbek', fallback: 'xx' }, { token });
    expect(fallback.status).toBe(422);
    expect(fallback.body.error).toBe('locale.unknown_fallback');
    const config = await admin.http.post(
      '/admin/v1/locales',
      { code: 'uz', name: 'Uzbek', nativeName: 'Oʻzbek', textSearchConfig: 'klingon' },
      { token, headers: { 'accept-language': 'ru' } },
    );
    expect(config.status).toBe(422);
    expect(config.body.message).toMatch(/^В PostgreSQL нет конфигурации полнотекстового поиска klingon\. Доступные: .*turkish/);
    const badCode = await admin.http.post('/admin/v1/locales', { code: 'EN_us', name: 'x', nativeName: 'x' }, { token });
    expect(badCode.status).toBe(400);
    expect(badCode.body.details[0]).toMatchObject({ field: 'code', code: 'isLocaleCode' });
  });

  it('needs If-Match to change a locale, and refuses a stale one', async () => {
    const missing = await admin.http.patch('/admin/v1/locales/ru', { nativeName: 'Русский язык' }, { token });
    expect(missing.status).toBe(428);
    expect(missing.body).toMatchObject({ error: 'request.precondition_required', currentVersion: 1 });
    const updated = await admin.http.patch('/admin/v1/locales/ru', { nativeName: 'Русский язык' }, { token, headers: { 'if-match': '"1"' } });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    const stale = await admin.http.patch('/admin/v1/locales/ru', { nativeName: 'Русский' }, { token, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ error: 'request.precondition_failed', currentVersion: 2 });
  });

  it('refuses a fallback loop', async () => {
    const current = (await admin.http.get('/admin/v1/locales', { token })).body.find((l: { code: string }) => l.code === 'en');
    const loop = await admin.http.patch('/admin/v1/locales/en', { fallback: 'kk' }, { token, headers: { 'if-match': `"${current.version}"` } });
    expect(loop.status).toBe(422);
    expect(loop.body.error).toBe('locale.fallback_cycle');
  });

  it('hides a disabled locale from the delivery API and 404s it listing the enabled ones', async () => {
    const kk = (await admin.http.get('/admin/v1/locales', { token })).body.find((l: { code: string }) => l.code === 'kk');
    const disabled = await admin.http.patch('/admin/v1/locales/kk', { enabled: false }, { token, headers: { 'if-match': `"${kk.version}"` } });
    expect(disabled.status).toBe(200);
    const published = await delivery.http.get('/v1/locales');
    expect(published.body.map((l: { code: string }) => l.code)).not.toContain('kk');
    const unknown = await admin.http.patch('/admin/v1/locales/xx', { name: 'x' }, { token, headers: { 'if-match': '"1"' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'locale.not_found', enabled: ['en', 'tr', 'ru', 'de'] });
  });

  it('lets only admins add locales', async () => {
    const { token: editorToken } = await signIn(admin, 'editor');
    expect((await admin.http.get('/admin/v1/locales', { token: editorToken })).status).toBe(200);
    const response = await admin.http.post('/admin/v1/locales', { code: 'fr', name: 'French', nativeName: 'Français' }, { token: editorToken });
    expect(response.status).toBe(403);
  });
});
