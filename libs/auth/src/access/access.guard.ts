import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY, KalamError } from '@kalam/core';
import { TokensService } from '../tokens/tokens.service';
import type { Role } from '../users/role';
import type { AuthenticatedRequest } from './current-user.decorator';
import { ROLES_KEY } from './roles.decorator';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The admin API's one global guard, denying by default: a route must be @Public or name its
 * @Roles. Authenticates the bearer token (401 when missing or bad), then checks the role (403).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match) throw KalamError.unauthorized();
    const { user, token } = await this.tokens.authenticate(match[1]);
    request.user = user;
    request.token = token;

    // Preview tokens only read drafts through the delivery API.
    if (token.kind === 'preview') throw KalamError.forbidden();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || !roles.includes(user.role)) throw KalamError.forbidden();
    return true;
  }
}
