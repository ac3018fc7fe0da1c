import type { KalamError } from '@kalam/core';
import type { Messages } from '@kalam/i18n';

export interface ErrorResponseBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field?: string; code: string; message: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** The error shape both APIs answer with (../shared/docs/api.md), translated for `language`. */
export function renderError(error: KalamError, messages: Messages, language: string): ErrorResponseBody {
  const body: ErrorResponseBody = {
    statusCode: error.status,
    error: error.code,
    message: messages.t(language, `errors.${error.code}`, error.params),
    ...error.extra,
  };
  if (error.details.length) {
    body.details = error.details.map((detail) => {
      const params = { field: detail.field, ...detail.params };
      const key = messages.has(detail.code, params) ? detail.code : 'validation.invalid';
      return {
        ...(detail.field !== undefined ? { field: detail.field } : {}),
        code: detail.code.replace(/^(validation|errors)\./, ''),
        message: messages.t(language, key, params),
        ...detail.data,
      };
    });
  }
  return body;
}
