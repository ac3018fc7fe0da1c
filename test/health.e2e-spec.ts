import { startTestApp, type TestApp } from './support/test-app';

describe('health and docs', () => {
  let admin: TestApp;
  let delivery: TestApp;

  beforeAll(async () => {
    admin = await startTestApp('admin');
    delivery = await startTestApp('delivery', {}, admin.databaseUrl);
  });
  afterAll(async () => {
    await delivery.close();
    await admin.close();
  });

  it.each(['admin', 'delivery'])('%s answers /health and /ready without a token', async (which) => {
    const http = (which === 'admin' ? admin : delivery).http;
    expect((await http.get('/health')).body).toMatchObject({ status: 'ok' });
    expect((await http.get('/ready')).body).toEqual({ status: 'ready', database: 'up' });
  });

  it('serves the admin OpenAPI document and UI', async () => {
    const json = await admin.http.get('/admin/docs/json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining([
        '/admin/v1/auth/login',
        '/admin/v1/users',
        '/admin/v1/users/{id}',
        '/admin/v1/locales',
        '/admin/v1/authors/{id}/translations/{locale}',
        '/admin/v1/articles',
        '/admin/v1/articles/{id}/translations/{locale}',
        '/admin/v1/articles/{id}/translations/{locale}/checks',
        '/admin/v1/articles/{id}/sources/{position}',
        '/admin/v1/articles/{id}/sources/reorder',
        '/admin/v1/media',
        '/admin/v1/tags',
      ]),
    );
    expect(json.body.components.schemas.PutTranslationDto.properties.body).toBeDefined();
    expect(json.body.components.securitySchemes.bearer).toBeDefined();
    const ui = await admin.http.get('/admin/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('serves the delivery OpenAPI document', async () => {
    const json = await delivery.http.get('/docs/json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toContain('/v1/locales');
    expect(Object.keys(json.body.paths).some((p) => p.startsWith('/admin'))).toBe(false);
  });
});
