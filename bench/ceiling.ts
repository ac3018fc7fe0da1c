/**
 * The ceiling for a read scenario: a bare `node:http` server, in a process of its own, answering
 * every request with the exact status, headers and bytes Kalam gave for that scenario. Nothing can
 * answer those bytes faster on this machine with Node, so Kalam's figure is quoted as a share of it.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const SERVER = `
const http = require('node:http');
const { status, headers, body } = JSON.parse(process.env.CEILING_ANSWER);
const bytes = Buffer.from(body, 'base64');
http.createServer((req, res) => { res.writeHead(status, headers); res.end(bytes); })
  .listen(Number(process.env.CEILING_PORT), '127.0.0.1', () => process.send && process.send('ready'));
`;

export interface RecordedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One GET, kept as the ceiling server will replay it (hop-by-hop headers left to node:http). */
export async function record(url: string, headers: Record<string, string> = {}): Promise<RecordedAnswer> {
  const response = await fetch(url, { headers, redirect: 'manual' });
  const body = Buffer.from(await response.arrayBuffer());
  const kept: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length'].includes(name)) kept[name] = value;
  });
  kept['content-length'] = String(body.length);
  return { status: response.status, headers: kept, body };
}

export async function startCeiling(answer: RecordedAnswer, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', SERVER], {
    env: {
      ...process.env,
      CEILING_PORT: String(port),
      CEILING_ANSWER: JSON.stringify({ status: answer.status, headers: answer.headers, body: answer.body.toString('base64') }),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`ceiling server exited with ${code}`)));
  });
  return child;
}

export async function stopCeiling(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}
