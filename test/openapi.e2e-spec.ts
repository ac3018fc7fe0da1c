import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestApp, type TestApp } from './support/test-app';

type Operation = {
  summary?: string;
  parameters?: { in: string; name: string; required?: boolean }[];
  responses: Record<string, { headers?: Record<string, unknown> }>;
};
type Document = { paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = (document: Document) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ id: `${method.toUpperCase()} ${path}`, operation })),
  );

/** Both OpenAPI documents are valid and complete enough to generate clients from (the typed delivery client is one). */
describe('OpenAPI documents', () => {
  let admin: TestApp;
  let delivery: TestApp;
  let adminDoc: Document;
  let deliveryDoc: Document;

  beforeAll(async () => {
    admin = await startTestApp('admin');
    delivery = await startTestApp('delivery', {}, admin.databaseUrl);
    adminDoc = (await admin.http.get('/admin/docs/json')).body;
    deliveryDoc = (await delivery.http.get('/docs/json')).body;
  });
  afterAll(async () => {
    await delivery.close();
    await admin.close();
  });

  it('validate, every $ref resolving', async () => {
    await expect(SwaggerParser.validate(structuredClone(adminDoc) as never)).resolves.toBeTruthy();
    await expect(SwaggerParser.validate(structuredClone(deliveryDoc) as never)).resolves.toBeTruthy();
  });

  it('give every operation a summary and the client errors it can answer', () => {
    const lacking = [...operations(adminDoc), ...operations(deliveryDoc)].filter(({ operation }) => !operation.summary?.trim()).map(({ id }) => id);
    expect(lacking).toEqual([]);
    const withoutErrors = operations(deliveryDoc)
      // These take no input and need no record: nothing a client sends can make them fail.
      .filter(({ id }) => !['GET /v1/locales', 'GET /v1/sitemap.xml', 'GET /health', 'GET /ready'].includes(id))
      .filter(({ operation }) => !Object.keys(operation.responses).some((status) => status.startsWith('4')))
      .map(({ id }) => id);
    expect(withoutErrors).toEqual([]);
  });

  it('describe a versioned write: If-Match in, ETag out, and every status it answers', () => {
    const put = adminDoc.paths['/admin/v1/articles/{id}/translations/{locale}'].put;
    expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '401', '403', '404', '409', '412', '428']));
    expect(put.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'If-Match', required: false }));
    expect(put.responses['200'].headers).toHaveProperty('ETag');
    expect(put.responses['201'].headers).toHaveProperty('ETag');
  });
});
