import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Editor } from '@kalam/auth';
import type { ArticleEntity, ArticleTranslationEntity } from '@kalam/content';
import { HookList } from '@kalam/core';
import type { Transition } from './translation-state-machine';

/** One workflow step as it commits: the translation before and after, in the step's transaction. */
export interface TransitionEvent {
  manager: EntityManager;
  article: ArticleEntity;
  before: ArticleTranslationEntity;
  after: ArticleTranslationEntity;
  transition: Transition;
  user: Editor;
}

export type TransitionHook = (event: TransitionEvent) => Promise<void>;

/**
 * Lets other contexts act inside a workflow step's transaction without the workflow knowing
 * them (translation jobs open when a source goes live and close when a translation does). A hook
 * that throws rolls the step back: what it writes commits with the step or not at all.
 */
@Injectable()
export class TransitionHooks {
  private readonly hooks = new HookList<TransitionEvent>();

  register(hook: TransitionHook): void {
    this.hooks.add(hook);
  }

  run(event: TransitionEvent): Promise<void> {
    return this.hooks.run(event);
  }
}
