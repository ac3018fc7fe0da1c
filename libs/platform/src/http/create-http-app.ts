import { Logger, RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { KalamError, KalamLogger, LOG_LEVELS, requestContext } from '@kalam/core';
import { Messages } from '@kalam/i18n';
import { ErrorResponseDto } from '../errors/error-response.dto';
import { ErrorResponseFilter, sendError } from '../errors/error-response.filter';
import { completeOpenApiDocument } from './openapi-completion';
import { createValidationPipe } from '../validation/validation.pipe';
import type { HttpConfig } from './http.config';
import { parseJsonBody } from './json-body';
import { VersionEtagInterceptor } from './version-etag.interceptor';

export interface HttpAppOptions {
  module: Type<unknown>;
  http: HttpConfig;
  port: number;
  /** Route prefix such as 'admin/v1'; /health and /ready stay at the root. */
  prefix: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- what SwaggerModule accepts
  docs: { path: string; title: string; description: string; bearer: boolean; extraModels?: Function[] };
  /** Send `ETag: "<version>"` for versioned resources (the admin API's optimistic concurrency). */
  versionEtags?: boolean;
  /** Hooks that must run before Kalam's own (a response cache answering hits before anything else). */
  first?: (app: NestFastifyApplication) => void;
  /** Extra Fastify plugins (e.g. multipart uploads), registered before the app listens. */
  configure?: (app: NestFastifyApplication) => Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * A URL whose escapes decode to something PostgreSQL cannot store: a NUL, or bytes that are not
 * UTF-8 (%FF, or %ED%A0%80, an encoded lone surrogate). Refused before routing, like such bodies.
 */
function urlFault(url: string): KalamError | undefined {
  if (/%00/i.test(url)) return KalamError.badRequest('request.nul_character');
  if (!url.includes('%')) return undefined;
  try {
    decodeURIComponent(url);
    return undefined;
  } catch {
    return KalamError.badRequest('request.invalid_url');
  }
}

/**
 * Builds one of Kalam's HTTP apps on Fastify with the shared behaviour: strict JSON parsing, a body
 * limit, request ids, localized errors for everything (Nest routes Fastify's own failures, such
 * as a body over the limit, through the same global filter),
 * global validation, OpenAPI at `docs.path`, and graceful shutdown on SIGTERM/SIGINT.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<NestFastifyApplication> {
  const { http } = options;
  // The catalogs come with the app Nest builds, before it listens: no request is answered earlier.
  const i18n: { messages?: Messages } = {};
  const frameworkLogger = new Logger('FastifyFrameworkErrors');
  const adapter = new FastifyAdapter({
    bodyLimit: http.bodyLimit,
    trustProxy: http.trustProxy,
    // Fastify turns Node's request timeout off: a client that stops mid-headers or mid-body would
    // hold its socket for ever. This bounds the sending of a request, not the time to answer it.
    requestTimeout: http.requestTimeoutMs,
    // Given to Node too, so its headers timeout is no longer than this one (Node checks nothing
    // otherwise); it looks for overdue requests every 30 s, a short timeout more often.
    http: { requestTimeout: http.requestTimeoutMs, connectionsCheckingInterval: Math.min(30_000, Math.max(500, http.requestTimeoutMs / 4)) },
    // Accept a caller's X-Request-Id when it is sane, so ids follow a request across services.
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 500 },
    // A path Fastify cannot decode (/x/%FF) is answered before any hook or filter runs: answer it in
    // Kalam's shape and language here, as the onRequest hook does for the same escapes in a query.
    // Fastify's own refusals before routing (a bad %-escape, a path parameter over maxParamLength)
    // go the way every other error goes: their 4xx status kept, a 5xx logged.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const exception = error.code === 'FST_ERR_BAD_URL' ? KalamError.badRequest('request.invalid_url') : error;
      reply.header('x-request-id', request.id);
      sendError(exception, request, reply, i18n.messages!, { bodyLimit: http.bodyLimit, drainLimit: http.bodyDrainLimit }, frameworkLogger);
    },
  });
  const logger = new KalamLogger();
  logger.setLogLevels(LOG_LEVELS[http.logLevel]);
  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, { logger, bodyParser: false });
  const messages = app.get(Messages);
  i18n.messages = messages;
  const fastify = app.getHttpAdapter().getInstance();
  options.first?.(app);

  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  for (const type of ['application/json', /^application\/[\w.+-]+\+json$/]) {
    fastify.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) => {
      try {
        done(null, parseJsonBody(body as Buffer, http.maxJsonDepth));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
  }
  // XML (XLIFF for CAT tools) reaches handlers as bytes; the handler decodes strictly and parses.
  fastify.addContentTypeParser(['application/xliff+xml', 'application/xml', 'text/xml'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    requestContext.run({ requestId: String(request.id), language: messages.negotiate(request.headers['accept-language']) }, () => {
      done(urlFault(request.url));
    });
  });

  // One access line per request at LOG_LEVEL=debug; off otherwise, so it costs nothing on the hot path.
  if (LOG_LEVELS[http.logLevel].includes('debug')) {
    const access = new Logger('Http');
    fastify.addHook('onResponse', (request, reply, done) => {
      requestContext.run({ requestId: String(request.id), language: 'en' }, () =>
        access.debug(`${request.method} ${request.url.split('?')[0]} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`),
      );
      done();
    });
  }

  app.setGlobalPrefix(options.prefix, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalFilters(new ErrorResponseFilter(messages, { bodyLimit: http.bodyLimit, drainLimit: http.bodyDrainLimit }));
  app.useGlobalPipes(createValidationPipe());
  if (options.versionEtags) app.useGlobalInterceptors(new VersionEtagInterceptor());
  app.enableShutdownHooks();
  setUpDocs(app, options);
  await options.configure?.(app);
  await app.listen(options.port, http.host);
  return app;
}

function setUpDocs(app: INestApplication, options: HttpAppOptions): void {
  const builder = new DocumentBuilder().setTitle(options.docs.title).setDescription(options.docs.description).setVersion('1');
  if (options.docs.bearer) builder.addBearerAuth();
  const document = SwaggerModule.createDocument(app, builder.build(), { extraModels: [ErrorResponseDto, ...(options.docs.extraModels ?? [])] });
  completeOpenApiDocument(document, {
    bearer: options.docs.bearer,
    public: [`POST /${options.prefix}/auth/login`, 'GET /health', 'GET /ready'],
    versionEtags: Boolean(options.versionEtags),
  });
  SwaggerModule.setup(options.docs.path, app, document, { jsonDocumentUrl: `${options.docs.path}/json`, useGlobalPrefix: false });
}
