/**
 * Reading and validating environment variables. Every variable is read through these helpers: the
 * apps' settings by each lib's config reader (exposed to Nest as a `registerAs` namespace), the
 * CLI's own switch KALAM_DEMO by the CLI. A bad value raises ConfigError naming the variable, which
 * the entry points print as one line before exiting non-zero.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function raw(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function envString(env: Env, name: string, fallback?: string): string | undefined {
  return raw(env, name) ?? fallback;
}

export function envInt(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max}, got "${value}"`);
  }
  return Number(value);
}

export function envPort(env: Env, name: string, fallback: number): number {
  return envInt(env, name, fallback, 0, 65535);
}

export function envBool(env: Env, name: string, fallback?: boolean): boolean | undefined {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

export function envEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

/** Sizes such as "1mb", "512kb" or a plain byte count. */
export function envBytes(env: Env, name: string, fallback: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(value);
  if (!match) throw new ConfigError(`${name} must be a size such as 1mb, 512kb or 1048576, got "${value}"`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const bytes = Number(match[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
  if (bytes < 1024 || bytes > 1024 * 1024 * 1024) throw new ConfigError(`${name} must be between 1kb and 1024mb, got "${value}"`);
  return bytes;
}

export function envPostgresUrl(env: Env, name: string): string | undefined {
  const value = raw(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a postgres:// URL, got something that is not a URL`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must be a postgres:// URL, got a ${url.protocol}// URL`);
  }
  if (!url.pathname || url.pathname === '/') throw new ConfigError(`${name} must name a database, e.g. postgres://user:pass@host:5432/kalam`);
  return value;
}
