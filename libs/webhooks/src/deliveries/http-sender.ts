import * as http from 'node:http';
import * as https from 'node:https';
import { assertLiteralAllowed, publicOnlyLookup, TargetNotAllowedError } from '../targets/webhook-url';
import type { AttemptOutcome } from './retry-policy';

/** What the log keeps of the receiver's answer; more is read (so the connection can be reused) up to READ_LIMIT, then dropped. */
const KEEP_BYTES = 1024;
const READ_LIMIT = 64 * 1024;
const USER_AGENT = 'Kalam-Webhooks/1';

export interface SendResult extends AttemptOutcome {
  durationMs: number;
  responseBody?: string;
  /** Why there was no usable answer, for the delivery log. */
  error?: string;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

// Kept-alive connections: a busy receiver is called many times a second.
const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }) };

/**
 * One POST, with a deadline covering everything from connecting to the last byte read. Redirects
 * are not followed (a 3xx is an answer like any other); addresses that are not public are refused
 * at connection time unless allowed, whatever the name resolved to when the webhook was saved.
 */
export async function sendOnce(url: URL, headers: Record<string, string>, body: string, options: SendOptions): Promise<SendResult> {
  try {
    assertLiteralAllowed(url, options.allowPrivate);
  } catch (error) {
    return { failure: 'not_allowed', error: (error as Error).message, durationMs: 0 };
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const transport = url.protocol === 'https:' ? https : http;
    const payload = Buffer.from(body);
    const request = transport.request(url, {
      method: 'POST',
      agent: agents[url.protocol as keyof typeof agents],
      lookup: options.allowPrivate ? undefined : publicOnlyLookup,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(payload.length), 'user-agent': USER_AGENT },
    });
    const timer = setTimeout(() => {
      request.destroy();
      finish({ failure: 'timeout', error: `no complete answer within ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof TargetNotAllowedError) finish({ failure: 'not_allowed', error: error.message });
      else finish({ failure: 'connection', error: `${error.code ?? 'ERROR'}: ${error.message}`.slice(0, 500) });
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let read = 0;
      const done = () =>
        finish({
          status: response.statusCode,
          retryAfter: headerValue(response.headers['retry-after']),
          // PostgreSQL text cannot hold U+0000: a receiver answering a NUL must not make the answer unrecordable.
          responseBody: Buffer.concat(chunks).toString('utf8').slice(0, KEEP_BYTES).replace(/\0/g, '\uFFFD'),
        });
      response.on('data', (chunk: Buffer) => {
        if (read < KEEP_BYTES) chunks.push(chunk.subarray(0, KEEP_BYTES - read));
        read += chunk.length;
        // A receiver streaming without end does not hold the worker: the status is what counts.
        if (read > READ_LIMIT) {
          done();
          response.destroy();
        }
      });
      response.on('end', done);
      response.on('error', done);
      response.on('aborted', done);
    });
    request.end(payload);
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
