import { Injectable } from '@nestjs/common';
import { DocumentsService, PublishedReader, type ArticleDocument } from '@kalam/delivery';

/** A working draft rendered exactly as it would be published (same renderer), for preview links. */
@Injectable()
export class ArticlePreview {
  constructor(
    private readonly reader: PublishedReader,
    private readonly documents: DocumentsService,
  ) {}

  async render(locale: string, slug: string): Promise<ArticleDocument | null> {
    const articleId = await this.reader.articleForPreview(locale, slug);
    return articleId ? this.documents.renderWorking(articleId, locale) : null;
  }
}
