/**
 * The delivery API's read path against the ceiling: each scenario is run against Kalam and, in the
 * same run, against a bare node:http server replaying Kalam's exact answer (bench/ceiling.ts).
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { record, startCeiling, stopCeiling } from './ceiling';

const CONNECTIONS = Number(process.env.BENCH_DELIVERY_CONNECTIONS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const SECONDS = Number(process.env.BENCH_DELIVERY_SECONDS ?? 8);

export interface ReadScenario {
  name: string;
  /** The request Kalam is driven with (and whose answer the ceiling replays). */
  url: string;
  /** Varies each request (another slug, another word); the ceiling replays the first answer. */
  paths?: string[];
  headers?: Record<string, string>;
  /** 50 unless given (1: latency without queueing). */
  connections?: number;
}

export interface ReadRow {
  name: string;
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  ok: string;
  ceilingRps: number;
}

function load(url: string, seconds: number, headers: Record<string, string> = {}, paths?: string[], connections = CONNECTIONS): Promise<autocannon.Result> {
  let i = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    headers,
    requests: paths ? [{ setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length] }) }] : undefined,
  });
}

async function measure(url: string, headers: Record<string, string> | undefined, paths?: string[], connections?: number): Promise<autocannon.Result> {
  await load(url, WARMUP, headers, paths, connections);
  return load(url, SECONDS, headers, paths, connections);
}

export async function runReadScenario(scenario: ReadScenario, ceilingPort: number): Promise<ReadRow> {
  const answer = await record(scenario.url, scenario.headers);
  const result = await measure(scenario.url, scenario.headers, scenario.paths, scenario.connections);
  const ceiling = await startCeiling(answer, ceilingPort);
  let ceilingRps = 0;
  try {
    const target = new URL(scenario.url);
    ceilingRps = (await measure(`http://127.0.0.1:${ceilingPort}${target.pathname}${target.search}`, scenario.headers, undefined, scenario.connections))
      .requests.average;
  } finally {
    await stopCeiling(ceiling);
  }
  const ok = result['2xx'] + (result as unknown as { '3xx'?: number })['3xx']!;
  return {
    name: scenario.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    ok: `${ok}/${result.requests.total}`,
    ceilingRps,
  };
}

/** A delivery API process of its own (the bench's second copy: same database, settings of its own). */
export async function startDeliveryProcess(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.resolve(__dirname, '../apps/delivery-api/src/main.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DELIVERY_PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    if (
      await fetch(`http://127.0.0.1:${port}/ready`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the second delivery process did not start');
}

/** Resident memory of a process, in MB (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export function formatReadRows(rows: ReadRow[]): string[] {
  const header = ['scenario', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'ok/total', 'ceiling req/s', 'share of ceiling'];
  const cells = rows.map((r) => [
    r.name,
    r.rps.toFixed(0),
    r.p50.toFixed(1),
    r.p97_5.toFixed(1),
    r.p99.toFixed(1),
    r.ok,
    r.ceilingRps.toFixed(0),
    `${((100 * r.rps) / r.ceilingRps).toFixed(1)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)];
}
