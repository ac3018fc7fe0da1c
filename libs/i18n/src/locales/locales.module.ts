import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LocaleChangeHooks } from './locale-change-hooks';
import { LocaleEntity } from './locale.entity';
import { LocalesService } from './locales.service';

@Module({
  imports: [TypeOrmModule.forFeature([LocaleEntity])],
  providers: [LocalesService, LocaleChangeHooks],
  exports: [LocalesService, LocaleChangeHooks],
})
export class LocalesModule {}
