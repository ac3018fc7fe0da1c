/**
 * Webhook throughput: events written to the outbox (as publishing writes them) until a local
 * receiver has every one, through the running worker's dispatcher, job queue and signed POSTs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';

export interface WebhookBenchRow {
  name: string;
  events: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  duplicates: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Runs each scenario against a receiver on 127.0.0.1 that answers 204 at once. */
export async function benchWebhooks(
  databaseUrl: string,
  adminUrl: string,
  auth: Record<string, string>,
  scenarios: { name: string; events: number; perArticle: number }[],
): Promise<WebhookBenchRow[]> {
  const seen = new Map<string, number>();
  let duplicates = 0;
  const latencies: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const id = String(request.headers['webhook-id']);
      if (seen.has(id)) duplicates++;
      else {
        seen.set(id, Date.now());
        latencies.push(Date.now() - Date.parse((JSON.parse(Buffer.concat(chunks).toString()) as { occurredAt: string }).occurredAt));
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const created = await fetch(`${adminUrl}/admin/v1/webhooks`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ url, description: 'bench receiver' }),
  });
  if (created.status !== 201) throw new Error(`creating the bench webhook: ${created.status} ${await created.text()}`);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const rows: WebhookBenchRow[] = [];
  try {
    for (const scenario of scenarios) {
      seen.clear();
      latencies.length = 0;
      duplicates = 0;
      const started = Date.now();
      // One statement, as a burst of publishes would leave them: `perArticle` events for each article, in order.
      await db.query(
        `INSERT INTO outbox (type, article_id, locale, payload)
         SELECT 'translation.published', a.id, 'en', jsonb_build_object('slug', 'bench-' || g)
           FROM generate_series(0, $1 - 1) g
           JOIN (SELECT k, gen_random_uuid() AS id FROM generate_series(0, $1 / $2) k) a ON a.k = g / $2
          ORDER BY g`,
        [scenario.events, scenario.perArticle],
      );
      while (seen.size < scenario.events) {
        if (Date.now() - started > 600_000) throw new Error(`only ${seen.size} of ${scenario.events} webhook events arrived in 10 minutes`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const seconds = (Math.max(...seen.values()) - started) / 1000;
      const sorted = [...latencies].sort((a, b) => a - b);
      rows.push({
        name: scenario.name,
        events: scenario.events,
        seconds,
        perSecond: scenario.events / seconds,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        duplicates,
      });
    }
  } finally {
    await db.end();
    server.close();
  }
  return rows;
}

export function formatWebhookRows(rows: WebhookBenchRow[]): string[] {
  const header = ['scenario', 'events', 'seconds', 'events/s', 'p50 ms', 'p99 ms', 'duplicates'];
  const cells = rows.map((r) => [r.name, String(r.events), r.seconds.toFixed(1), r.perSecond.toFixed(0), String(r.p50), String(r.p99), String(r.duplicates)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)];
}
