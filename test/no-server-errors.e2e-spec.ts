import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, type TestApp } from './support/test-app';

/**
 * Every admin route, from the OpenAPI document, fed odd path values and ill-typed bodies: the
 * answer must be a 4xx (or a success) in the error shape, never a 500.
 */
const BODIES: unknown[] = [
  {},
  [],
  'text',
  42,
  null,
  {
    title: 123,
    body: { nested: true },
    name: ['x'],
    slug: 'Not A Slug',
    authorIds: 'x',
    tagIds: [1],
    translations: [],
    order: 'x',
    email: 5,
    role: {},
    locales: 'tr',
  },
  { title: 'x'.repeat(5000), body: 'y', name: 'z', bio: 1, position: -1, accessedOn: '2024-02-30', url: 'ftp://x', code: '../etc', fallback: 'xx' },
  { translations: { en: null, tr: [], ru: { name: { deep: 1 } } }, credit: 7 },
];

describe('no server errors for bad input', () => {
  let test: TestApp;
  let token: string;
  let articleId: string;

  beforeAll(async () => {
    test = await startTestApp('admin');
    token = (await signIn(test, 'admin')).token;
    const make = new ContentFactory(test.http, token);
    articleId = (await make.article()).id;
    await make.translation(articleId, 'en', { title: 'Target', body: 'x[^1]' });
    await make.source(articleId, 'A source');
  });
  afterAll(() => test.close());

  it('answers every route and method with something other than 500', async () => {
    const spec = (await test.http.get('/admin/docs/json')).body as { paths: Record<string, Record<string, unknown>> };
    const values: Record<string, string[]> = {
      id: ['x', '00000000-0000-4000-8000-000000000000', articleId],
      locale: ['xx', 'en', 'EN', '%F0%9F%98%80'],
      position: ['0', '1', '99999', 'one'],
      code: ['xx', 'en', '..'],
    };
    const failures: string[] = [];
    let requests = 0;
    for (const [template, operations] of Object.entries(spec.paths)) {
      if (template.endsWith('/auth/logout')) continue; // would end this test's session
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const paths = names.reduce<string[]>((acc, name) => acc.flatMap((p) => (values[name] ?? ['x']).map((v) => p.replace(`{${name}}`, v))), [template]);
      for (const method of Object.keys(operations)) {
        for (const path of paths) {
          const bodies = method === 'get' || method === 'delete' ? [undefined] : BODIES;
          for (const body of bodies) {
            requests += 1;
            const response = await test.http.request(method.toUpperCase(), path, { body, token, headers: { 'if-match': '"1"' } });
            if (response.status >= 500 || (response.status >= 400 && typeof response.body?.error !== 'string')) {
              failures.push(`${method.toUpperCase()} ${path} ${JSON.stringify(body)?.slice(0, 80)} → ${response.status} ${response.text.slice(0, 120)}`);
            }
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  }, 120_000);
});

/** Every delivery route, from its OpenAPI document, fed odd path values, queries and headers: never a 500. */
describe('no server errors for odd delivery requests', () => {
  let admin: TestApp;
  let delivery: TestApp;

  beforeAll(async () => {
    admin = await startTestApp('admin');
    delivery = await startTestApp('delivery', {}, admin.databaseUrl);
    const make = new ContentFactory(admin.http, (await signIn(admin, 'admin')).token);
    const article = await make.article();
    const written = await make.translation(article.id, 'en', { title: 'Odd requests', slug: 'odd-requests', body: 'x[^1]' });
    await make.source(article.id, 'A source');
    await make.publish(article.id, 'en', written.version);
  });
  afterAll(async () => {
    await delivery.close();
    await admin.close();
  });

  it('answers every route with odd paths, queries and headers with something other than 500', async () => {
    const spec = (await delivery.http.get('/docs/json')).body as { paths: Record<string, Record<string, unknown>> };
    const values: Record<string, string[]> = {
      locale: ['en', 'xx', 'EN', 'en-US', '%F0%9F%98%80', 'a'.repeat(300), '..'],
      slug: ['odd-requests', 'Odd Requests', '%00', '%E2%80%AE', 'x'.repeat(400), 'odd--requests'],
      id: ['x', '00000000-0000-4000-8000-000000000000', '%27%20OR%201%3D1'],
    };
    const queries = [
      '',
      '?page=-1',
      '?page=99999999999999',
      '?limit=abc',
      '?limit=1000',
      '?q=',
      '?q[]=a&q[]=b',
      `?q=${encodeURIComponent('!!! ((( :* & | <-> "')}`,
      `?q=${'a'.repeat(500)}`,
      '?fallback=maybe',
      '?fallback=true&fallback=false',
      '?preview=',
      '?preview=klm_x',
      '?tag=Not%20A%20Slug',
      '?author[]=x',
      '?w=99999',
      '?format=tiff',
      '?__proto__[x]=1',
    ];
    const headers: Record<string, string>[] = [
      {},
      { 'if-none-match': 'garbage, W/"x", *' },
      { authorization: 'Bearer klm_forged' },
      { 'accept-language': 'tr;q=abc' },
    ];
    const failures: string[] = [];
    let requests = 0;
    for (const template of Object.keys(spec.paths)) {
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const paths = names.reduce<string[]>((acc, name) => acc.flatMap((p) => (values[name] ?? ['x']).map((v) => p.replace(`{${name}}`, v))), [template]);
      for (const path of paths) {
        for (const query of queries) {
          for (const header of headers) {
            requests += 1;
            const response = await delivery.http.get(path + query, { headers: header });
            if (response.status >= 500 || (response.status >= 400 && !response.text.includes('"error"'))) {
              failures.push(`GET ${path}${query} ${JSON.stringify(header)} → ${response.status} ${response.text.slice(0, 120)}`);
            }
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 120_000);
});
