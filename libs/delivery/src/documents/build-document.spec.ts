import { buildDocuments, type RenderContext } from './build-document';
import type { DocumentInputs, TextToRender } from './document-inputs';

const context: RenderContext = {
  locales: new Map([
    ['en', { code: 'en', chain: ['en'], textDirection: 'ltr', textSearchConfig: 'english' }],
    ['ru', { code: 'ru', chain: ['ru', 'en'], textDirection: 'ltr', textSearchConfig: 'russian' }],
    ['kk', { code: 'kk', chain: ['kk', 'ru', 'en'], textDirection: 'ltr', textSearchConfig: 'simple' }],
  ]),
  order: ['en', 'ru', 'kk'],
  articleUrl: (locale, slug) => `https://site.example/${locale}/${slug}`,
  mediaUrl: (id) => `https://cms.example/v1/media/${id}`,
  accessed: (locale, date) => `[${locale}] ${date}`,
};

const text = (locale: string, slug: string, body = 'Claim.[^1]'): TextToRender => ({
  locale,
  revisionId: `rev-${locale}`,
  snapshot: {
    title: `Title ${locale}`,
    subtitle: null,
    slug,
    summary: null,
    body,
    seoTitle: null,
    seoDescription: null,
    sources: [{ position: 1, title: 'Yearbook', publisher: 'Board', url: null, accessedOn: '2024-01-15', language: null }],
  },
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-02-01T00:00:00Z'),
});

const inputs = (texts: TextToRender[]): DocumentInputs => ({
  article: { id: 'a1', sourceLocale: 'en' },
  texts,
  authors: [
    {
      id: 'p1',
      slug: 'aigerim',
      name: 'Aigerim',
      translations: [
        { locale: 'ru', displayName: 'Айгерим', title: null, bio: '' },
        { locale: 'kk', displayName: null, title: null, bio: 'Қазақша өмірбаян' },
      ],
    },
  ],
  tags: [{ id: 't1', translations: [{ locale: 'ru', name: 'Вода', slug: 'voda' }] }],
  hero: {
    id: 'm1',
    external: false,
    externalUrl: null,
    width: 800,
    height: 600,
    mimeType: 'image/jpeg',
    credit: 'Photo: A. Photographer',
    translations: [{ locale: 'en', caption: 'A dam', altText: 'Concrete dam' }],
  },
});

describe('buildDocuments', () => {
  it('gives every document the same alternates, in switcher order, itself included', () => {
    const docs = buildDocuments(inputs([text('ru', 'reki'), text('en', 'rivers')]), context);
    for (const { document } of docs) {
      expect(document.alternates).toEqual([
        { locale: 'en', slug: 'rivers', url: 'https://site.example/en/rivers' },
        { locale: 'ru', slug: 'reki', url: 'https://site.example/ru/reki' },
      ]);
    }
  });

  it('follows each locale’s chain for names, tags and captions, and any locale for a bio', () => {
    const [kk] = buildDocuments(inputs([text('kk', 'ozender')]), context);
    expect(kk.document.authors[0]).toMatchObject({ displayName: 'Айгерим', bioLocale: 'kk' });
    expect(kk.document.tags).toEqual([{ slug: 'voda', name: 'Вода', locale: 'ru' }]);
    expect(kk.document.heroImage).toMatchObject({
      url: 'https://cms.example/v1/media/m1',
      caption: 'A dam',
      alt: 'Concrete dam',
      credit: 'Photo: A. Photographer',
    });
    const [en] = buildDocuments(inputs([text('en', 'rivers')]), context);
    // English has no bio and its chain is only English: the Kazakh bio is better than none, and says so.
    expect(en.document.authors[0]).toMatchObject({ displayName: 'Aigerim', bioLocale: 'kk' });
    expect(en.document.tags).toEqual([{ slug: 'voda', name: 'Вода', locale: 'ru' }]);
  });

  it('cites sources in the locale’s words and keeps what search needs beside the document', () => {
    const [ru] = buildDocuments(inputs([text('ru', 'reki', 'Утверждение.[^1]\n\nЕщё одно.')]), context);
    expect(ru.document.footnotes).toEqual([
      { number: 1, title: 'Yearbook', publisher: 'Board', url: null, accessedOn: '2024-01-15', language: null, citation: 'Yearbook, Board ([ru] 2024-01-15)' },
    ]);
    expect(ru.document.bodyHtml).toContain('([ru] 2024-01-15)');
    expect(ru.search).toEqual({ config: 'russian', title: 'Title ru', summary: '', body: 'Утверждение.\nЕщё одно.' });
    expect(ru.card).toMatchObject({ slug: 'reki', url: 'https://site.example/ru/reki', authors: [{ slug: 'aigerim', displayName: 'Айгерим' }] });
    expect(ru).toMatchObject({ revisionId: 'rev-ru', authorIds: ['p1'], tagIds: ['t1'], mediaId: 'm1' });
  });

  it('links an external hero image as it is, never through the server', () => {
    const external = inputs([text('en', 'rivers')]);
    external.hero = { ...external.hero!, external: true, externalUrl: 'https://photos.example/dam.jpg' };
    expect(buildDocuments(external, context)[0].document.heroImage?.url).toBe('https://photos.example/dam.jpg');
  });
});
