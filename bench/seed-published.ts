/**
 * Published content for the delivery scenarios, written straight into the database (publishing
 * 30,000 translations through the API would take most of an hour), then rendered into the read
 * model by Kalam's own renderer (`kalam documents:render`), exactly as publishing would.
 */
import { Client } from 'pg';

export const WORDS: Record<string, string[]> = {
  en: 'water river dam basin treaty energy export economy region border council talks drought harvest pipeline grid summit minister policy security trade'.split(
    ' ',
  ),
  tr: "su nehir baraj havza antlaşma enerji ihracat ekonomi bölge sınır konsey görüşme kuraklık hasat boru hattı zirve bakan politika güvenlik ticaret Kazakistan'ın İstanbul'da".split(
    ' ',
  ),
  ru: 'вода река плотина бассейн договор энергия экспорт экономика регион граница совет переговоры засуха урожай трубопровод сеть саммит министр политика безопасность торговля ещё'.split(
    ' ',
  ),
};
const FILLER: Record<string, string[]> = {
  en: 'the of and in to a is that for on with as by at from this which its their has'.split(' '),
  tr: 've bir bu da de için ile olan gibi daha çok en her ama sonra önce kadar göre'.split(' '),
  ru: 'и в на с по для что это как но от из до при его их уже так также'.split(' '),
};

const SYLLABLES: Record<string, string[]> = {
  en: 'ba ter mon ri sel ca dor ven lo tra pe mi son gra fel hu dis na cor ple'.split(' '),
  tr: 'ka le mi şe ğı or dü ta pı na sö ra ke lı bu cı ya za gü ör'.split(' '),
  ru: 'ка ро ве ли ст но пра ми до за бе тё ны ль жу хо ре сп ди ма'.split(' '),
};

/** A vocabulary of 5,000 made-up words per locale, so that word frequencies spread as in prose (a few common, most rare). */
const VOCABULARY: Record<string, string[]> = Object.fromEntries(
  Object.entries(SYLLABLES).map(([locale, syllables]) => {
    const words = new Set<string>();
    // mulberry32: a small seeded generator, so every run builds the same vocabulary.
    let seed = 42;
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    while (words.size < 5000) {
      const n = 2 + Math.floor(next() * 3);
      let word = '';
      for (let j = 0; j < n; j += 1) word += syllables[Math.floor(next() * syllables.length)];
      words.add(word);
    }
    return [locale, [...words]];
  }),
);

/** Skewed: index 0 is the most frequent (roughly Zipf). */
const pick = <T>(list: T[]) => list[Math.floor(Math.random() ** 4 * list.length)];

/** Words for search queries: the real words, used now and then, and made-up words of middling frequency (common ones). */
export function queryWords(locale: string): string[] {
  return [...WORDS[locale].filter((w) => !w.includes("'")), ...VOCABULARY[locale].slice(100, 120)];
}

/** Rarer made-up words, as a name or a term a reader looks for: each in a few per cent of the articles. */
export function rareQueryWords(locale: string): string[] {
  return VOCABULARY[locale].slice(3000, 3040);
}

function paragraph(locale: string, words: number, footnote: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) {
    const r = Math.random();
    out.push(r < 0.02 ? WORDS[locale][Math.floor(Math.random() * WORDS[locale].length)] : r < 0.5 ? pick(VOCABULARY[locale]) : pick(FILLER[locale]));
  }
  return `${out.join(' ')}.[^${footnote}]`;
}

/** ~4.5 KB of Markdown with six paragraphs citing five sources. */
function body(locale: string): string {
  return Array.from({ length: 6 }, (_, i) => paragraph(locale, 110, (i % 5) + 1)).join('\n\n');
}

