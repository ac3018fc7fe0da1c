import { registerAs } from '@nestjs/config';
import { isIP } from 'node:net';
import { ConfigError, envBool, envBytes, envEnum, envInt, envPort, envString, LOG_LEVELS } from '@kalam/core';

export interface HttpConfig {
  host: string;
  adminPort: number;
  deliveryPort: number;
  bodyLimit: number;
  /** Largest refused body read through before answering (so the client reads the 413); above it we answer and close. */
  bodyDrainLimit: number;
  trustProxy: boolean;
  logLevel: keyof typeof LOG_LEVELS;
  /** Maximum nesting of a JSON body; deeper bodies are refused before parsing. */
  maxJsonDepth: number;
}

function readHost(env: Record<string, string | undefined>): string {
  const host = envString(env, 'HOST', '0.0.0.0')!;
  if (host !== 'localhost' && !isIP(host)) throw new ConfigError(`HOST must be an IP address such as 0.0.0.0 or 127.0.0.1 (or localhost), got "${host}"`);
  return host;
}

export function readHttpConfig(env: Record<string, string | undefined> = process.env): HttpConfig {
  return {
    host: readHost(env),
    adminPort: envPort(env, 'ADMIN_PORT', 3000),
    deliveryPort: envPort(env, 'DELIVERY_PORT', 3001),
    bodyLimit: envBytes(env, 'BODY_LIMIT', 1024 * 1024),
    bodyDrainLimit: envBytes(env, 'BODY_DRAIN_LIMIT', 50 * 1024 * 1024),
    trustProxy: envBool(env, 'TRUST_PROXY', false)!,
    logLevel: envEnum(env, 'LOG_LEVEL', Object.keys(LOG_LEVELS), 'info'),
    maxJsonDepth: envInt(env, 'MAX_JSON_DEPTH', 32, 2, 1000),
  };
}

export const httpConfig = registerAs('http', () => readHttpConfig());
