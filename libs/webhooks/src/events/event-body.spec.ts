import { eventBody } from './event-body';

const urlOf = (locale: string, slug: string) => `https://news.example.org/${locale}/${slug}`;
const createdAt = new Date('2026-11-25T10:00:00.000Z');
const articleId = '6f1c2a4e-8d0b-4c55-9a51-2f3b1d7e9c10';

describe('webhook event bodies', () => {
  it('carry the article, its public URL and the CDN keys to purge for a publish', () => {
    const body = eventBody(
      { id: '42', type: 'translation.published', articleId, locale: 'tr', payload: { slug: 'ekonomi-notlari', revisionId: 'r1' }, createdAt },
      urlOf,
    );
    expect(body).toEqual({
      id: 'evt_42',
      type: 'translation.published',
      occurredAt: '2026-11-25T10:00:00.000Z',
      articleId,
      locale: 'tr',
      slug: 'ekonomi-notlari',
      url: 'https://news.example.org/tr/ekonomi-notlari',
      surrogateKeys: [`article:${articleId}`, 'locale:tr'],
      data: { revisionId: 'r1' },
    });
  });

  it('name the edited record for shared-record events, with no article or URL', () => {
    const body = eventBody({ id: '7', type: 'author.updated', articleId: null, locale: null, payload: { id: 'a1' }, createdAt }, urlOf);
    expect(body).toMatchObject({ articleId: null, locale: null, slug: null, url: null, surrogateKeys: ['author:a1'], data: { id: 'a1' } });
  });

  it('have no URL for a job, which is not public', () => {
    const body = eventBody({ id: '8', type: 'job.opened', articleId, locale: 'ru', payload: { jobId: 'j1', kind: 'new' }, createdAt }, urlOf);
    expect(body).toMatchObject({ slug: null, url: null, surrogateKeys: [], data: { jobId: 'j1', kind: 'new' } });
  });
});
