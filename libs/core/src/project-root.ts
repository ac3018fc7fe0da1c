import { existsSync } from 'node:fs';
import * as path from 'node:path';

let root: string | undefined;

/**
 * The repository (or image) root: the nearest folder above this file with a package.json. The
 * same answer whether code runs compiled from dist/ or from source under jest.
 */
export function projectRoot(): string {
  if (root) return root;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return (root = dir);
    if (dir === path.dirname(dir)) throw new Error(`no package.json above ${__dirname}`);
  }
}
