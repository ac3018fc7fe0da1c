import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Editor } from '@kalam/auth';
import { KalamError } from '@kalam/core';
import { ArticleTranslationEntity, RevisionEntity, type ArticleEntity, type RevisionSnapshot } from '@kalam/content';
import { DraftsService, diffRevisions, draftInput, paragraphs, type RevisionDiff, type SavedDraft } from '@kalam/workflow';
import { MemoryService, type MemoryMatch } from '../memory/memory.service';
import { assemble, carryOver, segmentsOf, type Segment } from '../segments/segments';
import { canWorkOnJob, mayActAsHolder } from './job-permissions';
import { effectiveLease } from './job-status';
import type { JobView } from './job-view';
import { JobsService } from './jobs.service';
import type { TranslationJobEntity } from './translation-job.entity';

/** A unit of the job: the source text, the translation's text for it (if any), whether the source changed it since the translation's base. */
export interface WorkSegment extends Segment {
  target: string | null;
  changed: boolean;
}

export interface JobText {
  source: RevisionEntity;
  /** The source revision the translation was based on before this job, for update jobs whose base is known: what `diff` starts from. */
  base: RevisionEntity | null;
  translation: ArticleTranslationEntity | null;
  segments: WorkSegment[];
  diff: RevisionDiff | null;
  /** False when the translation has paragraphs that line up with neither the source nor its base: writing units back would lose some. */
  aligned: boolean;
}

export interface JobDetail {
  job: JobView;
  sourceLocale: string;
  source: { revisionId: string; number: number; text: RevisionSnapshot };
  translation: (Pick<ArticleTranslationEntity, 'version' | 'status' | 'slug' | 'sourceRevisionId'> & { text: Omit<RevisionSnapshot, 'sources'> }) | null;
  baseRevisionId: string | null;
  diff: RevisionDiff | null;
  segments: (WorkSegment & { memory: MemoryMatch[] })[];
  /** False when the fuzzy memory search ran out of its time budget: exact matches only. */
  memoryComplete: boolean;
}

/**
 * What a translator works on: the job's source revision cut into units, the translation's current
 * text lined up with them, what changed since the translation's base, and memory suggestions.
 */
