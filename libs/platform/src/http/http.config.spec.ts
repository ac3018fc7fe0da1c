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
});
