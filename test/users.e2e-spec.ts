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
    const created = await test.http.post(
      '/admin/v1/users',
      { email: 'Ceviri@Example.org', password: 'long-enough-pw', role: 'translator', locales: ['tr'] },
      { token },
    );
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
    const unknown = await test.http.post(
      '/admin/v1/users',
      { email: 't3@example.org', password: 'long-enough-pw', role: 'translator', locales: ['xx'] },
      { token },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toBe('user.unknown_locale');
  });

  it('changes a password with If-Match, and the old one stops working', async () => {
    const user = (await test.http.get('/admin/v1/users', { token })).body.items.find((u: { email: string }) => u.email === 'ceviri@example.org');
    const changed = await test.http.patch(
      `/admin/v1/users/${user.id}`,
      { password: 'another-long-pw', locales: ['tr', 'ru'] },
      { token, headers: { 'if-match': `"${user.version}"` } },
    );
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

describe('admins changing each other at the same moment', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp('admin', { DB_POOL_SIZE: '10' });
  });
  afterAll(() => test.close());

  const user = async (id: string, token: string) => (await test.http.get(`/admin/v1/users/${id}`, { token })).body;

  it('never deadlocks and always keeps one active admin when the last two demote or disable each other (20 rounds)', async () => {
    // The only two admins of this database.
    const a = await signIn(test, 'admin');
    const b = await signIn(test, 'admin');
    const statuses: number[] = [];
    for (let round = 0; round < 20; round++) {
      const change = round % 2 ? { active: false } : { role: 'editor' };
      const [aView, bView] = [await user(a.user.id, a.token), await user(b.user.id, b.token)];
      const [byA, byB] = await Promise.all([
        test.http.patch(`/admin/v1/users/${b.user.id}`, change, { token: a.token, headers: { 'if-match': `"${bView.version}"` } }),
        test.http.patch(`/admin/v1/users/${a.user.id}`, change, { token: b.token, headers: { 'if-match': `"${aView.version}"` } }),
      ]);
      statuses.push(byA.status, byB.status);
      // One wins; the other is refused: the last admin (409), or no longer an admin by the time its request was checked (403/401).
      expect([byA.status, byB.status].filter((s) => s === 200)).toHaveLength(1);
      expect([409, 403, 401]).toContain(byA.status === 200 ? byB.status : byA.status);
      const winner = byA.status === 200 ? a : b;
      const loser = winner === a ? b : a;
      const admins = (await test.http.get('/admin/v1/users', { token: winner.token })).body.items.filter(
        (u: { role: string; active: boolean }) => u.role === 'admin' && u.active,
      );
      expect(admins.map((u: { id: string }) => u.id)).toEqual([winner.user.id]);
      // Put the loser back, signed in again (disabling ends sessions), for the next round.
      const current = await user(loser.user.id, winner.token);
      await test.http.patch(
        `/admin/v1/users/${loser.user.id}`,
        { role: 'admin', active: true },
        { token: winner.token, headers: { 'if-match': `"${current.version}"` } },
      );
      const login = await test.http.post('/admin/v1/auth/login', { email: loser.user.email, password: 'correct-horse-battery' });
      loser.token = login.body.accessToken;
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });

  it('answers a profile edit racing a password change on the same user with 200 or 412, never 500', async () => {
    const { token } = await signIn(test, 'admin');
    const target = await signIn(test, 'editor');
    for (let round = 0; round < 20; round++) {
      const { version } = await user(target.user.id, token);
      const responses = await Promise.all([
        test.http.patch(`/admin/v1/users/${target.user.id}`, { displayName: `Round ${round}` }, { token, headers: { 'if-match': `"${version}"` } }),
        test.http.patch(
          `/admin/v1/users/${target.user.id}`,
          { password: `another-long-password-${round}` },
          { token, headers: { 'if-match': `"${version}"` } },
        ),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 412]);
    }
  });
});
