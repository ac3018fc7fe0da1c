import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HookList } from '@kalam/core';

/** A shared record that published documents show (byline, tags, hero image, the article's links) changed. */
export interface ContentChange {
  manager: EntityManager;
  kind: 'author' | 'tag' | 'media' | 'article';
  id: string;
}

/**
 * Lets other contexts react, in the change's own transaction, to edits of records that published
 * documents show (the delivery read model re-renders them) without content knowing who listens.
 */
@Injectable()
export class ContentChangeHooks {
  private readonly hooks = new HookList<ContentChange>();

  register(hook: (change: ContentChange) => Promise<void>): void {
    this.hooks.add(hook);
  }

  run(change: ContentChange): Promise<void> {
    return this.hooks.run(change);
  }
}
