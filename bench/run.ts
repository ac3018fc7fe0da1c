/**
 * `npm run bench`: starts Kalam as `npm start` does (embedded PostgreSQL in a temporary directory,
 * demo content), then drives its HTTP APIs with autocannon from this process and prints
 * requests/second and latency percentiles. The load generator shares the machine with the server,
 * so figures are for comparing changes on one machine, not absolute capacity.
 */
import autocannon from 'autocannon';
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@kalam/database';
import { formatReadRows, rssMb, runReadScenario, startDeliveryProcess, type ReadRow } from './delivery-bench';
import { queryWords, rareQueryWords, seedPublished } from './seed-published';
import { benchWebhooks, formatWebhookRows } from './webhooks-bench';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ADMIN = 'bench-admin@example.org';
const PASSWORD = 'bench-password-123';
/** Translation jobs in the queues (half tr, half ru) for the queue and job scenarios. */
const JOBS = Number(process.env.BENCH_JOBS ?? 10_000);
/** Translation-memory pairs (en→tr) the job-detail scenario searches. */
const MEMORY = Number(process.env.BENCH_MEMORY ?? 20_000);
/** Published articles, each in en, tr and ru, for the delivery scenarios. */
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);

interface Scenario {
  name: string;
  url: string;
  method?: 'GET' | 'PUT' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
  connections?: number;
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (
      await fetch(url)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function run(scenario: Scenario): Promise<autocannon.Result> {
  return autocannon({
    url: scenario.url,
    method: scenario.method ?? 'GET',
    headers: scenario.headers,
    body: scenario.body,
    connections: scenario.connections ?? CONNECTIONS,
    duration: DURATION,
    requests: scenario.setupRequest ? [{ setupRequest: scenario.setupRequest }] : undefined,
  });
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kalam-bench-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const adminUrl = `http://127.0.0.1:${port}`;
  const deliveryUrl = `http://127.0.0.1:${port + 1}`;
  const server = spawn(process.execPath, [path.resolve(__dirname, '../apps/cli/src/main.js'), 'start'], {
    env: {
      ...process.env,
      KALAM_DATA_DIR: dataDir,
      ADMIN_PORT: String(port),
      DELIVERY_PORT: String(port + 1),
      ADMIN_EMAIL: ADMIN,
      ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '100000',
      LOGIN_RATE_LIMIT_PER_ADDRESS: '100000',
      // The webhook scenario's receiver listens on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE: 'true',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`${adminUrl}/ready`);
    await waitFor(`${deliveryUrl}/ready`);
    const { accessToken } = await json<{ accessToken: string }>(`${adminUrl}/admin/v1/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
    });
    const auth = { authorization: `Bearer ${accessToken}` };
    // BENCH_ONLY=webhooks: just the webhook scenarios (a minute instead of a quarter of an hour).
    if (process.env.BENCH_ONLY === 'webhooks') {
      for (const line of await webhookLines(dataDir, adminUrl, auth)) console.log(line);
      return;
    }
    const list = await json<{ items: { id: string }[] }>(`${adminUrl}/admin/v1/articles?q=Syr%20Darya`, { headers: auth });
    const article = list.items[0];
    // A translation to overwrite: each PUT sends the version the previous one produced.
    const draft = await json<{ version: number; title: string; body: string; summary: string | null }>(
      `${adminUrl}/admin/v1/articles/${article.id}/translations/en`,
      { headers: auth },
    );
    let version: number = draft.version;
    const text = { title: draft.title, body: draft.body, summary: draft.summary ?? undefined };
    const body = JSON.stringify(text);

    // Publish the article's English text (opens its tr and ru jobs), then add JOBS jobs and a
    // translation memory directly in the database: through the API that would take most of the run.
    let step = { version };
    for (const name of ['submit', 'approve', 'publish']) {
      step = await json<{ version: number }>(`${adminUrl}/admin/v1/articles/${article.id}/translations/en/${name}`, {
        method: 'POST',
        headers: { ...auth, 'if-match': `"${step.version}"` },
        body: '{}',
      });
    }
    version = step.version;
    const delivery = await benchDelivery(dataDir, port, deliveryUrl, adminUrl, auth, article.id);
    version = delivery.version;
    const seeded = await seedJobs(dataDir, JOBS);
    const queue = await json<{ items: { id: string; articleId: string }[] }>(`${adminUrl}/admin/v1/queues/tr?articleId=${article.id}`, { headers: auth });
    const jobId = queue.items[0].id;

    const scenarios: Scenario[] = [
      { name: 'delivery GET /v1/locales', url: `${deliveryUrl}/v1/locales` },
      { name: 'admin GET /admin/v1/articles/{id}', url: `${adminUrl}/admin/v1/articles/${article.id}`, headers: auth },
      { name: 'admin GET …/translations/en (renders Markdown)', url: `${adminUrl}/admin/v1/articles/${article.id}/translations/en`, headers: auth },
      { name: 'admin GET /admin/v1/articles?q=…', url: `${adminUrl}/admin/v1/articles?q=water&limit=20`, headers: auth },
      { name: `admin GET /queues/tr (first page of ${seeded.tr} jobs)`, url: `${adminUrl}/admin/v1/queues/tr?limit=20`, headers: auth },
      { name: 'admin GET /queues/tr?status=open&page=100', url: `${adminUrl}/admin/v1/queues/tr?status=open&limit=20&page=100`, headers: auth },
      {
        name: `admin GET /jobs/{id} (new job: every unit looked up in ${seeded.memory} memory pairs)`,
        url: `${adminUrl}/admin/v1/jobs/${jobId}`,
        headers: auth,
      },
      {
        name: 'admin PUT …/translations/en (If-Match, new text, 1 connection)',
        connections: 1,
        url: `${adminUrl}/admin/v1/articles/${article.id}/translations/en`,
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body,
        // One writer, each request carrying the version the previous one produced (concurrent writers
        // would rightly get 412), and new text each time, so every save records a revision.
        setupRequest: (request) => {
          const current = version++;
          return {
            ...request,
            headers: { ...request.headers, 'if-match': `"${current}"` },
            body: JSON.stringify({ ...text, body: `${text.body}\n\nEdit ${current}.` }),
          };
        },
      },
    ];
    const rows: string[][] = [];
    for (const scenario of scenarios) {
      const result = await run(scenario);
      const ok = result['2xx'];
      rows.push([
        scenario.name,
        result.requests.average.toFixed(0),
        result.latency.p50.toFixed(1),
        result.latency.p99.toFixed(1),
        `${ok}/${result.requests.total}`,
      ]);
    }
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      `\nKalam bench — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    );
    console.log(`\nDelivery API, ${delivery.documents} published documents (${ARTICLES} articles × en, tr, ru; ~4.5 KB bodies, 5 footnotes each)`);
    console.log(
      '50 connections, 2 s warm-up then 8 s per scenario; the ceiling is a bare node:http process replaying the same answer, measured the same way\n',
    );
    for (const line of formatReadRows(delivery.rows)) console.log(line);
    for (const line of delivery.notes) console.log(line);
    console.log(`\nAdmin API: ${CONNECTIONS} connections × ${DURATION} s per scenario; server and load generator on the same machine\n`);
    const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', '2xx/total'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    console.log(line(header));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const row of rows) console.log(line(row));
    for (const line of await webhookLines(dataDir, adminUrl, auth)) console.log(line);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Webhook events per second to a receiver on this machine, through the worker `npm start` runs. */
async function webhookLines(dataDir: string, adminUrl: string, auth: Record<string, string>): Promise<string[]> {
  const postgres = await startEmbeddedPostgres({ dataDir, port: 0, database: 'kalam' });
  try {
    const rows = await benchWebhooks(postgres.url, adminUrl, auth, [
      { name: 'one event per article', events: 5000, perArticle: 1 },
      { name: '10 events per article, in order', events: 2000, perArticle: 10 },
    ]);
    return [
      '\nWebhooks: events inserted into the outbox in one statement until a receiver on 127.0.0.1 (answering 204) has every one;',
      'one worker process; latency is from the event’s commit to its arrival\n',
      ...formatWebhookRows(rows),
    ];
  } finally {
    await postgres.stop();
  }
}

/**
 * Seeds ARTICLES published articles in three locales, renders them with Kalam's own renderer, and
 * measures the read path against the ceiling, publish-to-visible time, and the delivery process's memory.
 */
async function benchDelivery(
  dataDir: string,
  port: number,
  deliveryUrl: string,
  adminUrl: string,
  auth: Record<string, string>,
  articleId: string,
): Promise<{ rows: ReadRow[]; notes: string[]; documents: number; version: number }> {
  const postgres = await startEmbeddedPostgres({ dataDir, port: 0, database: 'kalam' });
  const notes: string[] = [];
  let second: ChildProcess | null = null;
  try {
    let started = Date.now();
    await seedPublished(postgres.url, ARTICLES);
    const seededIn = (Date.now() - started) / 1000;
    started = Date.now();
    await new Promise<void>((resolve, reject) => {
      const render = spawn(process.execPath, [path.resolve(__dirname, '../apps/cli/src/main.js'), 'documents:render'], {
        env: { ...process.env, DATABASE_URL: postgres.url, LOG_LEVEL: 'warn', DELIVERY_PORT: String(port + 1) },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      render.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`documents:render exited with ${code}`))));
    });
    const client = new Client({ connectionString: postgres.url });
    await client.connect();
    const [{ n }] = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM published_document')).rows;
    // As autovacuum would have by then (index-only scans need the visibility map).
    await client.query('VACUUM ANALYZE published_document');
    await client.end();
    notes.push(
      `\nSeeding ${ARTICLES * 3} translations took ${seededIn.toFixed(0)} s; rendering them into ${n} documents with Kalam's renderer ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    );

    const pid = Number(
      execSync(`pgrep -f "${path.resolve(__dirname, '../apps/delivery-api/src/main.js')}" | head -1`)
        .toString()
        .trim(),
    );
    const rssAtStart = rssMb(pid);
    const coldUrl = `http://127.0.0.1:${port + 3}`;
    second = await startDeliveryProcess(postgres.url, port + 3, { DELIVERY_CACHE_MB: '0' });
    const sample = Array.from({ length: 1000 }, (_, i) => Math.floor((i * ARTICLES) / 1000));
    const words = queryWords('tr');
    const rare = rareQueryWords('tr');
    for (const [label, set] of [
      ['Common', words],
      ['Rare', rare],
    ] as const) {
      const matches: number[] = [];
      for (const word of set) matches.push((await json<{ total: number }>(`${deliveryUrl}/v1/tr/search?q=${encodeURIComponent(word)}&limit=1`)).total);
      const median = [...matches].sort((a, b) => a - b)[Math.floor(matches.length / 2)];
      notes.push(
        `${label} search words: ${set.length}, each matching ${Math.min(...matches)}–${Math.max(...matches)} of the ${ARTICLES} tr documents (median ${median}).`,
      );
    }
    const ceilingPort = port + 4;
    const scenarios = [
      { name: 'GET /health (Nest on Fastify, no work)', url: `${deliveryUrl}/health` },
      { name: 'GET /v1/locales (one TypeORM query)', url: `${deliveryUrl}/v1/locales` },
      { name: 'article by slug, cache hot', url: `${deliveryUrl}/v1/en/articles/bench-en-0` },
      { name: 'article by slug, cache hot, If-None-Match → 304', url: `${deliveryUrl}/v1/en/articles/bench-en-0`, etag: true },
      {
        name: 'article by slug, cache off (1,000 slugs in turn)',
        url: `${coldUrl}/v1/en/articles/bench-en-0`,
        paths: sample.map((k) => `/v1/en/articles/bench-en-${k}`),
      },
      { name: 'list page 1 (20 cards), cache hot', url: `${deliveryUrl}/v1/en/articles?limit=20` },
      { name: 'list page 50, cache off', url: `${coldUrl}/v1/tr/articles?limit=20&page=50` },
      {
        name: `search tr, common words (${words.length} in turn), cache off, 50 connections`,
        url: `${coldUrl}/v1/tr/search?q=${encodeURIComponent(words[0])}`,
        paths: words.map((w) => `/v1/tr/search?q=${encodeURIComponent(w)}`),
      },
      {
        name: 'search tr, common words, cache off, 1 connection (latency)',
        url: `${coldUrl}/v1/tr/search?q=${encodeURIComponent(words[0])}`,
        paths: words.map((w) => `/v1/tr/search?q=${encodeURIComponent(w)}`),
        connections: 1,
      },
      {
        name: `search tr, rare words (${rare.length} in turn), cache off, 50 connections`,
        url: `${coldUrl}/v1/tr/search?q=${encodeURIComponent(rare[0])}`,
        paths: rare.map((w) => `/v1/tr/search?q=${encodeURIComponent(w)}`),
      },
      {
        name: 'search tr, rare words, cache off, 1 connection (latency)',
        url: `${coldUrl}/v1/tr/search?q=${encodeURIComponent(rare[0])}`,
        paths: rare.map((w) => `/v1/tr/search?q=${encodeURIComponent(w)}`),
        connections: 1,
      },
    ];
    const rows: ReadRow[] = [];
    for (const scenario of scenarios) {
      const headers: Record<string, string> = {};
      if ('etag' in scenario) headers['if-none-match'] = (await fetch(scenario.url)).headers.get('etag') ?? '';
      rows.push(await runReadScenario({ ...scenario, headers }, ceilingPort));
    }

    // Publish → visible in every delivery process (the launcher's, with its cache hot, and the second one).
    const slug = (await json<{ slug: string }>(`${adminUrl}/admin/v1/articles/${articleId}/translations/en`, { headers: auth })).slug;
    for (const url of [deliveryUrl, coldUrl]) await fetch(`${url}/v1/en/articles/${slug}`);
    const current = await json<{ version: number; title: string; body: string }>(`${adminUrl}/admin/v1/articles/${articleId}/translations/en`, {
      headers: auth,
    });
    const title = `${current.title} (bench ${Date.now()})`;
    const saved = await json<{ version: number }>(`${adminUrl}/admin/v1/articles/${articleId}/translations/en`, {
      method: 'PUT',
      headers: { ...auth, 'if-match': `"${current.version}"` },
      body: JSON.stringify({ title, body: current.body }),
    });
    let step = { version: saved.version };
    for (const name of ['submit', 'approve', 'publish']) {
      step = await json<{ version: number }>(`${adminUrl}/admin/v1/articles/${articleId}/translations/en/${name}`, {
        method: 'POST',
        headers: { ...auth, 'if-match': `"${step.version}"` },
        body: '{}',
      });
    }
    const published = Date.now();
    const seen: number[] = [];
    for (const url of [deliveryUrl, coldUrl]) {
      while ((await json<{ title: string }>(`${url}/v1/en/articles/${slug}`)).title !== title) await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(Date.now() - published);
    }
    notes.push(`Publish (admin API answered) → new version served by both delivery processes: ${Math.max(...seen)} ms.`);

    // Memory of the launcher's delivery process after it has served every document once.
    const afterLoad = rssMb(pid);
    const locales = ['en', 'tr', 'ru'];
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < ARTICLES * 3) {
          const k = next++;
          await fetch(`${deliveryUrl}/v1/${locales[k % 3]}/articles/bench-${locales[k % 3]}-${Math.floor(k / 3)}`).then((r) => r.arrayBuffer());
        }
      }),
    );
    notes.push(
      `Delivery process RSS: ${rssAtStart.toFixed(0)} MB at start, ${afterLoad.toFixed(0)} MB after the scenarios, ${rssMb(pid).toFixed(0)} MB after then serving all ${ARTICLES * 3} documents once (cache bounded at 64 MB).`,
    );
    return { rows, notes, documents: n, version: step.version };
  } finally {
    second?.kill('SIGTERM');
    await postgres.stop();
  }
}

/**
 * Adds `count` jobs (half tr, half ru) on `count / 2` published English articles, and a memory of
 * MEMORY en→tr paragraph pairs, in a few statements against the embedded PostgreSQL the server runs.
 */
async function seedJobs(dataDir: string, count: number): Promise<{ tr: number; memory: number }> {
  const postgres = await startEmbeddedPostgres({ dataDir, port: 0, database: 'kalam' });
  const client = new Client({ connectionString: postgres.url });
  await client.connect();
  try {
    const articles = Math.ceil(count / 2);
    await client.query('BEGIN');
    await client.query(
      `WITH a AS (INSERT INTO article (source_locale) SELECT 'en' FROM generate_series(1, $1) RETURNING id),
            t AS (INSERT INTO article_translation (article_id, locale, title, slug, body_markdown, status)
                  SELECT id, 'en', 'Bench article ' || left(id::text, 8), 'bench-' || id, 'Body.', 'published' FROM a RETURNING article_id),
            r AS (INSERT INTO revision (article_id, locale, number, translation_version, snapshot)
                  SELECT article_id, 'en', 1, 1, jsonb_build_object('title', 'Bench', 'subtitle', null, 'slug', 'bench', 'summary', null, 'body', 'Body.',
                         'seoTitle', null, 'seoDescription', null, 'sources', '[]'::jsonb) FROM t RETURNING id, article_id)
       INSERT INTO translation_job (article_id, target_locale, kind, source_revision_id, priority, due_at, opened_at)
       SELECT r.article_id, l, 'new', r.id, (enum_range(NULL::translation_job_priority))[1 + floor(random() * 4)::int],
              CASE WHEN random() < 0.3 THEN now() + random() * interval '20 days' END, now() - random() * interval '60 days'
         FROM r CROSS JOIN unnest(ARRAY['tr', 'ru']) AS l`,
      [articles],
    );
    await client.query(`UPDATE article_translation t SET live_revision_id = r.id, live_slug = t.slug FROM revision r
                         WHERE r.article_id = t.article_id AND r.locale = t.locale AND t.live_revision_id IS NULL AND t.slug LIKE 'bench-%'`);
    // Paragraph-long pairs over a skewed vocabulary (a few words everywhere, most rare), as prose is.
    await client.query(
      `INSERT INTO translation_memory (source_locale, target_locale, source_text, target_text)
       SELECT 'en', 'tr', (SELECT string_agg(substr(md5(k::text), 1, 2 + k % 7), ' ')
                             FROM (SELECT floor(3000 * random() ^ 3)::int AS k, g FROM generate_series(1, 40 + g % 20)) AS w),
              'Paragraf ' || g
         FROM generate_series(1, $1) AS g`,
      [MEMORY],
    );
    await client.query('COMMIT');
    // As autovacuum would have by then: plans for a table of 5,000 rows, not of an empty one.
    await client.query('ANALYZE');
    const [{ n }] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM translation_job WHERE target_locale = 'tr' AND status = 'open'`)).rows;
    return { tr: n, memory: MEMORY };
  } finally {
    await client.end();
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
