import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { currentLanguage, t } from '../i18n';
import { session, signOutLocally } from '../session';

export type Schemas = components['schemas'];

/** An answer the API refused, with its localized message (the API's own catalogs, in the UI's language). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Schemas['ErrorDetailDto'][] = [],
    readonly currentVersion?: number,
  ) {
    super(message);
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.value?.token;
    if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
    request.headers.set('accept-language', currentLanguage());
    return request;
  },
  onResponse({ request, response }) {
    // A token that expired or was revoked: back to the sign-in form (the login answer itself is a plain 401).
    if (response.status === 401 && !request.url.endsWith('/auth/login')) signOutLocally(true);
    return response;
  },
};

/** The typed admin API: paths, bodies and answers come from the API's OpenAPI document (src/api/schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * The data of a successful answer, or an ApiFailure carrying the API's localized message. A
 * network failure (offline, a reset) becomes one too, with status 0.
 */
export async function ok<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch {
    throw new ApiFailure(0, 'network', t('error.network'));
  }
  const { data, error, response } = answer;
  if (response.ok) return data as T;
  const body = (error ?? {}) as Partial<Schemas['ErrorResponseDto']>;
  if (typeof body.message === 'string' && typeof body.error === 'string') {
    throw new ApiFailure(response.status, body.error, body.message, body.details ?? [], body.currentVersion);
  }
  throw new ApiFailure(response.status, 'http', t('error.http', { status: response.status }));
}

/** The If-Match header for a version. */
export const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
