import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LocalesModule } from '@kalam/i18n';
import { AccessGuard } from './access/access.guard';
import { AuditEventEntity } from './audit/audit-event.entity';
import { AuditService } from './audit/audit.service';
import { authConfig } from './auth.config';
import { AuthService } from './auth.service';
import { ApiTokenEntity } from './tokens/api-token.entity';
import { TokensService } from './tokens/tokens.service';
import { UserEntity } from './users/user.entity';
import { UsersService } from './users/users.service';
import { PostgresThrottlerStorage } from './throttling/postgres-throttler.storage';
import { RateLimitEntity } from './throttling/rate-limit.entity';

@Module({
  imports: [ConfigModule.forFeature(authConfig), TypeOrmModule.forFeature([UserEntity, ApiTokenEntity, AuditEventEntity, RateLimitEntity]), LocalesModule],
  providers: [AuthService, UsersService, TokensService, AuditService, AccessGuard, PostgresThrottlerStorage],
  exports: [AuthService, UsersService, TokensService, AuditService, AccessGuard, PostgresThrottlerStorage],
})
export class AuthModule {}
