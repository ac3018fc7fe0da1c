import { ConfigError } from '@kalam/core';
import { readHttpConfig } from './http.config';

describe('readHttpConfig', () => {
  it('has working defaults', () => {
    expect(readHttpConfig({})).toMatchObject({ host: '0.0.0.0', adminPort: 3000, deliveryPort: 3001, bodyLimit: 1024 * 1024, logLevel: 'info' });
    expect(readHttpConfig({}).bodyDrainLimit).toBe(50 * 1024 * 1024);
  });

  it('reads BODY_DRAIN_LIMIT as a size, and names it when it is not one', () => {
    expect(readHttpConfig({ BODY_DRAIN_LIMIT: '20mb' }).bodyDrainLimit).toBe(20 * 1024 * 1024);
    expect(() => readHttpConfig({ BODY_DRAIN_LIMIT: 'lots' })).toThrow(/^BODY_DRAIN_LIMIT must be a size/);
  });

  it('accepts IP addresses and localhost for HOST, and names HOST otherwise', () => {
    expect(readHttpConfig({ HOST: '::' }).host).toBe('::');
    expect(readHttpConfig({ HOST: 'localhost' }).host).toBe('localhost');
    expect(() => readHttpConfig({ HOST: 'not-a-host' })).toThrow(ConfigError);
    expect(() => readHttpConfig({ HOST: 'not-a-host' })).toThrow(/^HOST must be an IP address/);
  });

  it('never trusts the leftmost X-Forwarded-For entry: TRUST_PROXY is a count of proxies or their addresses', () => {
    expect(readHttpConfig({}).trustProxy).toBe(false);
    expect(readHttpConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(readHttpConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(readHttpConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readHttpConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1' }).trustProxy).toBe('10.0.0.1,10.1.0.0/16,::1');
    for (const bad of ['maybe', '10.0.0.1/33', '10.0.0.0/8/1', 'proxy.example.org', '99'])
      expect(() => readHttpConfig({ TRUST_PROXY: bad })).toThrow(/^TRUST_PROXY must be/);
  });

  it('bounds the time a client takes to send a request (REQUEST_TIMEOUT, seconds)', () => {
    expect(readHttpConfig({}).requestTimeoutMs).toBe(300_000);
    expect(readHttpConfig({ REQUEST_TIMEOUT: '0' }).requestTimeoutMs).toBe(0);
    expect(() => readHttpConfig({ REQUEST_TIMEOUT: 'soon' })).toThrow(/^REQUEST_TIMEOUT must be/);
  });
});
