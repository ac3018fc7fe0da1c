import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Messages } from '@kalam/i18n';
import { renderError } from './error-response';
import { toKalamError } from './to-kalam-error';

/** Sends any failure as the api.md error shape. */
function sendError(exception: unknown, request: FastifyRequest, reply: FastifyReply, messages: Messages, bodyLimit: number, logger: Logger): void {
  const retryAfter = Number(reply.getHeader('retry-after'));
  const error = toKalamError(exception, {
    method: request.method,
    path: request.url.split('?')[0],
    contentType: request.headers['content-type'],
    bodyLimit,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  });
  if (error.status >= 500) logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  const language = messages.negotiate(request.headers['accept-language']);
  void reply
    .status(error.status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('content-language', language)
    .header('cache-control', 'no-store')
    .send(renderError(error, messages, language));
}

@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorResponseFilter.name);

  constructor(
    private readonly messages: Messages,
    private readonly bodyLimit: number,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.messages, this.bodyLimit, this.logger);
  }
}
