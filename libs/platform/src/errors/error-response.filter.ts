import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Messages } from '@kalam/i18n';
import { drainRequest } from '../http/drain-request';
import { renderError } from './error-response';
import { toKalamError } from './to-kalam-error';

export interface ErrorResponseLimits {
  /** BODY_LIMIT, named in the 413 message. */
  bodyLimit: number;
  /** BODY_DRAIN_LIMIT: how much of a refused body is read through so the client gets to read the answer. */
  drainLimit: number;
}

/** Sends any failure as the api.md error shape (Nest's filter and Fastify's own frameworkErrors both come here). */
export function sendError(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  messages: Messages,
  limits: ErrorResponseLimits,
  logger: Logger,
): void {
  const retryAfter = Number(reply.getHeader('retry-after'));
  const error = toKalamError(exception, {
    method: request.method,
    path: request.url.split('?')[0],
    contentType: request.headers['content-type'],
    bodyLimit: limits.bodyLimit,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  });
  if (error.status >= 500) logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  const language = messages.negotiate(request.headers['accept-language']);
  const send = () =>
    void reply
      .status(error.status)
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-language', language)
      .header('cache-control', 'no-store')
      .send(renderError(error, messages, language));
  if (request.raw.complete) return send();
  // The body is still arriving (a 413 mid-upload, a 401 on an upload without a token): answer
  // once the client has sent it, so the answer is not lost to a reset. Fastify marks body errors
  // `connection: close`; a body read to its end leaves the connection fit for the next request.
  void drainRequest(request.raw, limits.drainLimit).then((ended) => {
    if (ended) reply.removeHeader('connection');
    else void reply.header('connection', 'close');
    send();
  });
}

@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorResponseFilter.name);

  constructor(
    private readonly messages: Messages,
    private readonly limits: ErrorResponseLimits,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.messages, this.limits, this.logger);
  }
}
