import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LocaleEntity } from './locale.entity';
import { LocalesService } from './locales.service';

@Module({
  imports: [TypeOrmModule.forFeature([LocaleEntity])],
  providers: [LocalesService],
  exports: [LocalesService],
})
export class LocalesModule {}
