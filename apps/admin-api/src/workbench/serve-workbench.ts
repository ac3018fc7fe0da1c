import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WorkbenchFile } from './workbench-files';

/**
 * The page may load and call only its own origin, and show images from the delivery API (the
 * media screen's previews are its cached renditions); nothing may frame it (its buttons publish).
 */
function pageHeaders(deliveryUrl: string): Record<string, string> {
  let delivery = '';
  try {
    delivery = ` ${new URL(deliveryUrl).origin}`;
  } catch {
    // No usable PUBLIC_URL: previews do not show, nothing else changes.
  }
  return {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:${delivery}; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
  };
}

/** If-None-Match as RFC 9110 reads it: `*`, or a list of tags compared weakly (W/ ignored). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Paths below /admin/ that belong to the API, never to the page: unknown ones stay a JSON 404. */
const API_PATHS = /^\/admin\/(v\d+|docs)(\/|$)/;

/**
 * Serves the workbench at /admin/ from memory: hashed assets cached for a year, and the page
 * itself (with revalidation) for every other path below /admin/, so its routes can be reloaded
 * and linked. The page holds no data: everything it shows comes from /admin/v1 with a token.
 */
export function serveWorkbench(app: NestFastifyApplication, files: Map<string, WorkbenchFile> | null, deliveryUrl: string): void {
  const headers = pageHeaders(deliveryUrl);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/admin', (_request, reply) => reply.redirect('/admin/', 308));
  fastify.get('/admin/*', (request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    const rest = request.params['*'];
    if (API_PATHS.test(`/admin/${rest}`)) return reply.callNotFound();
    if (!files) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The workbench is not built. Run `npm run build` (or `npm start`, which builds it).');
    }
    const asset = files.get(rest);
    // A missing hashed asset is a 404 (an old page asking for a file a new build replaced), not the page.
    if (!asset && rest.startsWith('assets/')) return reply.callNotFound();
    const file = asset && rest !== 'index.html' ? asset : files.get('index.html')!;
    reply.header('etag', file.etag).type(file.type);
    if (file.immutable) reply.header('cache-control', 'public, max-age=31536000, immutable');
    else reply.header('cache-control', 'no-cache').headers(headers);
    if (matchesEtag(request.headers['if-none-match'], file.etag)) return reply.code(304).send();
    return reply.send(file.body);
  });
}
