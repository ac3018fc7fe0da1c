import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const GENERATOR = path.join(__dirname, '../../node_modules/.bin/openapi-typescript');

/**
 * The typed client's schema for an OpenAPI document, made by openapi-typescript's own CLI (an ES
 * module Jest cannot load), as a user regenerating a client would run it.
 */
export function generateClientSchema(document: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kalam-client-'));
  try {
    writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(document));
    const run = spawnSync(GENERATOR, [path.join(dir, 'openapi.json'), '-o', path.join(dir, 'schema.d.ts')], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`openapi-typescript failed: ${run.stderr}`);
    return readFileSync(path.join(dir, 'schema.d.ts'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Compares a committed schema with the generated one; UPDATE_CLIENT=1 writes it first. */
export function expectCurrentSchema(file: string, document: unknown): void {
  const generated = generateClientSchema(document);
  if (process.env.UPDATE_CLIENT === '1') writeFileSync(file, generated);
  expect(readFileSync(file, 'utf8')).toBe(generated);
}
