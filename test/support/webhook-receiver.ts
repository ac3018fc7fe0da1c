import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  id: string;
  /** The path and query the webhook was registered with (tells webhooks apart). */
  path: string;
  timestamp: string;
  signature: string;
  headers: IncomingMessage['headers'];
  body: any;
  raw: string;
  at: number;
  /** The status this receiver answered with (0 when it held the request and never answered). */
  answered: number;
}

/** What the receiver does with a request: answer a status (with headers), or hold it for a while first. */
export type Behaviour = (request: Received) => { status: number; headers?: Record<string, string>; holdMs?: number; body?: string | Buffer };

/** A real HTTP receiver on 127.0.0.1 whose behaviour a test changes as it goes; it can also go away and come back on the same port. */
export class WebhookReceiver {
  readonly received: Received[] = [];
  behaviour: Behaviour = () => ({ status: 200 });
  private server: Server | null = null;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => void this.handle(request, response));
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Stops listening and drops open connections: senders get connection refused until `start()`. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** Requests answered 2xx, by webhook-id. */
  deliveredIds(): string[] {
    return this.received.filter((r) => r.answered >= 200 && r.answered < 300).map((r) => r.id);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const entry: Received = {
      id: String(request.headers['webhook-id']),
      path: request.url ?? '',
      timestamp: String(request.headers['webhook-timestamp']),
      signature: String(request.headers['webhook-signature']),
      headers: request.headers,
      body: JSON.parse(raw),
      raw,
      at: Date.now(),
      answered: 0,
    };
    this.received.push(entry);
    const { status, headers, holdMs, body } = this.behaviour(entry);
    // A held request must not keep the test process alive once the test is over.
    if (holdMs) await new Promise((resolve) => setTimeout(resolve, holdMs).unref());
    if (response.destroyed) return;
    entry.answered = status;
    response.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(body ?? `answered ${status}`);
  }
}

/** The receiver's side of the Standard Webhooks check, as the README shows it. */
export function verifies(secret: string, received: Pick<Received, 'id' | 'timestamp' | 'signature' | 'raw'>): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${received.id}.${received.timestamp}.${received.raw}`).digest();
  return received.signature.split(' ').some((candidate) => {
    const [version, value] = candidate.split(',');
    const given = Buffer.from(value ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}
