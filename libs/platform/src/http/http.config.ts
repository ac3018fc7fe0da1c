import { registerAs } from '@nestjs/config';
import { isIP } from 'node:net';
import { ConfigError, envBytes, envEnum, envInt, envPort, envString, LOG_LEVELS } from '@kalam/core';

export interface HttpConfig {
  host: string;
  adminPort: number;
  deliveryPort: number;
  bodyLimit: number;
  /** Largest refused body read through before answering (so the client reads the 413); above it we answer and close. */
  bodyDrainLimit: number;
  /**
   * Fastify's trustProxy: false, a number of proxies in front (TRUST_PROXY=true is one), or a
   * comma-separated list of proxy addresses/CIDRs. Never `true`: that takes the leftmost
   * X-Forwarded-For entry, which the client writes itself.
   */
  trustProxy: false | number | string;
  /** Longest a client may take to send a whole request (headers and body); 0: no limit. */
  requestTimeoutMs: number;
  logLevel: keyof typeof LOG_LEVELS;
  /** Maximum nesting of a JSON body; deeper bodies are refused before parsing. */
  maxJsonDepth: number;
}

function readHost(env: Record<string, string | undefined>): string {
  const host = envString(env, 'HOST', '0.0.0.0')!;
  if (host !== 'localhost' && !isIP(host)) throw new ConfigError(`HOST must be an IP address such as 0.0.0.0 or 127.0.0.1 (or localhost), got "${host}"`);
  return host;
}

/**
 * TRUST_PROXY: false; true (one proxy, e.g. nginx appending to X-Forwarded-For); a count of
 * proxies; or the proxies' addresses/CIDRs. The client address is read from the right of the
 * header, past the trusted hops only, so an address the client wrote itself is never taken.
 */
function readTrustProxy(env: Record<string, string | undefined>): false | number | string {
  const value = envString(env, 'TRUST_PROXY');
  if (value === undefined || /^(false|no|off|0)$/i.test(value)) return false;
  if (/^(true|yes|on)$/i.test(value)) return 1;
  if (/^\d+$/.test(value)) return envInt(env, 'TRUST_PROXY', 0, 1, 20);
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    const bits = version === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits);
    if (!version || !prefixOk || rest.length) {
      throw new ConfigError(`TRUST_PROXY must be true, false, a number of proxies or their addresses (10.0.0.1,10.1.0.0/16), got "${value}"`);
    }
  }
  return entries.join(',');
}

export function readHttpConfig(env: Record<string, string | undefined> = process.env): HttpConfig {
  return {
    host: readHost(env),
    adminPort: envPort(env, 'ADMIN_PORT', 3000),
    deliveryPort: envPort(env, 'DELIVERY_PORT', 3001),
    bodyLimit: envBytes(env, 'BODY_LIMIT', 1024 * 1024),
    bodyDrainLimit: envBytes(env, 'BODY_DRAIN_LIMIT', 50 * 1024 * 1024),
    trustProxy: readTrustProxy(env),
    requestTimeoutMs: envInt(env, 'REQUEST_TIMEOUT', 300, 0, 86400) * 1000,
    logLevel: envEnum(env, 'LOG_LEVEL', Object.keys(LOG_LEVELS), 'info'),
    maxJsonDepth: envInt(env, 'MAX_JSON_DEPTH', 32, 2, 1000),
  };
}

export const httpConfig = registerAs('http', () => readHttpConfig());
