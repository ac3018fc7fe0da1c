import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Editor } from '@kalam/auth';
import { KalamError, type ErrorDetail } from '@kalam/core';
import { PutTranslationDto } from '@kalam/content';
import { assertStorableText, toValidationDetails } from '@kalam/platform';
import { DraftsService, draftInput, textDiffers, type SavedDraft } from '@kalam/workflow';
import { JobTextService } from '../jobs/job-text.service';
import { JobsService } from '../jobs/jobs.service';
import { assemble, citations } from '../segments/segments';
import { buildXliff, parseXliff, XliffFault, type XliffFile } from './xliff-format';

const ORIGINAL = /^kalam:job\/([0-9a-f-]{36})\/source\/([0-9a-f-]{36})\/translation\/(\d{1,9}|none)$/;
const NOTES: Record<string, string> = { title: 'Title', subtitle: 'Subtitle', summary: 'Summary', seoTitle: 'SEO title', seoDescription: 'SEO description' };

/**
 * XLIFF 2.0 for CAT tools (Trados, memoQ, Phrase, OmegaT): one unit per field and body
 * paragraph, footnote citations as protected codes. A filled file comes back as a new revision
 * of the translation, or is refused whole, naming each unit that is wrong.
 */
@Injectable()
export class XliffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly text: JobTextService,
    private readonly drafts: DraftsService,
  ) {}

  async export(id: string, user: Editor): Promise<{ xml: string; filename: string }> {
    const manager = this.dataSource.manager;
    const { job, article } = await this.jobs.get(id, user, manager);
    const text = await this.text.load(manager, job);
    const version = text.translation?.version ?? 'none';
    const xml = buildXliff({
      srcLang: article.sourceLocale,
      trgLang: job.targetLocale,
      original: `kalam:job/${job.id}/source/${job.sourceRevisionId}/translation/${version}`,
      units: text.segments.map((segment) => ({
        id: segment.id,
        note: segment.field === 'body' ? `Paragraph ${segment.paragraph}${segment.changed ? ' (changed in the source)' : ''}` : NOTES[segment.field],
        source: segment.text,
        target: segment.target,
        state: segment.target === null || segment.changed ? 'initial' : 'translated',
      })),
    });
    return { xml, filename: `${text.source.snapshot.slug}.${job.targetLocale}.xlf` };
  }

  /**
   * Checks the whole file before writing anything: the job, languages and source revision it was
   * made for; every unit present, none unknown, each translated, its footnote codes unchanged. The
   * translation must still be the version the file was exported from (or the one If-Match names).
   */
  async import(id: string, xml: string, expectedVersion: number | undefined, user: Editor): Promise<SavedDraft & { units: number }> {
    // Who may write comes before what they sent: a stranger learns nothing from the file checks.
    const { job: found, article: owner } = await this.jobs.get(id, user);
    await this.text.assertMayWrite(this.dataSource.manager, found, owner, user);
    let file: XliffFile;
    try {
      file = parseXliff(xml);
    } catch (error) {
      if (!(error instanceof XliffFault)) throw error;
      const status = error.code === 'xliff.unknown_code' || error.code === 'xliff.unknown_element' ? 422 : 400;
      throw new KalamError(
        status,
        error.code,
        error.params,
        'unit' in error.params ? [{ field: String(error.params.unit), code: `errors.${error.code}`, params: error.params }] : [],
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const { job, article } = await this.jobs.lock(manager, id, user);
      await this.text.assertMayWrite(manager, job, article, user);
      const origin = ORIGINAL.exec(file.original);
      if (!origin || origin[1] !== job.id) throw KalamError.unprocessable('xliff.wrong_job', { id: job.id });
      if (file.srcLang !== article.sourceLocale || file.trgLang !== job.targetLocale) {
        throw KalamError.unprocessable('xliff.wrong_locale', {
          expected: `${article.sourceLocale} → ${job.targetLocale}`,
          found: `${file.srcLang} → ${file.trgLang}`,
        });
      }
      if (origin[2] !== job.sourceRevisionId) throw KalamError.conflict('xliff.stale_source', {}, { sourceRevisionId: job.sourceRevisionId });

      const text = await this.text.load(manager, job);
      const current = text.translation?.version;
      const exportedFrom = origin[3] === 'none' ? undefined : Number(origin[3]);
      const expected = expectedVersion ?? exportedFrom;
      if (current !== undefined && expected !== current) {
        if (expected === undefined) throw KalamError.conflict('xliff.translation_created', { version: current }, { current });
        throw KalamError.preconditionFailed(expected, current);
      }

      const units = new Map(file.units.map((unit) => [unit.id, unit]));
      const details: ErrorDetail[] = [];
      const known = new Set(text.segments.map((segment) => segment.id));
      const seen = new Set<string>();
      for (const unit of file.units) {
        if (!known.has(unit.id)) details.push({ field: unit.id.slice(0, 60), code: 'errors.xliff.unit_unknown' });
        else if (seen.has(unit.id)) details.push({ field: unit.id, code: 'errors.xliff.unit_duplicate' });
        seen.add(unit.id);
      }
      const targets = new Map<string, string>();
      for (const segment of text.segments) {
        const unit = units.get(segment.id);
        const target = unit?.target?.trim() ?? '';
        if (!unit) details.push({ field: segment.id, code: 'errors.xliff.unit_missing' });
        else if (!target) details.push({ field: segment.id, code: 'errors.xliff.target_missing' });
        else if (/\n[ \t]*\n/.test(target)) details.push({ field: segment.id, code: 'errors.xliff.paragraph_split' });
        else if (citations(target).join() !== citations(segment.text).join()) {
          const params = { expected: citations(segment.text).join(', ') || '—', found: citations(target).join(', ') || '—' };
          details.push({ field: segment.id, code: 'errors.xliff.codes_changed', params });
        } else targets.set(segment.id, target);
      }
      if (details.length) throw KalamError.unprocessable('xliff.units_invalid', { units: details.map((d) => d.field).join(', ') }, details);

      const input = draftInput({ ...assemble(targets, text.segments), slug: text.translation?.slug });
      assertStorableText(input);
      await this.assertValid(input);
      // A file that changes nothing writes nothing (no new version, no revision).
      if (text.translation && !textDiffers(text.translation, input))
        return { translation: text.translation, created: false, revision: null, units: targets.size };
      const saved = await this.drafts.saveIn(manager, job.articleId, job.targetLocale, input, current, user, 'Imported from XLIFF');
      return { ...saved, units: targets.size };
    });
  }

  /** The same limits as a PUT of the translation (lengths, slug), reported against the units. */
  private async assertValid(input: PutTranslationDto): Promise<void> {
    const errors = await validate(plainToInstance(PutTranslationDto, input), { whitelist: true, forbidNonWhitelisted: true });
    if (!errors.length) return;
    // The same details a PUT would give (limits included), naming the field the units fill.
    const details = toValidationDetails(errors);
    throw KalamError.unprocessable('xliff.units_invalid', { units: details.map((d) => d.field).join(', ') }, details);
  }
}
