import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestApp, type TestApp } from './support/test-app';

type Response = { headers?: Record<string, unknown>; content?: Record<string, { schema?: { $ref?: string } }> };
type Operation = {
  summary?: string;
  parameters?: { in: string; name: string; required?: boolean }[];
  responses: Record<string, Response>;
};
type Document = { paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = (document: Document) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ id: `${method.toUpperCase()} ${path}`, operation })),
  );
const statuses = (operation: Operation) => Object.keys(operation.responses);
const ifMatch = (operation: Operation) => operation.parameters?.find((p) => p.in === 'header' && p.name === 'If-Match');

// These take no input and need no record: nothing a client sends can make them fail with a 4xx.
const NO_CLIENT_ERRORS = ['GET /v1/locales', 'GET /v1/sitemap.xml', 'GET /health', 'GET /ready'];
// These need no token.
const PUBLIC_ADMIN = ['POST /admin/v1/auth/login', 'GET /health', 'GET /ready'];

/** Both OpenAPI documents are valid and complete enough to generate clients from (the typed delivery client is one). */
describe('OpenAPI documents', () => {
  let admin: TestApp;
  let delivery: TestApp;
  let adminDoc: Document;
  let deliveryDoc: Document;
  let all: { id: string; operation: Operation }[];

  beforeAll(async () => {
    admin = await startTestApp('admin');
    delivery = await startTestApp('delivery', {}, admin.databaseUrl);
    adminDoc = (await admin.http.get('/admin/docs/json')).body;
    deliveryDoc = (await delivery.http.get('/docs/json')).body;
    all = [...operations(adminDoc), ...operations(deliveryDoc)];
  });
  afterAll(async () => {
    await delivery.close();
    await admin.close();
  });

  it('validate, every $ref resolving', async () => {
    await expect(SwaggerParser.validate(structuredClone(adminDoc) as never)).resolves.toBeTruthy();
    await expect(SwaggerParser.validate(structuredClone(deliveryDoc) as never)).resolves.toBeTruthy();
  });

  it('give every operation a summary, its success answer and the client errors it can answer', () => {
    expect(all.length).toBeGreaterThan(80);
    expect(all.filter(({ operation }) => !operation.summary?.trim()).map(({ id }) => id)).toEqual([]);
    expect(all.filter(({ operation }) => !statuses(operation).some((s) => /^[23]/.test(s))).map(({ id }) => id)).toEqual([]);
    const withoutErrors = all
      .filter(({ id }) => !NO_CLIENT_ERRORS.includes(id))
      .filter(({ operation }) => !statuses(operation).some((status) => status.startsWith('4')))
      .map(({ id }) => id);
    expect(withoutErrors).toEqual([]);
  });

  it('type every JSON success answer, so generated clients (the workbench, sites) know its shape', () => {
    // Files are bytes; XML and plain-text answers carry their own media type.
    const untyped = all
      .flatMap(({ id, operation }) => Object.entries(operation.responses).map(([status, r]) => ({ at: `${id} ${status}`, status, r })))
      .filter(({ status }) => /^2/.test(status) && status !== '204')
      .filter(({ at }) => !at.includes('/file ') && at !== 'GET /v1/media/{id} 200' && !/\.(xml|txt)|feed|sitemap|renditions|xliff|\/health|\/ready/.test(at))
      .filter(({ r }) => !r.content?.['application/json']?.schema)
      .map(({ at }) => at);
    expect(untyped).toEqual([]);
  });

  it('answer 401 on every admin operation that needs a token', () => {
    const without401 = operations(adminDoc)
      .filter(({ id }) => !PUBLIC_ADMIN.includes(id))
      .filter(({ operation }) => !operation.responses['401'])
      .map(({ id }) => id);
    expect(without401).toEqual([]);
  });

  it('describe every error answer with the one error shape, as JSON', () => {
    const errors = all.flatMap(({ id, operation }) =>
      Object.entries(operation.responses)
        .filter(([s]) => Number(s) >= 400)
        .map(([s, r]) => ({ at: `${id} ${s}`, r })),
    );
    expect(errors.length).toBeGreaterThan(300);
    const others = errors.filter(
      ({ r }) =>
        Object.keys(r.content ?? {}).join() !== 'application/json' || r.content!['application/json'].schema?.$ref !== '#/components/schemas/ErrorResponseDto',
    );
    expect(others.map(({ at }) => at)).toEqual([]);
  });

  it('answer 412 wherever If-Match is taken, and 428 where it is required', () => {
    const versioned = operations(adminDoc).filter(({ operation }) => ifMatch(operation));
    expect(versioned.length).toBeGreaterThan(20);
    expect(versioned.filter(({ operation }) => !operation.responses['412']).map(({ id }) => id)).toEqual([]);
    expect(versioned.filter(({ operation }) => ifMatch(operation)!.required && !operation.responses['428']).map(({ id }) => id)).toEqual([]);
  });

  it('describe a versioned write: If-Match in, ETag out, and every status it answers', () => {
    const put = adminDoc.paths['/admin/v1/articles/{id}/translations/{locale}'].put;
    expect(statuses(put)).toEqual(expect.arrayContaining(['200', '201', '400', '401', '403', '404', '409', '412', '428']));
    expect(put.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'If-Match', required: false }));
    expect(put.responses['200'].headers).toHaveProperty('ETag');
    expect(put.responses['201'].headers).toHaveProperty('ETag');

    // A change to a record that must exist requires If-Match; a delete checks it when sent.
    const article = adminDoc.paths['/admin/v1/articles/{id}'];
    expect(ifMatch(article.patch)).toMatchObject({ required: true });
    expect(statuses(article.patch)).toEqual(expect.arrayContaining(['200', '412', '428']));
    expect(article.patch.responses['200'].headers).toHaveProperty('ETag');
    expect(article.get.responses['200'].headers).toHaveProperty('ETag');
    expect(ifMatch(article.delete)).toMatchObject({ required: false });
    expect(statuses(article.delete)).toEqual(expect.arrayContaining(['204', '409', '412']));
    expect(statuses(article.delete)).not.toContain('428');
  });

  it('list the answers of uploads, imports and sign-in', () => {
    expect(statuses(adminDoc.paths['/admin/v1/media'].post)).toEqual(expect.arrayContaining(['201', '413', '415', '422']));
    expect(statuses(adminDoc.paths['/admin/v1/jobs/{id}/xliff'].put)).toEqual(expect.arrayContaining(['200', '409', '412', '413', '415', '422']));
    expect(statuses(adminDoc.paths['/admin/v1/auth/login'].post)).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
  });
});
