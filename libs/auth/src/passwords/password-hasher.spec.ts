import { hashPassword, needsRehash, verifyPassword } from './password-hasher';

describe('password hashing', () => {
  const cheap = { N: 2 ** 10, r: 8, p: 1 };

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', cheap);
    expect(hash.startsWith('scrypt$1024$8$1$')).toBe(true);
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', hash)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same', cheap)).not.toBe(await hashPassword('same', cheap));
  });

  it('treats composed and decomposed Unicode the same', async () => {
    const hash = await hashPassword('şifre\u0130', cheap);
    await expect(verifyPassword('s\u0327ifreI\u0307', hash)).resolves.toBe(true);
  });

  it('refuses malformed stored hashes', async () => {
    await expect(verifyPassword('x', 'bcrypt$whatever')).resolves.toBe(false);
  });

  it('asks for a rehash when the cost changed', async () => {
    const hash = await hashPassword('pw', cheap);
    expect(needsRehash(hash, cheap)).toBe(false);
    expect(needsRehash(hash)).toBe(true);
  });
});
