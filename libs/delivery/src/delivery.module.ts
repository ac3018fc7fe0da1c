import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentModule } from '@kalam/content';
import { JobsModule } from '@kalam/database';
import { I18nModule, LocalesModule } from '@kalam/i18n';
import { WorkflowModule } from '@kalam/workflow';
import { deliveryConfig } from './delivery.config';
import { DocumentHooks } from './documents/document-hooks';
import { DocumentsRendererJob } from './documents/documents-renderer.job';
import { DocumentsService } from './documents/documents.service';
import { PublishedDocumentEntity } from './documents/published-document.entity';
import { LocaleDirectory } from './localize/locale-directory';
import { PublishedReader } from './reading/published-reader';

const SERVICES = [DocumentsService, DocumentHooks, DocumentsRendererJob, LocaleDirectory, PublishedReader];

/** The published-document read model: rendered by the admin API and the worker, read by the delivery API. */
@Module({
  imports: [
    ConfigModule.forFeature(deliveryConfig),
    TypeOrmModule.forFeature([PublishedDocumentEntity]),
    ContentModule,
    WorkflowModule,
    LocalesModule,
    I18nModule,
    JobsModule,
  ],
  providers: SERVICES,
  exports: [DocumentsService, DocumentsRendererJob, LocaleDirectory, PublishedReader],
})
export class DeliveryModule {}
