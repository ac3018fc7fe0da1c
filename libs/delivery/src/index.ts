export { DeliveryModule } from './delivery.module';
export { deliveryConfig, readDeliveryConfig, type DeliveryConfig } from './delivery.config';
export { DocumentsService, DOCUMENTS_CHANNEL, strongEtag } from './documents/documents.service';
export { DocumentsRendererJob } from './documents/documents-renderer.job';
export { PublishedDocumentEntity } from './documents/published-document.entity';
export type { ArticleDocument, ArticleCard, DocumentAlternate } from './documents/article-document';
export { pickTranslation } from './localize/pick-translation';
