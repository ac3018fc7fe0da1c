import { signIn, startTestApp, type TestApp } from './support/test-app';

describe('error responses', () => {
  let test: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    test = await startTestApp('admin', { BODY_LIMIT: '16kb' });
    adminToken = (await signIn(test, 'admin')).token;
  });
  afterAll(() => test.close());

  const createUser = (body: unknown, language: string) =>
    test.http.post('/admin/v1/users', body, { token: adminToken, headers: { 'accept-language': language } });

  it('lists each invalid field in Turkish', async () => {
    const response = await createUser({ email: 'not-an-email', password: 'short', role: 'chief', extra: 1 }, 'tr-TR,tr;q=0.9');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-language')).toBe('tr');
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'request.validation_failed',
      message: '4 alan geçersiz.',
      details: expect.arrayContaining([
        { field: 'extra', code: 'whitelistValidation', message: 'extra bilinen bir alan değil.' },
        { field: 'email', code: 'isEmail', message: 'email bir e-posta adresi olmalı.' },
        { field: 'password', code: 'minLength', message: 'password en az 10 karakter olmalı.' },
        { field: 'role', code: 'isIn', message: 'role şunlardan biri olmalı: admin, editor, author, translator.' },
      ]),
    });
    expect(response.body.details).toHaveLength(4);
  });

  it('lists each invalid field in Russian with the right plural forms', async () => {
    const response = await createUser({ email: 'a@b.org', password: 'short', role: 'author', locales: 'tr' }, 'ru');
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('2 поля заполнены неверно.');
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { field: 'password', code: 'minLength', message: 'Поле password должно содержать не меньше 10 символов.' },
        { field: 'locales', code: 'isArray', message: 'Поле locales должно быть списком.' },
      ]),
    );
  });

  it('says a missing field is required rather than of the wrong type', async () => {
    const response = await createUser({ password: 'long-enough-password', role: 'author' }, 'en');
    expect(response.body.details).toEqual([{ field: 'email', code: 'isDefined', message: 'email is required.' }]);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await test.http.request('POST', '/admin/v1/users', {
      rawBody: '{"email": "a@b.org",',
      token: adminToken,
      headers: { 'content-type': 'application/json', 'accept-language': 'ru' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'request.malformed_json', message: 'Тело запроса не является корректным JSON.' });
  });

  it('answers invalid UTF-8 and absurd nesting with 400', async () => {
    const invalid = await test.http.request('POST', '/admin/v1/users', {
      rawBody: Buffer.concat([Buffer.from('{"email":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      token: adminToken,
      headers: { 'content-type': 'application/json' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('request.invalid_utf8');
    const deep = await test.http.request('POST', '/admin/v1/users', {
      rawBody: '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
      token: adminToken,
      headers: { 'content-type': 'application/json' },
    });
    expect(deep.status).toBe(400);
    expect(deep.body.error).toBe('request.too_deep');
  });

  it('answers NUL characters in the body, path or query with 400, never 500', async () => {
    const body = await test.http.request('POST', '/admin/v1/users', {
      rawBody: '{"email":"a@b.org","password":"long-enough-1\\u0000","role":"author"}',
      token: adminToken,
      headers: { 'content-type': 'application/json' },
    });
    expect(body.status).toBe(400);
    expect(body.body.error).toBe('request.nul_character');
    expect((await test.http.get('/admin/v1/audit?subjectId=%00', { token: adminToken })).status).toBe(400);
    expect((await test.http.get('/admin/v1/locales/%00', { token: adminToken })).status).toBe(400);
  });

  it('answers a body over the limit with 413', async () => {
    const response = await createUser({ email: 'a@b.org', password: 'x'.repeat(20_000), role: 'author' }, 'en');
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      statusCode: 413,
      error: 'request.payload_too_large',
      message: 'The request body is larger than the limit of 16 kB.',
    });
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await test.http.request('POST', '/admin/v1/users', {
      rawBody: 'email=a',
      token: adminToken,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(response.body.error).toBe('request.unsupported_media_type');
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const response = await test.http.get('/admin/v1/nothing-here?x=1', { headers: { 'accept-language': 'tr' } });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ statusCode: 404, error: 'not_found', message: 'GET /admin/v1/nothing-here adresinde bir şey yok.' });
  });

  it('answers odd ids in paths with 400, never 500', async () => {
    for (const id of ['1', "1'%20OR%201=1", '%E2%82%AC', 'a'.repeat(300)]) {
      const response = await test.http.get(`/admin/v1/users/${id}`, { token: adminToken });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('request.invalid_id');
    }
    const missing = await test.http.get('/admin/v1/users/00000000-0000-4000-8000-000000000000', { token: adminToken });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('user.not_found');
  });

  it('answers ids too long for the router with a localized 4xx on every method, never a 500', async () => {
    // Over Fastify's maxParamLength (500), under Node's header size limit (which answers 431 before any app code).
    const long = 'a'.repeat(1_000);
    for (const [method, path] of [
      ['GET', `/admin/v1/tags/${long}`],
      ['DELETE', `/admin/v1/media/${long}`],
      ['PATCH', `/admin/v1/media/${long}`],
      ['POST', `/admin/v1/articles/${long}/translations/en/comments/${long}/reply`],
    ] as const) {
      const response = await fetch(`${test.http.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${adminToken}`, 'accept-language': 'ru', 'content-type': 'application/json' },
        body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
      });
      // Fastify's router answers 404 or 414 by method; either way our shape, in the asked language.
      const body = (await response.json()) as { error: string; message: string };
      expect({ method, status: response.status, error: body.error }).toEqual(
        response.status === 414 ? { method, status: 414, error: 'request.uri_too_long' } : { method, status: 404, error: 'not_found' },
      );
      expect(body.message).toMatch(/[а-я]/);
    }
  });

  it('sends a request id back and never a stack trace', async () => {
    const response = await test.http.get('/admin/v1/users/nope', { token: adminToken, headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    expect(response.text).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});
