import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HookList } from '@kalam/core';

/** A locale changed (enabled, disabled, its fallback chain or its order), in the change's transaction. */
export interface LocaleChange {
  manager: EntityManager;
  code: string;
}

/** Lets other contexts react to locale changes (published documents name locales) without i18n knowing them. */
@Injectable()
export class LocaleChangeHooks {
  private readonly hooks = new HookList<LocaleChange>();

  register(hook: (change: LocaleChange) => Promise<void>): void {
    this.hooks.add(hook);
  }

  run(change: LocaleChange): Promise<void> {
    return this.hooks.run(change);
  }
}
