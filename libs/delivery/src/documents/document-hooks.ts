import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ContentChangeHooks, type ContentChange } from '@kalam/content';
import { JobQueue } from '@kalam/database';
import { LocaleChangeHooks } from '@kalam/i18n';
import { TransitionHooks, type TransitionEvent } from '@kalam/workflow';
import { sharedRecordLockSql } from './document-sources';
import { DocumentsService, type SharedRecordKind } from './documents.service';

/** A worker job: re-render what shows a record, or (`all`) every live article, after a locale change. */
export type RenderJob = { kind: SharedRecordKind; id: string } | { kind: 'all' };

/**
 * Wires the read model to the writes that change it. Publishing, unpublishing and article edits
 * re-render that article in their own transaction (readers see the change when it commits). An
 * author, tag or media edit may touch thousands of documents, so it only enqueues a job in its
 * transaction and the worker re-renders them (exists if and only if the edit committed).
 */
@Injectable()
export class DocumentHooks implements OnModuleInit {
  constructor(
    private readonly documents: DocumentsService,
    private readonly transitions: TransitionHooks,
    private readonly content: ContentChangeHooks,
    private readonly jobs: JobQueue,
    private readonly locales: LocaleChangeHooks,
  ) {}

  onModuleInit(): void {
    this.transitions.register((event) => this.onTransition(event));
    this.content.register((change) => this.onContentChange(change));
    // A locale enabled, disabled or given another chain changes alternates, fallbacks and which documents exist.
    this.locales.register(async ({ manager }) => {
      await this.documents.notifyAll(manager);
      await this.jobs.send(manager, 'documents-render', { kind: 'all' } satisfies RenderJob);
    });
  }

  private async onTransition({ manager, article, before, after, transition }: TransitionEvent): Promise<void> {
    // A publish of the very revision already live still moves its date; archive or unpublish withdraws it.
    const liveChanged = transition === 'publish' || before.liveRevisionId !== after.liveRevisionId || before.liveSlug !== after.liveSlug;
    if (liveChanged) await this.documents.renderArticle(manager, article.id, { refreshRelated: true });
  }

  private async onContentChange({ manager, kind, id }: ContentChange): Promise<void> {
    // Waits for renders that read the record before this change committed (they share-lock it), so
    // the check below sees their documents and the re-render covers them.
    if (kind !== 'article') await manager.query(sharedRecordLockSql('exclusive'), [kind, id]);
    // Author and tag pages show the record itself, published articles or not: cached answers go.
    if (kind !== 'article') await this.documents.notifyAll(manager);
    if (!(await this.documents.isShown(manager, kind, id))) return;
    if (kind === 'article') await this.documents.renderArticle(manager, id, { refreshRelated: true });
    else await this.jobs.send(manager, 'documents-render', { kind, id } satisfies RenderJob);
  }
}
