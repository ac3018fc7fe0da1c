import type { IncomingMessage } from 'node:http';

/** How long an error answer waits for the rest of a body: a slow upload should not hold a socket for ever. */
export const DRAIN_TIMEOUT_MS = 30_000;

/**
 * Reads and discards what is left of a request body, so an error answer (413 above all) can be
 * sent once the client has finished sending. Closing a socket with unread bytes makes the kernel
 * answer with a reset, which can throw away the answer we just wrote; many clients (browsers,
 * fetch on some systems) then report a network error instead of the 413.
 *
 * Resolves true when the body ended, false when it would pass `maxBytes` in all (by its
 * Content-Length or by what arrives), took longer than `timeoutMs`, or the client went away:
 * then the caller answers and closes.
 */
export function drainRequest(raw: IncomingMessage, maxBytes: number, timeoutMs = DRAIN_TIMEOUT_MS): Promise<boolean> {
  if (raw.complete || raw.readableEnded) return Promise.resolve(true);
  if (raw.destroyed) return Promise.resolve(false);
  const declared = Number(raw.headers['content-length']);
  if (declared > maxBytes) return Promise.resolve(false);
  return new Promise((resolve) => {
    // Counts from where the body reader (Fastify's parser, busboy) stopped, which is under maxBytes.
    let received = 0;
    const finish = (ended: boolean) => {
      clearTimeout(timer);
      raw.off('data', onData).off('end', onEnd).off('close', onGone).off('error', onGone);
      if (!ended) raw.pause();
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onGone = () => finish(raw.complete);
    const timer = setTimeout(() => finish(false), timeoutMs);
    // A multipart reader may still be piped in; what it would read is ours to discard now.
    raw.unpipe();
    raw.on('data', onData).once('end', onEnd).once('close', onGone).once('error', onGone);
    raw.resume();
  });
}
