import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { TokensService } from '@kalam/auth';
import { KalamError } from '@kalam/core';

/**
 * Who may see drafts: the holder of a preview token (issued in the admin API), given as
 * `?preview=` (a link an editor opens) or as a bearer token (a site's server). Other tokens,
 * even an admin's session, are refused here: a leaked preview link exposes drafts and nothing else.
 */
@Injectable()
export class PreviewAccess {
  constructor(private readonly tokens: TokensService) {}

  /** The token given, if any (undefined: a normal published request). */
  given(request: FastifyRequest, query: { preview?: string }): string | undefined {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw KalamError.unauthorized('auth.invalid_token');
      return match[1];
    }
    return query.preview;
  }

  async require(secret: string): Promise<void> {
    const { token } = await this.tokens.authenticate(secret);
    if (token.kind !== 'preview') throw KalamError.forbidden('published.preview_token_required');
  }
}
