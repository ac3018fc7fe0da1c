import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Editor } from '@kalam/auth';
import type { ArticleEntity } from '@kalam/content';
import { HookList } from '@kalam/core';

/** A save about to be written, under the article's lock. */
export interface DraftSaveEvent {
  manager: EntityManager;
  article: ArticleEntity;
  locale: string;
  user: Editor;
}

export type DraftSaveCheck = (event: DraftSaveEvent) => Promise<void>;

/** A save that changed the text, written but not yet committed. */
export type DraftSavedHook = (event: DraftSaveEvent) => Promise<void>;

/**
 * Lets other contexts refuse a save, or act on one that changed the text, inside its transaction and under the article's lock, without
 * the workflow knowing them (a translator may not write a translation someone else has claimed).
 */
@Injectable()
export class DraftHooks {
  private readonly checks = new HookList<DraftSaveEvent>();
  private readonly saved = new HookList<DraftSaveEvent>();

  register(check: DraftSaveCheck): void {
    this.checks.add(check);
  }

  registerAfterSave(hook: DraftSavedHook): void {
    this.saved.add(hook);
  }

  beforeSave(event: DraftSaveEvent): Promise<void> {
    return this.checks.run(event);
  }

  afterSave(event: DraftSaveEvent): Promise<void> {
    return this.saved.run(event);
  }
}
