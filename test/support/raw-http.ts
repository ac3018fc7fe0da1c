import { connect } from 'node:net';

export interface RawExchange {
  /** Everything the server sent, as text. */
  received: string;
  /** The socket error the client saw (EPIPE, ECONNRESET), if any. */
  error?: string;
  /** The server ended the connection in order (FIN), rather than only by a reset. */
  ended: boolean;
}

/**
 * One request over a bare TCP socket that writes the whole body before reading: the strict
 * client Node's fetch is not (undici stops sending and reads early answers). Shows whether the
 * server let the body arrive and closed in order, or reset the connection under the client.
 * `pieces` (together `body`) are written 20 ms apart, so the server reads them as separate chunks.
 */
export function rawRequest(baseUrl: string, head: string[], body: Buffer, pieces: Buffer[] = [body]): Promise<RawExchange> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    const exchange: RawExchange = { received: '', ended: false };
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      exchange.ended = true;
      socket.end();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => (exchange.error = error.code));
    socket.on('close', () => resolve({ ...exchange, received: Buffer.concat(chunks).toString('utf8') }));
    socket.write([...head, `host: ${url.host}`, `content-length: ${body.length}`, '', ''].join('\r\n'));
    void (async () => {
      for (const piece of pieces) {
        if (socket.destroyed) return;
        socket.write(piece);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
  });
}

/** The status and JSON body of the first answer in `received`. */
export function firstAnswer(received: string): { status: number; headers: string; body: unknown } {
  const [headers, rest] = received.split('\r\n\r\n', 2);
  const length = Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? 0);
  return {
    status: Number(headers.split(' ')[1]),
    headers,
    body: JSON.parse(
      Buffer.from(rest ?? '')
        .subarray(0, length)
        .toString('utf8'),
    ),
  };
}