@Injectable()
export class JobTextService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly memory: MemoryService,
    private readonly drafts: DraftsService,
  ) {}

  async detail(id: string, user: Editor): Promise<JobDetail> {
    const manager = this.dataSource.manager;
    const { view, job, article } = await this.jobs.get(id, user, manager);
    const text = await this.load(manager, job);
    // Fuzzy suggestions where there is work to do: units not translated yet, or changed in the source.
    const { matches, complete } = await this.memory.lookup(manager, article.sourceLocale, job.targetLocale, text.segments, (segment) => {
      const unit = segment as WorkSegment;
      return unit.target === null || unit.changed;
    });
    const t = text.translation;
    return {
      job: view,
      sourceLocale: article.sourceLocale,
      source: { revisionId: text.source.id, number: text.source.number, text: text.source.snapshot },
      translation: t && {
        version: t.version,
        status: t.status,
        slug: t.slug,
        sourceRevisionId: t.sourceRevisionId,
        text: { title: t.title, subtitle: t.subtitle, slug: t.slug, summary: t.summary, body: t.body, seoTitle: t.seoTitle, seoDescription: t.seoDescription },
      },
      baseRevisionId: text.base?.id ?? null,
      diff: text.diff,
      segments: text.segments.map((segment) => ({ ...segment, memory: matches.get(segment.id) ?? [] })),
      memoryComplete: complete,
    };
  }

  async load(manager: EntityManager, job: TranslationJobEntity): Promise<JobText> {
    const source = await manager.findOneByOrFail(RevisionEntity, { id: job.sourceRevisionId });
    const translation = await manager.findOneBy(ArticleTranslationEntity, { articleId: job.articleId, locale: job.targetLocale });
    const baseId = translation?.sourceRevisionId ?? null;
    const base = baseId && baseId !== source.id ? await manager.findOneBy(RevisionEntity, { id: baseId }) : null;
    // A save during the job bases the translation on the job's revision already; what the job asks
    // to change is still what changed since the revision its live text translates, and the
    // translator keeps seeing it after saving (and after a review sends the text back).
    const liveBaseId = base ? null : (translation?.liveSourceRevisionId ?? null);
    const since = base ?? (liveBaseId && liveBaseId !== source.id ? await manager.findOneBy(RevisionEntity, { id: liveBaseId }) : null);
    const diff = since ? diffRevisions(since.snapshot, source.snapshot) : null;

    const sourceParagraphs = paragraphs(source.snapshot.body);
    const translated = translation ? paragraphs(translation.body) : [];
    // Already reworked to the new source's shape: line up by position; still in the base's shape: carry unchanged paragraphs over.
    const baseParagraphs = base ? paragraphs(base.snapshot.body) : null;
    const byPosition = translated.length === sourceParagraphs.length || !baseParagraphs || baseParagraphs.length !== translated.length;
    const aligned = byPosition ? sourceParagraphs.map((_p, i) => translated[i] ?? null) : carryOver(baseParagraphs, sourceParagraphs, translated);
    const changedFields = new Set(diff?.fields.map((f) => f.field) ?? []);
    const changedParagraphs = new Set(diff?.body.filter((p) => p.toParagraph).map((p) => p.toParagraph) ?? []);

    const segments = segmentsOf(source.snapshot).map((segment) => {
      const target = segment.field === 'body' ? aligned[segment.paragraph! - 1] : (translation?.[segment.field] ?? null);
      return {
        ...segment,
        // A unit still holding the source text (left there by pretranslate, or copied) is not translated yet.
        target: target?.trim() && target.trim() !== segment.text.trim() ? target : null,
        changed: segment.field === 'body' ? changedParagraphs.has(segment.paragraph) : changedFields.has(segment.field),
      };
    });
    return { source, base: since, translation, segments, diff, aligned: !translation || translated.length <= sourceParagraphs.length || !byPosition };
  }

  /**
   * Fills every unit that has no translation yet with an exact (100 %) memory match, and saves the
   * result as a new revision; units with neither keep the source text, for the translator to
   * replace. Read and written under the article's lock: nothing someone saved meanwhile is lost.
   */
  pretranslate(id: string, user: Editor, expectedVersion: number | undefined): Promise<{ applied: string[]; saved: SavedDraft | null }> {
    return this.dataSource.transaction(async (manager) => {
      const { job, article } = await this.jobs.lock(manager, id, user);
      await this.assertMayWrite(manager, job, article, user);
      const text = await this.load(manager, job);
      if (!text.aligned) throw KalamError.conflict('job.text_unaligned', { count: paragraphs(text.translation!.body).length });
      if (text.translation && expectedVersion !== undefined && expectedVersion !== text.translation.version) {
        throw KalamError.preconditionFailed(expectedVersion, text.translation.version);
      }
      const { matches } = await this.memory.lookup(
        manager,
        article.sourceLocale,
        job.targetLocale,
        text.segments.filter((s) => !s.target?.trim()),
      );
      const applied: string[] = [];
      const units = new Map<string, string>();
      for (const segment of text.segments) {
        const exact = matches.get(segment.id)?.find((m) => m.exact);
        if (!segment.target?.trim() && exact) applied.push(segment.id);
        units.set(segment.id, segment.target?.trim() ? segment.target : (exact?.target ?? segment.text));
      }
      if (!applied.length) return { applied, saved: null };
      const input = draftInput({ ...assemble(units, text.segments), slug: text.translation?.slug });
      const saved = await this.drafts.saveIn(
        manager,
        job.articleId,
        job.targetLocale,
        input,
        text.translation?.version,
        user,
        `Pretranslated ${applied.length} unit(s) from memory`,
      );
      return { applied, saved };
    });
  }

  /** Writing into a job's translation: whoever holds it, a manager, or (when nobody holds it) anyone who may translate it. */
  async assertMayWrite(manager: EntityManager, job: TranslationJobEntity, article: ArticleEntity, user: Editor): Promise<void> {
    const lease = effectiveLease(job);
    if (lease.status !== 'open' && lease.status !== 'claimed') throw KalamError.conflict('job.not_active', { status: lease.status });
    if (!canWorkOnJob(user, article, job.targetLocale) && !mayActAsHolder(user, lease.assigneeId, article, job.targetLocale)) {
      throw KalamError.forbidden('job.forbidden', { locale: job.targetLocale });
    }
    await this.jobs.refuseIfHeldByOther(manager, job, article, user);
  }
}
