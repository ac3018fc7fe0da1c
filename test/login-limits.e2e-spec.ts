import { createUser, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

// With TRUST_PROXY the client address comes from X-Forwarded-For, so one test plays several offices.
describe('login limits per account and address', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp('admin', { TRUST_PROXY: 'true', LOGIN_RATE_LIMIT: '10', LOGIN_RATE_LIMIT_PER_ADDRESS: '30', LOGIN_RATE_WINDOW: '60' });
  });
  afterAll(() => test.close());

  const login = (from: string, email: string, password = TEST_PASSWORD, language = 'en') =>
    test.http.post('/admin/v1/auth/login', { email, password }, { headers: { 'x-forwarded-for': from, 'accept-language': language } });

  it('limits one account from one address, and no one else from it', async () => {
    const a = await createUser(test.app, 'editor', [], 'a.desk@example.org');
    const b = await createUser(test.app, 'author', [], 'b.desk@example.org');
    const office = '198.51.100.1';
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await login(office, a.email, 'wrong-password')).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429]);

    // The right password does not help A from there, however the email is written.
    const limited = await login(office, '  A.Desk@Example.ORG ', TEST_PASSWORD, 'tr');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('too_many_requests');
    expect(limited.body.message).toMatch(/^Çok fazla istek\. \d+ saniye sonra yeniden deneyin\.$/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await login(office, b.email)).status).toBe(200);
    expect((await login('198.51.100.2', a.email)).status).toBe(200);
  });

  it('stops a spray across many accounts from one address at the per-address ceiling', async () => {
    const victim = await createUser(test.app, 'admin', [], 'chief@example.org');
    const sprayer = '203.0.113.7';
    const statuses = [];
    for (let i = 0; i < 30; i++) statuses.push((await login(sprayer, `guess${i}@example.org`, 'Winter2024!')).status);
    expect(statuses).toEqual(Array(30).fill(401));

    const refused = await login(sprayer, victim.email);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'too_many_requests',
      message: expect.stringMatching(/^Too many requests\. Try again in \d+ seconds?\.$/),
    });
    expect((await login('203.0.113.8', victim.email)).status).toBe(200);
  });

  it('takes the address the proxy saw, not one the client wrote into X-Forwarded-For', async () => {
    const user = await createUser(test.app, 'editor', [], 'forger.target@example.org');
    const real = '198.51.100.99';
    for (let i = 0; i < 10; i++) expect((await login(real, user.email, 'wrong-password')).status).toBe(401);
    // The proxy appends the address it saw; whatever the client sent stays on the left.
    for (const forged of ['203.0.113.250', 'garbage', '2001:db8::1'])
      expect((await login(`${forged}, ${real}`, user.email, 'wrong-password')).status).toBe(429);
  });

  it('counts an unknown email exactly like an existing account', async () => {
    await createUser(test.app, 'translator', ['tr'], 'known@example.org');
    const run = async (email: string, from: string) => {
      const seen = [];
      for (let i = 0; i < 11; i++) {
        const response = await login(from, email, 'wrong-password');
        seen.push({ status: response.status, error: response.body.error, hasRetryAfter: response.headers.has('retry-after') });
      }
      return seen;
    };
    expect(await run('unknown@example.org', '192.0.2.10')).toEqual(await run('known@example.org', '192.0.2.11'));
  });
});
