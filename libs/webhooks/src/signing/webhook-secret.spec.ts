import { createHmac, timingSafeEqual } from 'node:crypto';
import { generateSecret, secretKey, sign } from './webhook-secret';

describe('webhook secrets and signatures', () => {
  it('generates whsec_ secrets of 32 random bytes, each different', () => {
    const a = generateSecret();
    const b = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(secretKey(a)?.length).toBe(32);
  });

  it('refuses secrets that are not whsec_ base64 of 24 to 64 bytes', () => {
    for (const bad of [
      '',
      'secret',
      'whsec_',
      'whsec_!!!!',
      `whsec_${Buffer.alloc(16).toString('base64')}`,
      `whsec_${Buffer.alloc(65).toString('base64')}`,
      'whsec_abc',
    ]) {
      expect(secretKey(bad)).toBeNull();
    }
    expect(secretKey(`whsec_${Buffer.alloc(24, 7).toString('base64')}`)).toEqual(Buffer.alloc(24, 7));
  });

  it('signs id.timestamp.body as the Standard Webhooks reference does (a known vector)', () => {
    // The example in the Standard Webhooks specification's README.
    const key = secretKey('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')!;
    const body = '{"test": 2432232314}';
    expect(sign(key, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('is what a receiver computes with node:crypto alone', () => {
    const secret = generateSecret();
    const signature = sign(secretKey(secret)!, 'evt_1', 1700000000, '{"a":1}');
    const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
      .update('evt_1.1700000000.{"a":1}')
      .digest();
    expect(timingSafeEqual(Buffer.from(signature.slice(3), 'base64'), expected)).toBe(true);
  });
});
