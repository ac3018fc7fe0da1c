import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Editor } from '@kalam/auth';
import type { ArticleEntity } from '@kalam/content';

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
  private readonly checks: DraftSaveCheck[] = [];
  private readonly saved: DraftSavedHook[] = [];

  register(check: DraftSaveCheck): void {
    this.checks.push(check);
  }

  registerAfterSave(hook: DraftSavedHook): void {
    this.saved.push(hook);
  }

  async beforeSave(event: DraftSaveEvent): Promise<void> {
    for (const check of this.checks) await check(event);
  }

  async afterSave(event: DraftSaveEvent): Promise<void> {
    for (const hook of this.saved) await hook(event);
  }
}
