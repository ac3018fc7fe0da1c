import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { versionEtag } from './if-match.decorator';

/**
 * Every versioned resource answers with `ETag: "<version>"`, the value clients send back in
 * If-Match. Handlers return the resource; this adds the header from its `version`, unless the
 * handler set an ETag of its own (e.g. a sub-resource's version).
 */
@Injectable()
export class VersionEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (Number.isInteger(version) && !reply.hasHeader('etag')) void reply.header('etag', versionEtag(version as number));
        return body;
      }),
    );
  }
}
