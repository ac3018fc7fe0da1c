export { AuthModule } from './auth.module';
export { authConfig, readAuthConfig, type AuthConfig, MIN_PASSWORD_LENGTH } from './auth.config';
export { AuthService, type LoginResult } from './auth.service';
export { UsersService, type Actor } from './users/users.service';
export { UserEntity } from './users/user.entity';
export { ROLES, type Role } from './users/role';
export { canWorkIn } from './users/locale-scope';
export { CreateUserDto } from './users/dto/create-user.dto';
export { UpdateUserDto } from './users/dto/update-user.dto';
export { UserResponseDto } from './users/dto/user-response.dto';
export { TokensService } from './tokens/tokens.service';
export { ApiTokenEntity, type TokenKind } from './tokens/api-token.entity';
export { CreateTokenDto } from './tokens/dto/create-token.dto';
export { TokenResponseDto } from './tokens/dto/token-response.dto';
export { AuditService, type AuditEntry } from './audit/audit.service';
export { AuditEventEntity } from './audit/audit-event.entity';
export { AuditQueryDto } from './audit/dto/audit-query.dto';
export { AccessGuard } from './access/access.guard';
export { PostgresThrottlerStorage } from './throttling/postgres-throttler.storage';
export { LoginThrottlerGuard, loginThrottlers } from './throttling/login-throttlers';
export { Roles, AnyRole } from './access/roles.decorator';
export { CurrentUser, CurrentActor, CurrentToken, type AuthenticatedRequest } from './access/current-user.decorator';
export {
  assertLocaleScope,
  canDeleteContent,
  canDeleteRecord,
  canEditRecordLocale,
  canEditTranslation,
  canManageArticle,
  canManageRecord,
  canPerform,
  type ArticleOwnership,
  type WorkflowCapability,
  type Editor,
  type SharedRecord,
} from './permissions/content-permissions';
