import { connect } from 'node:net';
import { startTestApp, type TestApp } from './support/test-app';

/** Opens a socket, writes `sent` and nothing more; resolves with what came back and when the server closed it. */
function stall(baseUrl: string, sent: string, giveUpMs: number): Promise<{ received: string; closedAfterMs: number | null }> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ received, closedAfterMs: null });
    }, giveUpMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ received, closedAfterMs: Date.now() - started });
    });
    socket.write(sent);
  });
}

// Fastify switches Node's request timeout off; without one, a client that stops sending holds its
// socket (and a file descriptor) for ever, and a few thousand of them starve the server.
describe('clients that stop sending', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp('admin', { REQUEST_TIMEOUT: '2' });
  });
  afterAll(() => test.close());

  it('closes a request stalled in its headers or in a body under the limit, and keeps serving', async () => {
    const { host } = new URL(test.http.baseUrl);
    const [headers, body] = await Promise.all([
      stall(test.http.baseUrl, `POST /admin/v1/auth/login HTTP/1.1\r\nhost: ${host}\r\ncontent-type: appl`, 15_000),
      stall(
        test.http.baseUrl,
        `POST /admin/v1/auth/login HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"email":`,
        15_000,
      ),
    ]);
    for (const stalled of [headers, body]) {
      expect(stalled.closedAfterMs).not.toBeNull();
      expect(stalled.closedAfterMs).toBeLessThan(6_000);
      expect(stalled.received).toMatch(/^HTTP\/1\.1 408 /);
    }
    expect((await test.http.get('/health')).status).toBe(200);
  }, 20_000);

  it('still lets a slow but steady request finish within the timeout', async () => {
    const payload = JSON.stringify({ email: 'nobody@example.org', password: 'wrong-password' });
    const url = new URL(test.http.baseUrl);
    const received = await new Promise<string>((resolve) => {
      const socket = connect(Number(url.port), url.hostname);
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
      socket.on('close', () => resolve(answer));
      socket.write(
        `POST /admin/v1/auth/login HTTP/1.1\r\nhost: ${url.host}\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: ${payload.length}\r\n\r\n`,
      );
      setTimeout(() => socket.write(payload.slice(0, 10)), 300);
      setTimeout(() => socket.write(payload.slice(10)), 600);
    });
    expect(received).toMatch(/^HTTP\/1\.1 401 /);
  });
});
