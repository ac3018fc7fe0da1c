import { readAuthConfig } from '../auth.config';
import { accountAddressTracker, addressTracker, loginEmail, loginThrottlers } from './login-throttlers';

describe('login throttler trackers', () => {
  it('normalises the email as the login does', () => {
    expect(loginEmail({ email: '  Editor.Case@Example.ORG ' })).toBe('editor.case@example.org');
    expect(loginEmail({ email: 42 })).toBe('');
    expect(loginEmail(undefined)).toBe('');
    expect(loginEmail({ email: 'x'.repeat(1000) })).toHaveLength(320);
  });

  it('keys one account from one address together, and apart from others', () => {
    const a = accountAddressTracker({ ip: '198.51.100.1', body: { email: 'A@example.org' } });
    expect(accountAddressTracker({ ip: '198.51.100.1', body: { email: ' a@EXAMPLE.org' } })).toBe(a);
    expect(accountAddressTracker({ ip: '198.51.100.1', body: { email: 'b@example.org' } })).not.toBe(a);
    expect(accountAddressTracker({ ip: '198.51.100.2', body: { email: 'a@example.org' } })).not.toBe(a);
  });

  it('counts an IPv6 client by its /64', () => {
    expect(addressTracker({ ip: '2001:db8:1:2::1' })).toBe(addressTracker({ ip: '2001:db8:1:2:ffff::9' }));
    expect(addressTracker({ ip: '2001:db8:1:2::1' })).not.toBe(addressTracker({ ip: '2001:db8:1:3::1' }));
  });

  it('builds the account-and-address limit first, then the per-address ceiling', () => {
    const throttlers = loginThrottlers(readAuthConfig({ LOGIN_RATE_LIMIT: '5', LOGIN_RATE_LIMIT_PER_ADDRESS: '50', LOGIN_RATE_WINDOW: '30' }));
    expect(throttlers.map(({ name, ttl, limit }) => ({ name, ttl, limit }))).toEqual([
      { name: 'default', ttl: 30_000, limit: 5 },
      { name: 'address', ttl: 30_000, limit: 50 },
    ]);
  });
});

describe('readAuthConfig login limits', () => {
  it('defaults to 10 per account and address, 100 per address', () => {
    expect(readAuthConfig({})).toMatchObject({ loginRateLimit: 10, loginRateLimitPerAddress: 100, loginRateWindowSeconds: 60 });
    expect(readAuthConfig({ LOGIN_RATE_LIMIT: '500' }).loginRateLimitPerAddress).toBe(500);
  });

  it('names a bad LOGIN_RATE_LIMIT_PER_ADDRESS', () => {
    expect(() => readAuthConfig({ LOGIN_RATE_LIMIT_PER_ADDRESS: 'many' })).toThrow(/^LOGIN_RATE_LIMIT_PER_ADDRESS must be a whole number/);
    expect(() => readAuthConfig({ LOGIN_RATE_LIMIT: '20', LOGIN_RATE_LIMIT_PER_ADDRESS: '5' })).toThrow(
      /^LOGIN_RATE_LIMIT_PER_ADDRESS \(5\) must be at least LOGIN_RATE_LIMIT \(20\)/,
    );
  });
});
