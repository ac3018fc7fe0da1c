import { signIn, startTestApp, type TestApp } from './support/test-app';

describe('users', () => {
  let test: TestApp;
  let token: string;
  let adminId: string;

  beforeAll(async () => {
    test = await startTestApp('admin');
    const admin = await signIn(test, 'admin');
    token = admin.token;
    adminId = admin.user.id;
  });
  afterAll(() => test.close());

  it('creates a translator scoped to Turkish, who can then sign in', async () => {
    const created = await test.http.post('/admin/v1/users', { email: 'Ceviri@Example.org', password: 'long-enough-pw', role: 'translator', locales: ['tr'] }, { token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'ceviri@example.org', role: 'translator', locales: ['tr'], active: true, version: 1 });
    expect(created.body.password).toBeUndefined();
    expect(created.body.passwordHash).toBeUndefined();
    const login = await test.http.post('/admin/v1/auth/login', { email: 'ceviri@example.org', password: 'long-enough-pw' });
    expect(login.status).toBe(200);
  });

  it('refuses a duplicate email, a translator without locales and unknown locales', async () => {
    const duplicate = await test.http.post('/admin/v1/users', { email: 'ceviri@example.org', password: 'long-enough-pw', role: 'editor' }, { token });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toBe('user.email_taken');
    const noLocale = await test.http.post('/admin/v1/users', { email: 't2@example.org', password: 'long-enough-pw', role: 'translator' }, { token });
    expect(noLocale.status).toBe(422);
    expect(noLocale.body.error).toBe('user.translator_needs_locale');
    const unknown = await test.http.post('/admin/v1/users', { email: 't3@example.org', password: 'long-enough-pw', role: 'translator', locales: ['xx'] }, { token });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toBe('user.unknown_locale');
  });

  it('changes a password with If-Match, and the old one stops working', async () => {
    const user = (await test.http.get('/admin/v1/users', { token })).body.items.find((u: { email: string }) => u.email === 'ceviri@example.org');
    const changed = await test.http.patch(`/admin/v1/users/${user.id}`, { password: 'another-long-pw', locales: ['tr', 'ru'] }, { token, headers: { 'if-match': `"${user.version}"` } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ locales: ['tr', 'ru'], version: user.version + 1 });
    expect((await test.http.post('/admin/v1/auth/login', { email: 'ceviri@example.org', password: 'long-enough-pw' })).status).toBe(401);
    expect((await test.http.post('/admin/v1/auth/login', { email: 'ceviri@example.org', password: 'another-long-pw' })).status).toBe(200);
  });

  it('keeps at least one active admin', async () => {
    const response = await test.http.patch(`/admin/v1/users/${adminId}`, { role: 'editor' }, { token, headers: { 'if-match': '"1"' } });
    expect(response.status).toBe(409);
    expect(response.body.error).toBe('user.last_admin');
  });
});
