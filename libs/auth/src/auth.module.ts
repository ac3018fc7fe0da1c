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

@Module({
  imports: [ConfigModule.forFeature(authConfig), TypeOrmModule.forFeature([UserEntity, ApiTokenEntity, AuditEventEntity]), LocalesModule],
  providers: [AuthService, UsersService, TokensService, AuditService, AccessGuard],
  exports: [AuthService, UsersService, TokensService, AuditService, AccessGuard],
})
export class AuthModule {}
