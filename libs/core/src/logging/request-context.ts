import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  language: string;
}

/** Per-request values reachable from any code the request runs, without passing them down. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/** The message language negotiated for the current request; English outside a request. */
export function currentLanguage(): string {
  return requestContext.getStore()?.language ?? 'en';
}
