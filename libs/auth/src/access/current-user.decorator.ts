import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ApiTokenEntity } from '../tokens/api-token.entity';
import type { UserEntity } from '../users/user.entity';
import type { Actor } from '../users/users.service';

export interface AuthenticatedRequest extends FastifyRequest {
  user: UserEntity;
  token: ApiTokenEntity;
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): UserEntity => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().user;
});

/** The signed-in user and their address, for audit entries. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  return { id: request.user?.id ?? null, ip: request.ip };
});

export const CurrentToken = createParamDecorator((_data: unknown, context: ExecutionContext): ApiTokenEntity => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().token;
});
