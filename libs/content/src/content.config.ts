import { registerAs } from '@nestjs/config';
import * as path from 'node:path';
import { envInt } from '@kalam/core';
import { readDatabaseConfig } from '@kalam/database';

export interface ContentConfig {
  mediaDir: string;
  mediaMaxBytes: number;
}

export function readContentConfig(env: Record<string, string | undefined> = process.env): ContentConfig {
  return {
    mediaDir: path.join(readDatabaseConfig(env).dataDir, 'media'),
    mediaMaxBytes: envInt(env, 'MEDIA_MAX_BYTES', 10 * 1024 * 1024, 1024, 200 * 1024 * 1024),
  };
}

export const contentConfig = registerAs('content', () => readContentConfig());
