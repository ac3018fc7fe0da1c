import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule, UserEntity } from '@kalam/auth';
import { LocaleEntity, LocalesModule } from '@kalam/i18n';
import { ArticleAuthorEntity } from './articles/article-author.entity';
import { ArticleTagEntity } from './articles/article-tag.entity';
import { ArticleTranslationEntity } from './articles/article-translation.entity';
import { ArticleTranslationsService } from './articles/article-translations.service';
import { ArticleEntity } from './articles/article.entity';
import { ArticlesService } from './articles/articles.service';
import { SlugHistoryEntity } from './articles/slug-history.entity';
import { AuthorTranslationEntity } from './authors/author-translation.entity';
import { AuthorEntity } from './authors/author.entity';
import { AuthorsService } from './authors/authors.service';
import { ContentChangeHooks } from './common/content-change-hooks';
import { contentConfig } from './content.config';
import { MediaTranslationEntity } from './media/media-translation.entity';
import { MediaEntity } from './media/media.entity';
import { MediaService } from './media/media.service';
import { SourceEntity } from './sources/source.entity';
import { RevisionEntity } from './revisions/revision.entity';
import { SourcesService } from './sources/sources.service';
import { TagTranslationEntity } from './tags/tag-translation.entity';
import { TagEntity } from './tags/tag.entity';
import { TagsService } from './tags/tags.service';
import { TranslatableWriter } from './translatable/translatable-writer';

const SERVICES = [
  TranslatableWriter,
  ContentChangeHooks,
  AuthorsService,
  TagsService,
  MediaService,
  ArticlesService,
  ArticleTranslationsService,
  SourcesService,
];

@Module({
  imports: [
    ConfigModule.forFeature(contentConfig),
    TypeOrmModule.forFeature([
      AuthorEntity,
      AuthorTranslationEntity,
      TagEntity,
      TagTranslationEntity,
      MediaEntity,
      MediaTranslationEntity,
      ArticleEntity,
      ArticleAuthorEntity,
      ArticleTagEntity,
      ArticleTranslationEntity,
      SlugHistoryEntity,
      SourceEntity,
      RevisionEntity,
      // Named by foreign keys; registered here so an app composing only content still knows them.
      UserEntity,
      LocaleEntity,
    ]),
    LocalesModule,
    AuthModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class ContentModule {}
