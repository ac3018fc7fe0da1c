import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, type TestApp } from './support/test-app';

/** Search as readers type: in their language's grammar and casing, best matches first, with snippets. */
describe('delivery search', () => {
  let admin: TestApp;
  let delivery: TestApp;
  let make: ContentFactory;

  async function published(locale: string, text: { title: string; summary?: string; body: string }) {
    const article = await make.article({ sourceLocale: locale });
    const written = await make.translation(article.id, locale, text);
    await make.publish(article.id, locale, written.version);
    return written.slug;
  }
  const search = (locale: string, q: string) => delivery.http.get(`/v1/${locale}/search?q=${encodeURIComponent(q)}`);
  const titles = async (locale: string, q: string) => (await search(locale, q)).body.items.map((item: { title: string }) => item.title);

  beforeAll(async () => {
    admin = await startTestApp('admin');
    delivery = await startTestApp('delivery', {}, admin.databaseUrl);
    const { token } = await signIn(admin, 'admin');
    make = new ContentFactory(admin.http, token);
    await published('tr', { title: 'Orta Asya’da enerji', body: "Kazakistan'ın petrol ihracatı arttı. İhracat gelirleri bütçeyi büyüttü." });
    await published('tr', { title: 'Su anlaşmaları', summary: 'Kazakistan ve komşuları', body: 'Barajlar ve ırmaklar üzerine uzun bir inceleme.' });
    await published('tr', { title: 'Bir başka yazı', body: 'İstanbul’daki toplantıda ekonomiler konuşuldu.' });
    await published('ru', { title: 'Экономика региона', body: 'Решённые в прошлом году вопросы: экономики соседних стран зависели от реки.' });
    await published('ru', { title: 'Вода и ёлки', body: 'Лес и вода.' });
    await published('en', { title: 'Energy exports', body: 'Exporting oil & gas (5 < 7): the economies of the region.' });
  });
  afterAll(async () => {
    await delivery.close();
    await admin.close();
  });

  it('finds Turkish words whatever their suffix, casing or dotted İ', async () => {
    // Capitals with dotted İ, and the apostrophe suffix, match the lower-case stem.
    expect(await titles('tr', 'KAZAKİSTAN')).toEqual(['Su anlaşmaları', 'Orta Asya’da enerji']);
    expect(await titles('tr', "Kazakistan'ın")).toHaveLength(2);
    expect(await titles('tr', 'ihracatı')).toEqual(['Orta Asya’da enerji']);
    expect(await titles('tr', 'İHRACAT')).toEqual(['Orta Asya’da enerji']);
    expect(await titles('tr', 'istanbul')).toEqual(['Bir başka yazı']);
    expect(await titles('tr', 'ekonomi')).toEqual(['Bir başka yazı']);
  });

  it('ranks a title match over a body match, and marks the matches in an escaped snippet', async () => {
    const response = await search('tr', 'kazakistan');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(2);
    const [first, second] = response.body.items;
    expect(first.rank).toBeGreaterThan(second.rank);
    expect(second.snippet).toContain('<mark>Kazakistan</mark>');
    const english = await search('en', 'oil');
    expect(english.body.items[0].snippet).toContain('<mark>oil</mark> &amp; gas (5 &lt; 7)');
    expect(english.headers.get('content-language')).toBe('en');
  });

  it('finds Russian inflected forms and treats ё and е alike', async () => {
    expect(await titles('ru', 'экономика')).toEqual(['Экономика региона']);
    expect(await titles('ru', 'экономикам')).toEqual(['Экономика региона']);
    expect(await titles('ru', 'решенные')).toEqual(['Экономика региона']);
    expect(await titles('ru', 'РЕШЁННЫЙ')).toEqual(['Экономика региона']);
    expect(await titles('ru', 'ЁЛКА')).toEqual(['Вода и ёлки']);
    expect(await titles('ru', 'елки')).toEqual(['Вода и ёлки']);
  });

  it('understands web-search syntax and refuses an empty or oversized query', async () => {
    expect(await titles('en', '"energy exports" -coal')).toEqual(['Energy exports']);
    expect(await titles('en', 'economy')).toEqual(['Energy exports']);
    expect(await titles('en', 'nothing-like-this')).toEqual([]);
    expect((await search('en', '')).status).toBe(400);
    expect((await delivery.http.get('/v1/en/search')).status).toBe(400);
    expect((await search('en', 'x'.repeat(201))).status).toBe(400);
    expect((await search('en', '!!! ((( :*')).status).toBe(200);
    expect((await search('xx', 'oil')).status).toBe(404);
  });
});
