import createClient, { type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths } from './schema';
export type ArticleDocument = components['schemas']['ArticleDocumentDto'];
export type ArticlePage = components['schemas']['ArticlePageDto'];
export type SearchPage = components['schemas']['SearchPageDto'];
export type DeliveryError = components['schemas']['ErrorResponseDto'];

/**
 * A client for Kalam's delivery API whose paths, parameters and answers are typed from the API's
 * own OpenAPI document (regenerate `schema.d.ts` when the API changes; the test in
 * test/delivery-client.e2e-spec.ts fails until you do).
 *
 *   const kalam = createDeliveryClient({ baseUrl: 'https://cms.example.org' });
 *   const { data, error } = await kalam.GET('/v1/{locale}/articles/{slug}', { params: { path: { locale: 'tr', slug } } });
 */
export function createDeliveryClient(options: ClientOptions) {
  return createClient<paths>(options);
}
