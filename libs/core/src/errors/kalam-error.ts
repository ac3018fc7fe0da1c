/** Values interpolated into a message, e.g. {locale: 'kk'}. */
export type MessageParams = Record<string, unknown>;

export interface ErrorDetail {
  field?: string;
  /** Message key under `validation.` or `errors.`; translated by the error filter. */
  code: string;
  params?: MessageParams;
  /** Extra machine-readable data passed through untranslated (e.g. a footnote number). */
  data?: Record<string, unknown>;
}

/**
 * A failure a client can act on. It carries a stable code (`locale.not_found`) and parameters,
 * never English: the global error filter turns the code into a message in the caller's language
 * (catalog key `errors.<code>`) and the status into the HTTP answer.
 */
export class KalamError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: MessageParams = {},
    readonly details: ErrorDetail[] = [],
    /** Fields added to the response body as they are, e.g. `{current: 4}` on a 412. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'KalamError';
  }

  static badRequest(code: string, params?: MessageParams, details?: ErrorDetail[]): KalamError {
    return new KalamError(400, code, params, details);
  }
  static unauthorized(code = 'unauthorized', params?: MessageParams): KalamError {
    return new KalamError(401, code, params);
  }
  static forbidden(code = 'forbidden', params?: MessageParams): KalamError {
    return new KalamError(403, code, params);
  }
  static notFound(code: string, params?: MessageParams, extra?: Record<string, unknown>): KalamError {
    return new KalamError(404, code, params, [], extra);
  }
  static conflict(code: string, params?: MessageParams, extra?: Record<string, unknown>): KalamError {
    return new KalamError(409, code, params, [], extra);
  }
  static preconditionFailed(sent: number, current: number): KalamError {
    return new KalamError(412, 'request.precondition_failed', { sent, current }, [], { currentVersion: current });
  }
  static preconditionRequired(current: number): KalamError {
    return new KalamError(428, 'request.precondition_required', { current }, [], { currentVersion: current });
  }
  static unprocessable(code: string, params?: MessageParams, details?: ErrorDetail[]): KalamError {
    return new KalamError(422, code, params, details);
  }
}
