import { firstAnswer, rawRequest } from './support/raw-http';
import { signIn, startTestApp, type TestApp } from './support/test-app';

const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const TOO_LARGE_TR = { statusCode: 413, error: 'request.payload_too_large', message: 'İstek gövdesi 16 kB sınırından büyük.' };
const FILE_TOO_LARGE_TR = { statusCode: 413, error: 'media.too_large', message: 'Dosya 64 kB sınırından büyük.' };

function photoForm(bytes: number): FormData {
  const form = new FormData();
  form.append('credit', 'Photo: Press Office');
  form.append('file', new Blob([JPEG_START, Buffer.alloc(bytes - JPEG_START.length, 7)], { type: 'image/jpeg' }), 'big.jpg');
  return form;
}

/** A multipart body as bytes, for the raw socket. */
async function photoBody(bytes: number): Promise<{ type: string; body: Buffer }> {
  const request = new Request('http://x/', { method: 'POST', body: photoForm(bytes) });
  return { type: request.headers.get('content-type')!, body: Buffer.from(await request.arrayBuffer()) };
}

// A body over the limit is answered only once it has arrived (up to BODY_DRAIN_LIMIT), so the
// client reads the localized 413 instead of a connection reset.
describe('bodies over the limit', () => {
  let test: TestApp;
  let token: string;

  beforeAll(async () => {
    test = await startTestApp('admin', { BODY_LIMIT: '16kb', MEDIA_MAX_BYTES: '65536', BODY_DRAIN_LIMIT: '32mb' });
    token = (await signIn(test, 'editor')).token;
  });
  afterAll(() => test.close());

  const post = (path: string, body: string | FormData, headers: Record<string, string> = {}) =>
    fetch(`${test.http.baseUrl}/admin/v1${path}`, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'accept-language': 'tr', ...headers } });
  const head = (path: string, type: string) => [
    `POST /admin/v1${path} HTTP/1.1`,
    `authorization: Bearer ${token}`,
    `content-type: ${type}`,
    'accept-language: tr',
    'connection: close',
  ];

  it('answers fetch a 2 MB JSON body with the localized 413', async () => {
    const response = await post('/authors', JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), { 'content-type': 'application/json' });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE_TR);
  });

  it('reads a 20 MB JSON body to its end, then answers 413 and closes in order', async () => {
    const exchange = await rawRequest(test.http.baseUrl, head('/authors', 'application/json'), Buffer.alloc(20 * 1024 * 1024, 0x61));
    expect({ error: exchange.error, ended: exchange.ended }).toEqual({ error: undefined, ended: true });
    expect(firstAnswer(exchange.received)).toMatchObject({ status: 413, body: TOO_LARGE_TR });
  });

  // 65,537 bytes once slipped through as a truncated 64 KiB file (415, "not an image").
  it.each([65_537, 70_000, 4 * 1024 * 1024])('answers fetch a %i-byte photo with the localized 413', async (bytes) => {
    const response = await post('/media', photoForm(bytes));
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 413, body: FILE_TOO_LARGE_TR });
  });

  it('answers 413 when the file reaches the limit exactly at the end of a chunk', async () => {
    const { type, body } = await photoBody(70_000);
    const cut = body.indexOf(JPEG_START) + 65_536;
    const exchange = await rawRequest(test.http.baseUrl, head('/media', type), body, [body.subarray(0, cut), body.subarray(cut)]);
    expect(firstAnswer(exchange.received)).toMatchObject({ status: 413, body: FILE_TOO_LARGE_TR });
  });

  it('reads a 20 MB upload to its end, then answers 413 and closes in order', async () => {
    const { type, body } = await photoBody(20 * 1024 * 1024);
    const exchange = await rawRequest(test.http.baseUrl, head('/media', type), body);
    expect({ error: exchange.error, ended: exchange.ended }).toEqual({ error: undefined, ended: true });
    expect(firstAnswer(exchange.received)).toMatchObject({ status: 413, body: FILE_TOO_LARGE_TR });
  });

  it('answers at once and closes when the body would pass BODY_DRAIN_LIMIT', async () => {
    const started = Date.now();
    const exchange = await rawRequest(test.http.baseUrl, head('/authors', 'application/json'), Buffer.alloc(40 * 1024 * 1024, 0x61));
    // Closed under a client still sending: the answer went out first, the rest may be a reset.
    expect(firstAnswer(exchange.received)).toMatchObject({ status: 413, body: TOO_LARGE_TR });
    expect(firstAnswer(exchange.received).headers).toMatch(/connection: close/i);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps serving, on the same kept-alive connections, after them', async () => {
    const refused = await post('/authors', JSON.stringify({ name: 'x'.repeat(100_000) }), { 'content-type': 'application/json' });
    expect(refused.headers.get('connection')).not.toBe('close');
    const response = await post('/authors', JSON.stringify({ name: 'Dana Omarova' }), { 'content-type': 'application/json' });
    expect(response.status).toBe(201);
  });
});
