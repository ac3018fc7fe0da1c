import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** One built file of the workbench, ready to send. */
export interface WorkbenchFile {
  body: Buffer;
  type: string;
  etag: string;
  /** Vite names assets by content hash: they never change under one name. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Where `npm run build` puts the workbench: dist/apps/workbench under the repository, from source (tests) or from dist. */
export function defaultWorkbenchDir(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist/apps/workbench');
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The built workbench, read once into memory (a few hundred KB): keyed by URL path below /admin/.
 * The page learns where the delivery API is (for preview links) from a meta tag filled in here,
 * so one build serves every deployment.
 */
export function loadWorkbenchFiles(dir: string, deliveryUrl: string): Map<string, WorkbenchFile> | null {
  if (!existsSync(path.join(dir, 'index.html'))) return null;
  const files = new Map<string, WorkbenchFile>();
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const relative = sub ? `${sub}/${name}` : name;
      const full = path.join(dir, relative);
      if (statSync(full).isDirectory()) {
        walk(relative);
        continue;
      }
      let body = readFileSync(full);
      if (relative === 'index.html') {
        body = Buffer.from(body.toString('utf8').replace('content="%DELIVERY_URL%"', `content="${escapeAttribute(deliveryUrl)}"`));
      }
      files.set(relative, {
        body,
        type: TYPES[path.extname(name)] ?? 'application/octet-stream',
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        immutable: relative.startsWith('assets/'),
      });
    }
  };
  walk('');
  return files;
}
