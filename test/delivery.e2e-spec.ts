import { XMLParser } from 'fast-xml-parser';
import type { INestApplicationContext } from '@nestjs/common';
import Parser from 'rss-parser';
import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, startTestWorker, type TestApp } from './support/test-app';

/**
 * The delivery API as a front-end site uses it: published articles by locale with alternates,
 * bios and citations in the reader's language, fallback chains, old slugs, lists, author and tag
 * pages, feeds, sitemaps, preview of drafts, and HTTP caching.
 */
describe('delivery API', () => {
  let admin: TestApp;
  let delivery: TestApp;
  let worker: INestApplicationContext;
  let token: string;
  let make: ContentFactory;
  let article: { id: string };
  let author: { id: string; slug: string; version: number };
  let tag: { id: string };
  const version: Record<string, number> = {};

  const get = (path: string, headers: Record<string, string> = {}) => delivery.http.get(path, { headers });
  /**
   * A read right after a write: the delivery process learns of the change by NOTIFY, which arrives
   * a moment after the admin API has answered (the promise is within a second), so poll until then.
   */
  const afterChange = async (path: string, done: (response: Awaited<ReturnType<typeof get>>) => boolean) => {
    let response = await get(path);
    for (let i = 0; i < 20 && !done(response); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      response = await get(path);
    }
    return response;
  };
  const sources = async (id: string) => {
    await make.source(id, 'Water Sharing Yearbook', { publisher: 'Basin Council', url: 'https://example.org/yearbook', accessedOn: '2024-03-01' });
    await make.source(id, 'Interview notes');
  };

  beforeAll(async () => {
    admin = await startTestApp('admin');
    delivery = await startTestApp('delivery', {}, admin.databaseUrl);
    worker = await startTestWorker(admin.databaseUrl);
    ({ token } = await signIn(admin, 'admin'));
    make = new ContentFactory(admin.http, token);
    author = await make.author('Aigerim Sadykova');
    // The bio exists only in Turkish, as on many think-tank sites.
    const bio = await admin.http.put(`/admin/v1/authors/${author.id}/translations/tr`, { bio: 'Enerji **politikası** uzmanı.' }, { token });
    expect(bio.status).toBe(201);
    tag = await admin.http
      .post('/admin/v1/tags', { translations: { en: { name: 'Water' }, tr: { name: 'Su' }, ru: { name: 'Вода' } } }, { token })
      .then((r) => r.body);
    article = await make.article({ authorIds: [author.id], tagIds: [tag.id] });
    await sources(article.id);
    const en = await make.translation(article.id, 'en', {
      title: 'Rivers without borders',
      slug: 'rivers-without-borders',
      summary: 'How upstream dams shape downstream economies.',
      body: "Kazakhstan's water talks stalled in spring.[^1]\n\nEconomies downstream depend on the river.[^2]",
    });
    version.en = (await make.publish(article.id, 'en', en.version)).version;
    const tr = await make.translation(article.id, 'tr', {
      title: 'Sınır tanımayan nehirler',
      slug: 'sinir-tanimayan-nehirler',
      summary: 'Yukarı havzadaki barajlar aşağı havza ekonomilerini nasıl şekillendiriyor.',
      body: "Kazakistan'ın su görüşmeleri baharda durdu.[^1]\n\nAşağı havzadaki ekonomiler nehre bağımlı.[^2]",
    });
    version.tr = (await make.publish(article.id, 'tr', tr.version)).version;
    const ru = await make.translation(article.id, 'ru', {
      title: 'Реки без границ',
      slug: 'reki-bez-granits',
      summary: 'Как плотины выше по течению влияют на экономику ниже по течению.',
      body: 'Переговоры о воде зашли в тупик ещё весной.[^1]\n\nЭкономики ниже по течению зависят от реки.[^2]',
    });
    version.ru = ru.version;
  });

  afterAll(async () => {
    await worker.close();
    await delivery.close();
    await admin.close();
  });

  it('serves a published article with alternates, a bio along the chain, localized citations and caching headers', async () => {
    const response = await get('/v1/en/articles/rivers-without-borders');
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(doc).toMatchObject({ id: article.id, locale: 'en', slug: 'rivers-without-borders', title: 'Rivers without borders', sourceLocale: 'en' });
    expect(doc.alternates).toEqual([
      { locale: 'en', slug: 'rivers-without-borders', url: expect.stringMatching(/\/v1\/en\/articles\/rivers-without-borders$/) },
      { locale: 'tr', slug: 'sinir-tanimayan-nehirler', url: expect.stringMatching(/\/v1\/tr\/articles\/sinir-tanimayan-nehirler$/) },
    ]);
    expect(doc.authors).toEqual([
      { slug: author.slug, displayName: 'Aigerim Sadykova', title: null, bio: '<p>Enerji <strong>politikası</strong> uzmanı.</p>\n', bioLocale: 'tr' },
    ]);
    expect(doc.footnotes[0]).toMatchObject({
      number: 1,
      title: 'Water Sharing Yearbook',
      citation: 'Water Sharing Yearbook, Basin Council, https://example.org/yearbook (Date of Accession: March 1, 2024)',
    });
    expect(doc.footnotes[1].citation).toBe('Interview notes');
    expect(doc.bodyHtml).toContain('<section class="footnotes">');
    expect(doc.tags).toEqual([{ slug: 'water', name: 'Water', locale: 'en' }]);
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{20,}"$/);
    expect(response.headers.get('cache-control')).toMatch(/public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+/);
    expect(response.headers.get('surrogate-key')?.split(' ')).toEqual(
      expect.arrayContaining([`article:${article.id}`, `author:${author.id}`, `tag:${tag.id}`, 'locale:en']),
    );
    expect(response.headers.get('content-language')).toBe('en');

    const tr = await get('/v1/tr/articles/sinir-tanimayan-nehirler');
    expect(tr.body.footnotes[0].citation).toBe('Water Sharing Yearbook, Basin Council, https://example.org/yearbook (Erişim Tarihi: 1 Mart 2024)');
    expect(tr.body.tags).toEqual([{ slug: 'su', name: 'Su', locale: 'tr' }]);
    expect(tr.body.alternates.map((a: { locale: string }) => a.locale)).toEqual(['en', 'tr']);
  });

  it('answers 304 to If-None-Match, from the controller and from the cache alike', async () => {
    const first = await get('/v1/en/articles/rivers-without-borders');
    const etag = first.headers.get('etag')!;
    for (let i = 0; i < 2; i += 1) {
      const again = await get('/v1/en/articles/rivers-without-borders', { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.text).toBe('');
    }
    const other = await get('/v1/en/articles/rivers-without-borders', { 'if-none-match': '"something-else"' });
    expect(other.status).toBe(200);
  });

  it('is 404 for an unpublished locale, in the caller’s language, and follows the chain with ?fallback=true', async () => {
    const missing = await get('/v1/ru/articles/reki-bez-granits', { 'accept-language': 'ru' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'published.article_not_found' });
    expect(missing.body.message).toContain('нет опубликованной статьи');

    // The slug of a draft is not a key to anything: answering it would tell which drafts exist.
    expect((await get('/v1/ru/articles/reki-bez-granits?fallback=true')).status).toBe(404);
    const fallback = await get('/v1/ru/articles/rivers-without-borders?fallback=true');
    expect(fallback.status).toBe(200);
    expect(fallback.body).toMatchObject({ locale: 'en', fallbackFrom: 'ru', slug: 'rivers-without-borders' });
    expect(fallback.headers.get('content-language')).toBe('en');

    // kk → ru → en: Russian is not live, so English answers.
    const kk = await admin.http.post(
      '/admin/v1/locales',
      { code: 'kk', name: 'Kazakh', nativeName: 'Қазақша', fallback: 'ru', textSearchConfig: 'simple' },
      { token },
    );
    expect(kk.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 5_100)); // the delivery API re-reads locales every 5 s
    const viaChain = await get('/v1/kk/articles/rivers-without-borders?fallback=true');
    expect(viaChain.body).toMatchObject({ locale: 'en', fallbackFrom: 'kk' });
    // A slug whose article is live in the asked locale redirects there instead.
    const toTurkish = await get('/v1/tr/articles/rivers-without-borders?fallback=true');
    expect(toTurkish.status).toBe(301);
    expect(toTurkish.headers.get('location')).toBe('/v1/tr/articles/sinir-tanimayan-nehirler?fallback=true');

    expect((await get('/v1/xx/articles/rivers-without-borders')).body).toMatchObject({ statusCode: 404, error: 'locale.not_found' });
    expect((await get('/v1/en/articles/no-such-article', { 'accept-language': 'tr' })).body.message).toContain('yayımlanmış bir makale yok');
  });

  it('serves drafts to preview tokens only, never cached', async () => {
    const preview = (await admin.http.post('/admin/v1/tokens', { name: 'site preview', kind: 'preview' }, { token })).body.token as string;
    const api = (await admin.http.post('/admin/v1/tokens', { name: 'script' }, { token })).body.token as string;
    const draft = await get(`/v1/ru/articles/reki-bez-granits?preview=${preview}`);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ locale: 'ru', title: 'Реки без границ' });
    expect(draft.body.alternates.map((a: { locale: string }) => a.locale)).toEqual(['en', 'tr', 'ru']);
    expect(draft.headers.get('cache-control')).toBe('private, no-store');
    const byHeader = await get('/v1/ru/articles/reki-bez-granits', { authorization: `Bearer ${preview}` });
    expect(byHeader.status).toBe(200);
    expect((await get(`/v1/ru/articles/reki-bez-granits?preview=${api}`)).status).toBe(403);
    expect((await get('/v1/ru/articles/reki-bez-granits?preview=klm_forged')).status).toBe(401);
    expect((await get('/v1/ru/articles/reki-bez-granits', { authorization: 'Basic abc' })).status).toBe(401);
    // The published answer is unchanged by the preview.
    expect((await get('/v1/ru/articles/reki-bez-granits')).status).toBe(404);
  });

  it('redirects an old slug to the current one after a republish, and re-renders the siblings', async () => {
    const edited = await make.translation(
      article.id,
      'en',
      {
        title: 'Rivers without borders',
        slug: 'rivers-across-borders',
        summary: 'How upstream dams shape downstream economies.',
        body: "Kazakhstan's water talks stalled in spring.[^1]\n\nEconomies downstream depend on the river.[^2]",
      },
      version.en,
    );
    version.en = (await make.publish(article.id, 'en', edited.version)).version;
    const old = await afterChange('/v1/en/articles/rivers-without-borders', (r) => r.status === 301);
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe('/v1/en/articles/rivers-across-borders');
    const tr = await afterChange('/v1/tr/articles/sinir-tanimayan-nehirler', (r) => JSON.stringify(r.body.alternates).includes('rivers-across-borders'));
    expect(tr.body.alternates).toContainEqual(expect.objectContaining({ locale: 'en', slug: 'rivers-across-borders' }));
  });

  it('lists newest first, filtered by tag and author, and shows author and tag pages', async () => {
    const other = await make.article();
    const written = await make.translation(other.id, 'en', { title: 'A later note', body: 'Short.' });
    await make.publish(other.id, 'en', written.version);
    const list = await get('/v1/en/articles?limit=10');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { title: string }) => i.title)).toEqual(['A later note', 'Rivers without borders']);
    expect(list.body).toMatchObject({ page: 1, limit: 10, total: 2 });
    expect(list.body.items[1]).toMatchObject({ slug: 'rivers-across-borders', authors: [{ slug: author.slug, displayName: 'Aigerim Sadykova' }] });
    expect((await get('/v1/en/articles?tag=water')).body.items.map((i: { title: string }) => i.title)).toEqual(['Rivers without borders']);
    expect((await get(`/v1/tr/articles?author=${author.slug}`)).body.total).toBe(1);
    expect((await get('/v1/en/articles?tag=no-such-tag')).body).toMatchObject({ items: [], total: 0 });
    expect((await get('/v1/en/articles?limit=0')).status).toBe(400);
    expect((await get('/v1/en/articles?colour=red')).status).toBe(400);

    const authorPage = await get(`/v1/en/authors/${author.slug}`);
    expect(authorPage.body.author).toMatchObject({ displayName: 'Aigerim Sadykova', bioLocale: 'tr' });
    expect(authorPage.body.items).toHaveLength(1);
    const tagPage = await get('/v1/tr/tags/su');
    expect(tagPage.body).toMatchObject({ tag: { slug: 'su', name: 'Su', locale: 'tr' }, total: 1 });
    expect((await get('/v1/tr/tags/water')).status).toBe(404);
    expect((await get('/v1/tr/tags/water?fallback=true')).body.tag).toMatchObject({ slug: 'su' });
    expect((await get('/v1/en/authors/nobody')).status).toBe(404);
  });

  it('re-renders documents after an author’s bio changes (through the worker)', async () => {
    const put = await admin.http.put(`/admin/v1/authors/${author.id}/translations/en`, { bio: 'Energy policy analyst.' }, { token });
    expect(put.status).toBe(201);
    let bio = '';
    for (let i = 0; i < 50 && !bio.includes('analyst'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      bio = (await get('/v1/en/articles/rivers-across-borders')).body.authors[0].bio;
    }
    expect(bio).toBe('<p>Energy policy analyst.</p>\n');
    expect((await get('/v1/tr/articles/sinir-tanimayan-nehirler')).body.authors[0]).toMatchObject({ bioLocale: 'tr' });
  });

  it('makes RSS and Atom feeds, and sitemaps with hreflang alternates, that real parsers read', async () => {
    const rss = await get('/v1/en/feed.xml');
    expect(rss.headers.get('content-type')).toContain('application/rss+xml');
    const feed = await new Parser().parseString(rss.text);
    expect(feed.items.map((item) => item.title)).toEqual(['A later note', 'Rivers without borders']);
    expect(feed.items[1].link).toMatch(/\/v1\/en\/articles\/rivers-across-borders$/);
    const atom = await new Parser().parseString((await get('/v1/tr/atom.xml')).text);
    expect(atom.items.map((item) => item.title)).toEqual(['Sınır tanımayan nehirler']);

    const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'xhtml:link', 'sitemap'].includes(name) });
    const sitemap = xml.parse((await get('/v1/tr/sitemap.xml')).text);
    const [entry] = sitemap.urlset.url;
    expect(entry.loc).toMatch(/\/v1\/tr\/articles\/sinir-tanimayan-nehirler$/);
    expect(entry['xhtml:link'].map((link: Record<string, string>) => [link['@_hreflang'], link['@_href']])).toEqual([
      ['en', expect.stringMatching(/\/v1\/en\/articles\/rivers-across-borders$/)],
      ['tr', expect.stringMatching(/\/v1\/tr\/articles\/sinir-tanimayan-nehirler$/)],
    ]);
    const index = xml.parse((await get('/v1/sitemap.xml')).text);
    expect(index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual(
      expect.arrayContaining([expect.stringMatching(/\/v1\/en\/sitemap\.xml$/), expect.stringMatching(/\/v1\/tr\/sitemap\.xml$/)]),
    );
    expect((await get('/v1/en/sitemap.xml?page=2')).status).toBe(404);
    expect((await get('/v1/en/sitemap.xml?page=x')).status).toBe(400);
  });

  it('never leaves a stale bio behind when a bio edit and a publish cross', async () => {
    let version = `"${(await admin.http.get(`/admin/v1/authors/${author.id}`, { token })).body.translations.en.version}"`;
    for (let round = 1; round <= 6; round += 1) {
      const other = await make.article({ authorIds: [author.id] });
      const written = await make.translation(other.id, 'en', { title: `Crossing ${round}`, slug: `crossing-${round}`, body: 'Text.' });
      const approved = await make.steps(other.id, 'en', written.version, 'submit', 'approve');
      const bio = `Bio of round ${round}.`;
      const [published, edited] = await Promise.all([
        make.steps(other.id, 'en', approved.version, 'publish'),
        admin.http.put(`/admin/v1/authors/${author.id}/translations/en`, { bio }, { token, headers: { 'if-match': version } }),
      ]);
      expect(published.status).toBe('published');
      expect(edited.status).toBe(200);
      version = edited.headers.get('etag')!;
      let shown = '';
      for (let i = 0; i < 50 && !shown.includes(bio); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        shown = (await get(`/v1/en/articles/crossing-${round}`)).body.authors[0].bio;
      }
      expect(shown).toBe(`<p>${bio}</p>\n`);
    }
  });

  it('drops an unpublished article from the related articles of others', async () => {
    const shown = await make.article({ tagIds: [tag.id] });
    const written = await make.translation(shown.id, 'en', { title: 'Related by water', slug: 'related-by-water', body: 'Text.' });
    const live = await make.publish(shown.id, 'en', written.version);
    // Republishing the first article lists the new one as related.
    const current = (await admin.http.get(`/admin/v1/articles/${article.id}/translations/en`, { token })).body;
    const edited = await make.translation(
      article.id,
      'en',
      { title: current.title, slug: current.slug, summary: current.summary, body: `${current.body}\n\nA later paragraph.` },
      current.version,
    );
    version.en = (await make.publish(article.id, 'en', edited.version)).version;
    const related = async () => (await get('/v1/en/articles/rivers-across-borders')).body.related.map((card: { slug: string }) => card.slug);
    const republished = await afterChange('/v1/en/articles/rivers-across-borders', (r) => JSON.stringify(r.body.related).includes('related-by-water'));
    expect(republished.body.related.map((card: { slug: string }) => card.slug)).toContain('related-by-water');
    await make.steps(shown.id, 'en', live.version, 'unpublish');
    let slugs: string[] = ['related-by-water'];
    for (let i = 0; i < 50 && slugs.includes('related-by-water'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      slugs = await related();
    }
    expect(slugs).not.toContain('related-by-water');
  });

  it('stops serving a locale as soon as it is disabled, cached answers included, and re-renders alternates', async () => {
    const ru = await make.translation(article.id, 'ru', { title: 'Реки без границ', slug: 'reki-bez-granits', body: 'Текст.[^1]\n\nЕщё.[^2]' }, version.ru);
    await make.publish(article.id, 'ru', ru.version);
    expect((await get('/v1/ru/articles?limit=3')).status).toBe(200);
    expect((await get('/v1/ru/articles?limit=3')).status).toBe(200); // now cached
    const locale = (await admin.http.get('/admin/v1/locales', { token })).body.find((l: { code: string }) => l.code === 'ru');
    const disabled = await admin.http.patch('/admin/v1/locales/ru', { enabled: false }, { token, headers: { 'if-match': `"${locale.version}"` } });
    expect(disabled.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await get('/v1/ru/articles?limit=3')).status).toBe(404);
    expect((await get('/v1/ru/articles/reki-bez-granits')).status).toBe(404);
    let alternates: string[] = ['ru'];
    for (let i = 0; i < 50 && alternates.includes('ru'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      alternates = (await get('/v1/en/articles/rivers-across-borders')).body.alternates.map((a: { locale: string }) => a.locale);
    }
    expect(alternates).not.toContain('ru');
    const enabled = await admin.http.patch('/admin/v1/locales/ru', { enabled: true }, { token, headers: { 'if-match': `"${disabled.body.version}"` } });
    expect(enabled.status).toBe(200);
    for (let i = 0; i < 50 && !alternates.includes('ru'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      alternates = (await get('/v1/en/articles/rivers-across-borders')).body.alternates.map((a: { locale: string }) => a.locale);
    }
    expect(alternates).toEqual(['en', 'tr', 'ru']);
    expect((await get('/v1/ru/articles/reki-bez-granits')).status).toBe(200);
  });

  it('withdraws an unpublished translation from its page, lists and its siblings’ alternates', async () => {
    await make.steps(article.id, 'tr', version.tr, 'unpublish');
    expect((await afterChange('/v1/tr/articles/sinir-tanimayan-nehirler', (r) => r.status === 404)).status).toBe(404);
    expect((await afterChange('/v1/tr/articles', (r) => r.body.total === 0)).body.total).toBe(0);
    const en = await afterChange('/v1/en/articles/rivers-across-borders', (r) => !JSON.stringify(r.body.alternates).includes('"tr"'));
    expect(en.body.alternates.map((a: { locale: string }) => a.locale)).toEqual(['en', 'ru']);
  });
});
