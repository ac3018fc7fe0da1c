import { registerAs } from '@nestjs/config';
import { ConfigError, envInt, envString } from '@kalam/core';

export interface AuthConfig {
  sessionTtlSeconds: number;
  /** Login attempts per account and client address per window. */
  loginRateLimit: number;
  /** Login attempts per client address per window, whatever the accounts (at least loginRateLimit). */
  loginRateLimitPerAddress: number;
  loginRateWindowSeconds: number;
  /** The first admin, created on start when no user exists. */
  bootstrapAdmin: { email: string; password: string } | null;
}

export const MIN_PASSWORD_LENGTH = 10;

export function readAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  const email = envString(env, 'ADMIN_EMAIL');
  const password = env.ADMIN_PASSWORD && env.ADMIN_PASSWORD.length ? env.ADMIN_PASSWORD : undefined;
  if (Boolean(email) !== Boolean(password)) throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) throw new ConfigError(`ADMIN_EMAIL must be an email address, got "${email}"`);
  if (password && password.length < MIN_PASSWORD_LENGTH) throw new ConfigError(`ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  const loginRateLimit = envInt(env, 'LOGIN_RATE_LIMIT', 10, 1, 100_000);
  // Below the per-account limit the ceiling would be the only limit that ever acts: refuse it.
  const loginRateLimitPerAddress = envInt(env, 'LOGIN_RATE_LIMIT_PER_ADDRESS', Math.max(100, loginRateLimit), 1, 1_000_000);
  if (loginRateLimitPerAddress < loginRateLimit)
    throw new ConfigError(`LOGIN_RATE_LIMIT_PER_ADDRESS (${loginRateLimitPerAddress}) must be at least LOGIN_RATE_LIMIT (${loginRateLimit})`);
  return {
    sessionTtlSeconds: envInt(env, 'SESSION_TTL', 12 * 3600, 60, 90 * 24 * 3600),
    loginRateLimit,
    loginRateLimitPerAddress,
    loginRateWindowSeconds: envInt(env, 'LOGIN_RATE_WINDOW', 60, 1, 86_400),
    bootstrapAdmin: email && password ? { email, password } : null,
  };
}

export const authConfig = registerAs('auth', () => readAuthConfig());
