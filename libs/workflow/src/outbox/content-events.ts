import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ContentChangeHooks } from '@kalam/content';
import { recordOutbox } from './record-outbox';

/**
 * Edits (and deletes) of records published documents show become outbox events, in the edit's
 * transaction, so webhooks can purge the CDN keys they appear under (`author:<id>`, …).
 */
@Injectable()
export class ContentEvents implements OnModuleInit {
  constructor(private readonly content: ContentChangeHooks) {}

  onModuleInit(): void {
    this.content.register(async ({ manager, kind, id }) => {
      if (kind === 'article') await recordOutbox(manager, { type: 'article.updated', articleId: id, locale: null, payload: {} });
      else await recordOutbox(manager, { type: `${kind}.updated`, articleId: null, locale: null, payload: { id } });
    });
  }
}
