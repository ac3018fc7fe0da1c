import * as path from 'node:path';
import { createDeliveryClient } from '../packages/delivery-client/src';
import { expectCurrentSchema } from './support/openapi-client';
import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, type TestApp } from './support/test-app';

const SCHEMA = path.join(__dirname, '../packages/delivery-client/src/schema.d.ts');

/** The typed client a front-end site uses, generated from the delivery API's document and used as a site would. */
describe('typed delivery client', () => {
  let admin: TestApp;
  let delivery: TestApp;

  beforeAll(async () => {
    admin = await startTestApp('admin');
    delivery = await startTestApp('delivery', {}, admin.databaseUrl);
    const { token } = await signIn(admin, 'admin');
    const make = new ContentFactory(admin.http, token);
    const article = await make.article();
    const en = await make.translation(article.id, 'en', { title: 'Typed at last', slug: 'typed-at-last', summary: 'A client that compiles.', body: 'Text.' });
    await make.publish(article.id, 'en', en.version);
  });
  afterAll(async () => {
    await delivery.close();
    await admin.close();
  });

  it('is generated from the current OpenAPI document (regenerate with UPDATE_CLIENT=1)', async () => {
    const document = (await delivery.http.get('/docs/json')).body;
    expectCurrentSchema(SCHEMA, document);
  });

  it('reads articles, lists and search the way a site would, with typed answers and errors', async () => {
    const kalam = createDeliveryClient({ baseUrl: delivery.http.baseUrl });
    const article = await kalam.GET('/v1/{locale}/articles/{slug}', { params: { path: { locale: 'en', slug: 'typed-at-last' } } });
    expect(article.response.status).toBe(200);
    // `data` is typed: these lines would not compile if the document lost the fields.
    const title: string = article.data!.title;
    const alternates: { locale: string; slug: string; url: string }[] = article.data!.alternates;
    expect(title).toBe('Typed at last');
    expect(alternates.map((a) => a.locale)).toEqual(['en']);

    const list = await kalam.GET('/v1/{locale}/articles', { params: { path: { locale: 'en' }, query: { limit: 5 } } });
    expect(list.data?.items.map((item) => item.slug)).toEqual(['typed-at-last']);
    const found = await kalam.GET('/v1/{locale}/search', { params: { path: { locale: 'en' }, query: { q: 'typed' } } });
    expect(found.data?.items[0].snippet).toContain('<mark>');

    const missing = await kalam.GET('/v1/{locale}/articles/{slug}', { params: { path: { locale: 'en', slug: 'nowhere' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ statusCode: 404, error: 'published.article_not_found' });
  });
});