export async function seedPublished(url: string, articles: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO author (slug, name) SELECT 'bench-author-' || g, 'Bench Author ' || g FROM generate_series(1, 100) g ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO author_translation (author_id, locale, bio) SELECT id, l, 'Analyst of ' || l || ' affairs.' FROM author, unnest(ARRAY['en','tr']) l
       WHERE slug LIKE 'bench-author-%' ON CONFLICT DO NOTHING`,
    );
    await client.query(`INSERT INTO tag SELECT FROM generate_series(1, 40)`);
    await client.query(
      `INSERT INTO tag_translation (tag_id, locale, name, slug)
       SELECT id, l, 'Topic ' || n || ' ' || l, 'topic-' || n FROM (SELECT id, row_number() OVER (ORDER BY id) n FROM tag) t, unnest(ARRAY['en','tr','ru']) l
       ON CONFLICT DO NOTHING`,
    );
    await client.query('COMMIT');
    const authors = (await client.query<{ id: string }>(`SELECT id FROM author WHERE slug LIKE 'bench-author-%'`)).rows.map((r) => r.id);
    const tagIds = (await client.query<{ id: string }>('SELECT id FROM tag')).rows.map((r) => r.id);
    const batch = 500;
    for (let start = 0; start < articles; start += batch) {
      const n = Math.min(batch, articles - start);
      const rows = Array.from({ length: n }, (_, i) => {
        const k = start + i;
        const sources = Array.from({ length: 5 }, (_, s) => ({
          position: s + 1,
          title: `Source ${s + 1} of article ${k}`,
          publisher: 'Bench Press',
          url: `https://example.org/source/${k}/${s + 1}`,
          accessedOn: '2024-03-01',
          language: null,
        }));
        const texts = ['en', 'tr', 'ru'].map((locale) => ({
          locale,
          title: `${pick(WORDS[locale])} ${pick(VOCABULARY[locale])} ${pick(VOCABULARY[locale])} ${k}`,
          slug: `bench-${locale}-${k}`,
          summary: paragraph(locale, 25, 1).replace(/\[\^\d\]/, ''),
          body: body(locale),
        }));
        return { k, sources, texts, author: authors[k % authors.length], tags: [tagIds[k % tagIds.length], tagIds[(k * 7 + 3) % tagIds.length]] };
      });
      await client.query('BEGIN');
      await client.query(
        `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(k int, sources jsonb, texts jsonb, author uuid, tags uuid[])),
              a AS (INSERT INTO article (source_locale, created_at) SELECT 'en', now() - (k || ' minutes')::interval FROM input ORDER BY k RETURNING id, created_at),
              numbered AS (SELECT id, row_number() OVER (ORDER BY created_at DESC) AS rn FROM a),
              joined AS (SELECT numbered.id, input.* FROM numbered JOIN (SELECT *, row_number() OVER (ORDER BY k) AS rn FROM input) input USING (rn)),
              aa AS (INSERT INTO article_author (article_id, author_id, position) SELECT id, author, 1 FROM joined),
              at AS (INSERT INTO article_tag (article_id, tag_id) SELECT DISTINCT id, unnest(tags) FROM joined),
              src AS (INSERT INTO source (article_id, position, title, publisher, url, accessed_on)
                      SELECT id, (s->>'position')::int, s->>'title', s->>'publisher', s->>'url', (s->>'accessedOn')::date FROM joined, jsonb_array_elements(sources) s),
              tr AS (INSERT INTO article_translation (article_id, locale, title, slug, summary, body_markdown, status, published_at)
                     SELECT id, t->>'locale', t->>'title', t->>'slug', t->>'summary', t->>'body', 'published', now() - (k || ' minutes')::interval
                       FROM joined, jsonb_array_elements(texts) t RETURNING article_id, locale, title, slug, summary, body_markdown)
         INSERT INTO revision (article_id, locale, number, translation_version, snapshot)
         SELECT tr.article_id, tr.locale, 1, 1, jsonb_build_object('title', tr.title, 'subtitle', null, 'slug', tr.slug, 'summary', tr.summary, 'body', tr.body_markdown,
                'seoTitle', null, 'seoDescription', null, 'sources', j.sources)
           FROM tr JOIN joined j ON j.id = tr.article_id`,
        [JSON.stringify(rows)],
      );
      await client.query(`UPDATE article_translation t SET live_revision_id = r.id, live_slug = t.slug FROM revision r
                           WHERE r.article_id = t.article_id AND r.locale = t.locale AND t.live_revision_id IS NULL AND t.slug LIKE 'bench-%-%'`);
      await client.query('COMMIT');
    }
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}
