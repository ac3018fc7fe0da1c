import { registerAs } from '@nestjs/config';
import { envInt } from '@kalam/core';

export interface TranslationConfig {
  /** How long a claim holds a job before it frees itself (TRANSLATION_LEASE_HOURS, default 48). */
  leaseHours: number;
}

export function readTranslationConfig(env: Record<string, string | undefined> = process.env): TranslationConfig {
  return { leaseHours: envInt(env, 'TRANSLATION_LEASE_HOURS', 48, 1, 24 * 90) };
}

export const translationConfig = registerAs('translation', () => readTranslationConfig());
