import { Client } from 'pg';
import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp } from './support/test-app';

it('explains', async () => {
  const test = await startTestApp('admin');
  const { token } = await signIn(test, 'admin');
  const make = new ContentFactory(test.http, token);
  const { id } = await make.article();
  const en = await make.translation(id, 'en', {
    title: 'Water use along the river',
    body: 'Sentence 5 on water use along the river, x.\n\nAnother paragraph here about the river.',
  });
  await make.publish(id, 'en', en.version);
  const db = new Client({ connectionString: test.databaseUrl });
  await db.connect();
  await db.query(
    `WITH a AS (INSERT INTO article (source_locale) SELECT 'en' FROM generate_series(1, 5000) RETURNING id),
          t AS (INSERT INTO article_translation (article_id, locale, title, slug, body_markdown, status)
                SELECT id, 'en', 'Bench article ' || left(id::text, 8), 'bench-' || id, 'Body.', 'published' FROM a RETURNING article_id),
          r AS (INSERT INTO revision (article_id, locale, number, translation_version, snapshot)
                SELECT article_id, 'en', 1, 1, '{}'::jsonb FROM t RETURNING id, article_id)
     INSERT INTO translation_job (article_id, target_locale, kind, source_revision_id, priority, due_at, opened_at)
     SELECT r.article_id, l, 'new', r.id, (enum_range(NULL::translation_job_priority))[1 + floor(random() * 4)::int],
            CASE WHEN random() < 0.3 THEN now() + random() * interval '20 days' END, now() - random() * interval '60 days'
       FROM r CROSS JOIN unnest(ARRAY['tr', 'ru']) AS l`,
  );
  await db.query(`INSERT INTO translation_memory (source_locale, target_locale, source_text, target_text)
       SELECT 'en', 'tr', (SELECT string_agg(substr(md5(k::text), 1, 2 + k % 7), ' ') FROM (SELECT floor(3000 * random() ^ 3)::int AS k, g FROM generate_series(1, 40 + g % 20) i) w), 'Cümle ' || g FROM generate_series(1, 50000) AS g`);
  await db.query('ANALYZE');
  const STATUS = `(CASE WHEN j.status = 'claimed' AND j.claimed_until <= now() THEN 'open' ELSE j.status::text END)`;
  const q = `EXPLAIN (ANALYZE, BUFFERS) SELECT j.id, s.title, ${STATUS} AS status, coalesce(u.display_name, u.email) AS n, count(*) OVER () AS total
         FROM translation_job j JOIN article a ON a.id = j.article_id
         LEFT JOIN article_translation s ON s.article_id = j.article_id AND s.locale = a.source_locale
         LEFT JOIN users u ON u.id = j.assignee_id
        WHERE j.target_locale = 'tr' AND j.status IN ('open','claimed','in_review') AND ${STATUS} = 'open'
        ORDER BY j.priority DESC, j.due_at ASC NULLS LAST, j.opened_at, j.id LIMIT 20 OFFSET 1980`;
  console.log((await db.query(q)).rows.map((r) => r['QUERY PLAN']).join('\n'));
  const t0 = Date.now();
  const r = await test.http.get('/admin/v1/queues/tr?status=open&page=100', { token });
  console.log('http', r.status, Date.now() - t0);
  const jobs = await test.http.get(`/admin/v1/queues/tr?articleId=${id}`, { token });
  const t1 = Date.now();
  const d = await test.http.get(`/admin/v1/jobs/${jobs.body.items[0].id}`, { token });
  console.log('detail', d.status, Date.now() - t1, JSON.stringify(d.body.segments?.map((s: any) => s.memory.length)));
  const sample = (await db.query(`SELECT source_text FROM translation_memory LIMIT 1 OFFSET 500`)).rows[0].source_text;
  const probe = sample.replace(/ [0-9a-f]+ /, ' zzz ');
  for (const th of ['0.3', '0.5']) {
    await db.query('BEGIN');
    await db.query(`SET LOCAL pg_trgm.similarity_threshold = ${th}`);
    const e = await db.query(
      `EXPLAIN ANALYZE SELECT source_text, similarity(source_text, $1) FROM translation_memory WHERE source_text % $1 ORDER BY 2 DESC LIMIT 3`,
      [probe],
    );
    console.log(th, e.rows.map((r) => r['QUERY PLAN']).join('\n'));
    await db.query('COMMIT');
  }
  const m = `EXPLAIN ANALYZE SELECT q.idx, m.source_text FROM unnest(ARRAY[$1, 'Another paragraph here about the river.']) WITH ORDINALITY AS q(text, idx)
         CROSS JOIN LATERAL (SELECT source_text, similarity(source_text, q.text) AS score FROM translation_memory
            WHERE source_locale = 'en' AND target_locale = 'tr' AND source_text % q.text AND similarity(source_text, q.text) >= 0.5
            ORDER BY source_text = q.text DESC, score DESC, used_at DESC LIMIT 3) m`;
  console.log((await db.query(m, [probe])).rows.map((r) => r['QUERY PLAN']).join('\n'));
  await db.end();
  await test.close();
}, 120000);
