import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, type TestApp } from './support/test-app';

/** Input no honest client sends: each is a clear 4xx in the error shape, and nothing changes. */
describe('hostile input', () => {
  let test: TestApp;
  let token: string;
  let make: ContentFactory;

  beforeAll(async () => {
    test = await startTestApp('admin');
    ({ token } = await signIn(test, 'admin'));
    make = new ContentFactory(test.http, token);
  });
  afterAll(() => test.close());

  const raw = (method: string, path: string, body: string, withToken = true) =>
    test.http.request(method, path, { rawBody: body, token: withToken ? token : undefined, headers: { 'content-type': 'application/json' } });

  it('refuses lone UTF-16 surrogates on every route, naming the field, before anything is stored', async () => {
    const login = await raw('POST', '/admin/v1/auth/login', '{"email":"\\ud800","password":"x"}', false);
    expect(login.status).toBe(400);
    expect(login.body).toMatchObject({ error: 'request.lone_surrogate', details: [{ field: 'email' }] });
    const author = await raw('POST', '/admin/v1/authors', '{"name":"x\\ud800y"}');
    expect(author.body).toMatchObject({ statusCode: 400, error: 'request.lone_surrogate', details: [{ field: 'name' }] });
    const nested = await raw('POST', '/admin/v1/tags', '{"translations":{"en":{"name":"\\udc00"}}}');
    expect(nested.body).toMatchObject({ statusCode: 400, details: [{ field: 'translations.en.name' }] });
    const paired = await raw('POST', '/admin/v1/authors', '{"name":"Emoji \\ud83d\\ude00"}');
    expect(paired.status).toBe(201);
    expect(paired.body.name).toBe('Emoji 😀');
    const authors = await test.http.get('/admin/v1/authors?q=x', { token });
    expect(authors.body.items.some((a: { name: string }) => a.name.includes('\uFFFD'))).toBe(false);
  });

  it('refuses invalid UTF-8 in query strings and paths without a 500', async () => {
    for (const path of ['/admin/v1/articles?q=%ED%A0%80', '/admin/v1/articles?q=%FF', '/admin/v1/articles/%ED%A0%80', '/admin/v1/locales/%C0%AF']) {
      const response = await test.http.get(path, { token });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body).toHaveProperty('error');
    }
  });

  it('answers a path whose escapes are not UTF-8 in the error shape and the caller’s language, API and workbench alike', async () => {
    // Fastify refuses these before any hook runs; its own answer ({"error":"Bad Request","code":"FST_ERR_BAD_URL"}) is not Kalam's.
    for (const path of ['/admin/v1/articles/%ED%A0%80', '/admin/v1/locales/%C0%AF', '/admin/v1/articles/%FF', '/admin/articles/x/%E0', '/nothing/%']) {
      const response = await test.http.get(path, { token, headers: { 'accept-language': 'tr' } });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-request-id')).toBeTruthy();
      expect(response.body).toEqual({ statusCode: 400, error: 'request.invalid_url', message: 'Adres, UTF-8 metne çözülemeyen bir %-kaçış dizisi içeriyor.' });
    }
    const query = await test.http.get('/admin/v1/articles?q=%FF', { token });
    expect(query.body).toMatchObject({ statusCode: 400, error: 'request.invalid_url' });
  });

  it('refuses a body that is JSON but not an object, and changes nothing', async () => {
    const author = await make.author('Null Body');
    for (const body of ['null', '[]', '[{"name":"x"}]', '"text"', '42', 'true']) {
      const response = await test.http.request('PATCH', `/admin/v1/authors/${author.id}`, {
        rawBody: body,
        token,
        headers: { 'content-type': 'application/json', 'if-match': '"1"' },
      });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('request.body_not_object');
    }
    const stored = await test.http.get(`/admin/v1/authors/${author.id}`, { token });
    expect(stored.body).toMatchObject({ name: 'Null Body', version: 1 });
  });

  it('takes a workflow step sent without any body', async () => {
    const article = await make.article();
    const created = await make.translation(article.id, 'en', { title: 'Bare', body: 'Text.' });
    const submitted = await test.http.request('POST', `/admin/v1/articles/${article.id}/translations/en/submit`, {
      token,
      headers: { 'if-match': `"${created.version}"` },
    });
    expect(submitted).toMatchObject({ status: 200, body: { status: 'in_review' } });
  });

  it('refuses external media URLs with credentials or internal addresses, naming the field', async () => {
    for (const url of [
      'https://user:secret@images.example.org/a.jpg',
      'http://127.0.0.1:3000/admin/v1/users',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/a.jpg',
      'http://localhost/a.jpg',
    ]) {
      const response = await test.http.post('/admin/v1/media', { url }, { token });
      expect({ url, status: response.status, details: response.body.details }).toEqual({
        url,
        status: 400,
        details: [expect.objectContaining({ field: 'url', code: 'isPublicUrl' })],
      });
    }
    const fine = await test.http.post('/admin/v1/media', { url: 'https://images.example.org/a.jpg' }, { token });
    expect(fine.status).toBe(201);
  });

  it('answers odd If-Match values and schedule times on workflow steps with 4xx, and accepts a weak tag', async () => {
    const article = await make.article();
    const created = await make.translation(article.id, 'en', { title: 'If-Match', body: 'Text.' });
    const submit = (ifMatch: string) =>
      test.http.post(`/admin/v1/articles/${article.id}/translations/en/submit`, {}, { token, headers: { 'if-match': ifMatch } });
    for (const value of ['abc', '"-1"', '"99999999999"', '"1.5"', '*', '""']) {
      const response = await submit(value);
      expect({ value, status: response.status }).toEqual({ value, status: 400 });
    }
    expect((await submit(`W/"${created.version}"`)).status).toBe(200);

    const other = await make.article();
    let { version } = await make.translation(other.id, 'en', { title: 'Schedule', body: 'Text.' });
    for (const step of ['submit', 'approve'])
      version = (await test.http.post(`/admin/v1/articles/${other.id}/translations/en/${step}`, {}, { token, headers: { 'if-match': `"${version}"` } })).body
        .version;
    const publish = (publishAt: unknown) =>
      test.http.post(`/admin/v1/articles/${other.id}/translations/en/publish`, { publishAt }, { token, headers: { 'if-match': `"${version}"` } });
    for (const bad of ['2026-13-45T00:00:00Z', 'soon', 1735689600, ['2030-01-01T00:00:00Z']]) {
      const response = await publish(bad);
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
    }
    // A time already past publishes now.
    const past = await publish('2001-01-01T00:00:00Z');
    expect(past.body).toMatchObject({ status: 'published', publishAt: null });
  });
});
