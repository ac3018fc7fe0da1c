import { createUser, signIn, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

describe('admin auth', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp('admin');
  });
  afterAll(() => test.close());

  it('signs in with the right password and the token works', async () => {
    const user = await createUser(test.app, 'editor', ['tr'], 'Editor.Case@Example.org');
    const login = await test.http.post('/admin/v1/auth/login', { email: 'editor.case@example.ORG', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ accessToken: expect.stringMatching(/^klm_[\w-]{43}$/), tokenType: 'Bearer', expiresIn: 43200 });
    const me = await test.http.get('/admin/v1/auth/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: user.id, email: 'editor.case@example.org', role: 'editor', locales: ['tr'] });
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    await createUser(test.app, 'author', [], 'writer@example.org');
    const wrong = await test.http.post('/admin/v1/auth/login', { email: 'writer@example.org', password: 'not-the-password' });
    const unknown = await test.http.post('/admin/v1/auth/login', { email: 'nobody@example.org', password: 'whatever-it-is' });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, error: 'auth.invalid_credentials', message: 'The email or password is wrong.' });
    }
  });

  it('records failed and successful logins in the audit log', async () => {
    const { token } = await signIn(test, 'admin');
    await test.http.post('/admin/v1/auth/login', { email: 'writer@example.org', password: 'nope-nope-nope' });
    const audit = await test.http.get('/admin/v1/audit?limit=200', { token });
    expect(audit.status).toBe(200);
    const actions = audit.body.items.map((event: { action: string }) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed']));
  });

  it('answers 401 without a token, with a malformed one and with a forged one', async () => {
    const none = await test.http.get('/admin/v1/users');
    const malformed = await test.http.get('/admin/v1/users', { headers: { authorization: 'Bearer' } });
    const forged = await test.http.get('/admin/v1/users', { token: 'klm_' + 'A'.repeat(43) });
    const basic = await test.http.get('/admin/v1/users', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
    expect([none.status, malformed.status, forged.status, basic.status]).toEqual([401, 401, 401, 401]);
    expect(none.body.error).toBe('unauthorized');
    expect(forged.body.error).toBe('auth.invalid_token');
  });

  it('forbids a translator on an admin-only route with 403', async () => {
    const { token } = await signIn(test, 'translator', ['tr']);
    const response = await test.http.get('/admin/v1/users', { token, headers: { 'accept-language': 'tr' } });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ statusCode: 403, error: 'forbidden', message: 'Rolünüz bu işleme izin vermiyor.' });
  });

  it('ends the session on logout', async () => {
    const { token } = await signIn(test, 'author');
    expect((await test.http.post('/admin/v1/auth/logout', undefined, { token })).status).toBe(204);
    expect((await test.http.get('/admin/v1/auth/me', { token })).status).toBe(401);
  });

  it('ends sessions when an admin disables the account', async () => {
    const admin = await signIn(test, 'admin');
    const target = await signIn(test, 'editor');
    const disabled = await test.http.patch(`/admin/v1/users/${target.user.id}`, { active: false }, { token: admin.token, headers: { 'if-match': '"1"' } });
    expect(disabled.status).toBe(200);
    expect((await test.http.get('/admin/v1/auth/me', { token: target.token })).status).toBe(401);
    const again = await test.http.post('/admin/v1/auth/login', { email: target.user.email, password: TEST_PASSWORD });
    expect(again.status).toBe(401);
  });

  it('revokes API tokens too when the password changes', async () => {
    const admin = await signIn(test, 'admin');
    const target = await signIn(test, 'author');
    const minted = await test.http.post('/admin/v1/tokens', { name: 'script' }, { token: target.token });
    const changed = await test.http.patch(
      `/admin/v1/users/${target.user.id}`,
      { password: 'a-new-long-password' },
      { token: admin.token, headers: { 'if-match': '"1"' } },
    );
    expect(changed.status).toBe(200);
    expect((await test.http.get('/admin/v1/auth/me', { token: minted.body.token })).status).toBe(401);
    expect((await test.http.get('/admin/v1/auth/me', { token: target.token })).status).toBe(401);
  });

  it('issues API tokens that work, and preview tokens that the admin API refuses', async () => {
    const { token } = await signIn(test, 'editor');
    const api = await test.http.post('/admin/v1/tokens', { name: 'importer' }, { token });
    expect(api.status).toBe(201);
    expect((await test.http.get('/admin/v1/auth/me', { token: api.body.token })).status).toBe(200);
    const preview = await test.http.post('/admin/v1/tokens', { name: 'site preview', kind: 'preview' }, { token });
    expect((await test.http.get('/admin/v1/auth/me', { token: preview.body.token })).status).toBe(403);
    const listed = await test.http.get('/admin/v1/tokens', { token });
    expect(listed.body.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['importer', 'site preview']));
    expect(listed.body.every((t: { token?: string }) => t.token === undefined)).toBe(true);
    expect((await test.http.delete(`/admin/v1/tokens/${api.body.id}`, { token })).status).toBe(204);
    expect((await test.http.get('/admin/v1/auth/me', { token: api.body.token })).status).toBe(401);
    const { token: admin } = await signIn(test, 'admin');
    const audit = await test.http.get(`/admin/v1/audit?subjectType=token&subjectId=${api.body.id}`, { token: admin });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['token.revoked', 'token.created']);
  });
});

describe('login rate limit', () => {
  let test: TestApp;
  let secondCopy: TestApp;

  beforeAll(async () => {
    test = await startTestApp('admin', { LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW: '60' });
    secondCopy = await startTestApp('admin', { LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW: '60' }, test.databaseUrl);
  });
  afterAll(async () => {
    await secondCopy.close();
    await test.close();
  });

  it('is shared by every admin copy on the same database', async () => {
    const attempt = (copy: TestApp) =>
      copy.http.post('/admin/v1/auth/login', { email: 'y@example.org', password: 'guess-guess' }, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    // Both copies see the client as 127.0.0.1 (no trusted proxy), so the attempts count together.
    const statuses = [(await attempt(test)).status, (await attempt(secondCopy)).status, (await attempt(test)).status, (await attempt(secondCopy)).status];
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('answers 429 in the caller language after the limit', async () => {
    const attempt = () => test.http.post('/admin/v1/auth/login', { email: 'y@example.org', password: 'guess-guess' }, { headers: { 'accept-language': 'ru' } });
    // The previous test spent this account's attempts from this client; the block lasts the window.
    const statuses = [];
    for (let i = 0; i < 2; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([429, 429]);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('too_many_requests');
    expect(limited.body.message).toMatch(/^Слишком много запросов\. Повторите через \d+ секунд/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
