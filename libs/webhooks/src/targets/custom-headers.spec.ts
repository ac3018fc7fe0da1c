import { normalizeCustomHeaders } from './custom-headers';

describe('custom webhook headers', () => {
  it('keeps valid headers under lower-case names', () => {
    expect(normalizeCustomHeaders({ Authorization: 'Bearer abc', 'X-Site': 'news' })).toEqual({ authorization: 'Bearer abc', 'x-site': 'news' });
  });

  it('refuses header injection, reserved names, odd names and non-strings, naming each', () => {
    const attempt = () =>
      normalizeCustomHeaders({
        'x-a': 'one\r\nx-injected: yes',
        'Webhook-Signature': 'v1,forged',
        'bad name': 'x',
        'x-n': 5,
        'x-long': 'a'.repeat(1001),
        'x-ü': 'x',
      });
    expect(attempt).toThrow(expect.objectContaining({ status: 400 }));
    try {
      attempt();
    } catch (error) {
      const codes = (error as { details: { field: string; code: string }[] }).details.map((d) => `${d.field}:${d.code.replace('errors.webhook.', '')}`);
      expect(codes).toEqual([
        'headers.x-a:header_value_invalid',
        'headers.Webhook-Signature:header_reserved',
        'headers.bad name:header_name_invalid',
        'headers.x-n:header_value_invalid',
        'headers.x-long:header_value_invalid',
        'headers.x-ü:header_name_invalid',
      ]);
    }
  });

  it('takes at most twenty', () => {
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`x-h${i}`, 'v']));
    expect(() => normalizeCustomHeaders(many)).toThrow(expect.objectContaining({ status: 400 }));
  });
});
