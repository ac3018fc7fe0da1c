import { KalamError } from '@kalam/core';
import { assertAllowedTarget, assertLiteralAllowed, isPublicAddress, parseWebhookUrl, publicOnlyLookup } from './webhook-url';

describe('webhook targets', () => {
  it('knows public addresses from loopback, private, link-local, CGNAT, multicast and mapped ones', () => {
    for (const ok of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) expect(isPublicAddress(ok)).toBe(true);
    const refused = [
      '127.0.0.1',
      '127.1.2.3',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
    ];
    for (const bad of [
      ...refused,
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
      '::127.0.0.1',
      '::7f00:1',
      '::a00:1',
      'not-an-ip',
    ]) {
      expect(isPublicAddress(bad)).toBe(false);
    }
  });

  it('takes http and https URLs without credentials', () => {
    expect(parseWebhookUrl('https://hooks.example.org/kalam?x=1#frag').toString()).toBe('https://hooks.example.org/kalam?x=1');
    for (const bad of [
      'ftp://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      '/relative',
      'https://user:pw@example.org/',
      'http://',
      `https://e.org/${'a'.repeat(2000)}`,
    ]) {
      expect(() => parseWebhookUrl(bad)).toThrow(KalamError);
    }
  });

  it('refuses private targets unless they are allowed', async () => {
    for (const url of ['http://127.0.0.1:9/', 'http://[::1]/', 'http://10.1.2.3/', 'http://169.254.169.254/latest', 'http://localhost:8080/']) {
      await expect(assertAllowedTarget(new URL(url), false)).rejects.toMatchObject({
        status: 400,
        details: [{ field: 'url', code: 'errors.webhook.url_private' }],
      });
      await expect(assertAllowedTarget(new URL(url), true)).resolves.toBeUndefined();
    }
    await expect(assertAllowedTarget(new URL('http://93.184.216.34/'), false)).resolves.toBeUndefined();
    await expect(assertAllowedTarget(new URL('http://no-such-host.invalid/'), false)).rejects.toMatchObject({
      details: [{ code: 'errors.webhook.url_unresolvable' }],
    });
    expect(() => assertLiteralAllowed(new URL('http://[::ffff:7f00:1]/'), false)).toThrow(/not a public address/);
  });

  it('fails a connection whose name resolves to a private address', async () => {
    const outcome = await new Promise<string>((resolve) =>
      publicOnlyLookup('localhost', { all: true }, (error) => resolve(error ? error.message : 'resolved')),
    );
    expect(outcome).toMatch(/not public/);
  });
});
