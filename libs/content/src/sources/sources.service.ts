import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { AuditService } from '@kalam/auth';
import { KalamError } from '@kalam/core';
import { articleEvent } from '../articles/article-event';
import { canManageArticle, type Editor } from '@kalam/auth';
import { ArticleTranslationEntity } from '../articles/article-translation.entity';
import type { ArticleEntity } from '../articles/article.entity';
import { ARTICLE_TEXT } from '../articles/article-text';
import { TranslatableWriter } from '../translatable/translatable-writer';
import { citedFootnotes, renumberFootnotes } from '../footnotes/footnote-references';
import type { CreateSourceDto, UpdateSourceDto } from './dto/source.dto';
import { SourceEntity } from './source.entity';

/**
 * An article's numbered sources. Footnote `[^n]` means "the source at position n", so inserting,
 * deleting or reordering sources renumbers the footnotes of every translation in the same
 * transaction (and bumps those translations' versions, so stale editors are told).
 *
 * Sources are addressed by position, and positions shift. So that `If-Match` on a position can
 * never match a different source, every row a change touches takes its version from a per-article
 * counter that only grows: a (position, version) pair names one state of one source, forever.
 */
@Injectable()
export class SourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly writer: TranslatableWriter,
  ) {}

  list(articleId: string): Promise<SourceEntity[]> {
    return this.dataSource.manager.find(SourceEntity, { where: { articleId }, order: { position: 'ASC' } });
  }

  async add(articleId: string, input: CreateSourceDto, user: Editor): Promise<SourceEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockArticle(manager, articleId, user);
      const count = await manager.countBy(SourceEntity, { articleId });
      const position = Math.min(input.position ?? count + 1, count + 1);
      const version = await this.nextVersion(manager, articleId);
      if (position <= count) {
        await manager.update(SourceEntity, { articleId, position: MoreThanOrEqual(position) }, { position: () => 'position + 1', version });
        await this.renumberBodies(manager, articleId, new Map(range(position, count).map((n) => [n, n + 1])), user);
      }
      const { position: _ignored, ...fields } = input;
      const source = await manager.save(manager.create(SourceEntity, { ...this.normalize(fields), articleId, position, version }));
      await this.audit.record(articleEvent(user, 'source.added', articleId, { position, title: source.title }), manager);
      return source;
    });
  }

  async update(articleId: string, position: number, input: UpdateSourceDto, expectedVersion: number | undefined, user: Editor): Promise<SourceEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockArticle(manager, articleId, user);
      const current = await this.require(manager, articleId, position);
      if (expectedVersion === undefined) throw KalamError.preconditionRequired(current.version);
      if (current.version !== expectedVersion) throw KalamError.preconditionFailed(expectedVersion, current.version);
      const version = await this.nextVersion(manager, articleId);
      await manager.update(SourceEntity, { id: current.id }, { ...this.normalize(input), version });
      await this.audit.record(articleEvent(user, 'source.updated', articleId, { position, ...input }), manager);
      return manager.findOneByOrFail(SourceEntity, { id: current.id });
    });
  }

  /** Refused while any translation cites the source; later sources and their footnotes move down. */
  async remove(articleId: string, position: number, expectedVersion: number | undefined, user: Editor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockArticle(manager, articleId, user);
      const source = await this.require(manager, articleId, position);
      if (expectedVersion === undefined) throw KalamError.preconditionRequired(source.version);
      if (source.version !== expectedVersion) throw KalamError.preconditionFailed(expectedVersion, source.version);
      const translations = await manager.find(ArticleTranslationEntity, { where: { articleId }, select: { locale: true, body: true } });
      const citing = translations.filter((t) => citedFootnotes(t.body).includes(position)).map((t) => t.locale);
      if (citing.length) throw KalamError.conflict('source.cited', { position, locales: citing.join(', ') }, { locales: citing });
      await manager.delete(SourceEntity, { id: source.id });
      const count = await manager.countBy(SourceEntity, { articleId });
      const version = await this.nextVersion(manager, articleId);
      await manager.update(SourceEntity, { articleId, position: MoreThan(position) }, { position: () => 'position - 1', version });
      await this.renumberBodies(manager, articleId, new Map(range(position + 1, count + 1).map((n) => [n, n - 1])), user);
      await this.audit.record(articleEvent(user, 'source.deleted', articleId, { position, title: source.title }), manager);
    });
  }

  /** `order` lists the current positions in their new order, e.g. [2, 1, 3] swaps the first two. */
  async reorder(articleId: string, order: number[], user: Editor): Promise<SourceEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockArticle(manager, articleId, user);
      const count = await manager.countBy(SourceEntity, { articleId });
      const isPermutation = order.length === count && new Set(order).size === count && order.every((n) => n >= 1 && n <= count);
      if (!isPermutation) throw KalamError.unprocessable('source.bad_order', { count });
      const mapping = new Map(order.map((oldPosition, index) => [oldPosition, index + 1]));
      const moves = [...mapping].filter(([from, to]) => from !== to);
      if (moves.length) {
        // One statement; the (article, position) constraint is checked at commit, so positions can pass through each other.
        const version = await this.nextVersion(manager, articleId);
        const values = moves.map((_, i) => `($${i * 2 + 3}::smallint, $${i * 2 + 4}::smallint)`).join(', ');
        await manager.query(
          `UPDATE source s SET position = m.new_position, version = $2, updated_at = now()
             FROM (VALUES ${values}) AS m(old_position, new_position)
            WHERE s.article_id = $1 AND s.position = m.old_position`,
          [articleId, version, ...moves.flat()],
        );
        await this.renumberBodies(manager, articleId, new Map(moves), user);
        await this.audit.record(articleEvent(user, 'source.reordered', articleId, { order }), manager);
      }
      return manager.find(SourceEntity, { where: { articleId }, order: { position: 'ASC' } });
    });
  }

  /** Each translation whose footnotes move gets a new version, written and audited like an edit. */
  private async renumberBodies(manager: EntityManager, articleId: string, mapping: ReadonlyMap<number, number>, user: Editor): Promise<void> {
    if (!mapping.size) return;
    const translations = await manager.find(ArticleTranslationEntity, { where: { articleId }, select: { locale: true, body: true }, order: { locale: 'ASC' } });
    for (const translation of translations) {
      const body = renumberFootnotes(translation.body, mapping);
      if (body !== translation.body)
        await this.writer.upsert(manager, ARTICLE_TEXT, articleId, translation.locale, { fields: { body } }, user.id, 'renumbered');
    }
  }

  /** The article's next source version, never given before (the counter survives deletions). */
  private async nextVersion(manager: EntityManager, articleId: string): Promise<number> {
    const [rows]: [{ sources_version: number }[]] = await manager.query(
      'UPDATE article SET sources_version = sources_version + 1 WHERE id = $1 RETURNING sources_version',
      [articleId],
    );
    return Number(rows[0].sources_version);
  }

  /** Serializes source changes with every other write of the article's texts, and checks the caller may make them. */
  private async lockArticle(manager: EntityManager, articleId: string, user: Editor): Promise<ArticleEntity> {
    const article = await this.writer.lockParent(manager, ARTICLE_TEXT, articleId);
    if (!canManageArticle(user, article)) throw KalamError.forbidden();
    return article;
  }

  private async require(manager: EntityManager, articleId: string, position: number): Promise<SourceEntity> {
    const source = await manager.findOneBy(SourceEntity, { articleId, position });
    if (!source) throw KalamError.notFound('source.not_found', { position });
    return source;
  }

  private normalize(input: UpdateSourceDto): Partial<SourceEntity> {
    const out: Partial<SourceEntity> = {};
    if (input.title !== undefined) out.title = input.title;
    if (input.publisher !== undefined) out.publisher = input.publisher;
    if (input.url !== undefined) out.url = input.url;
    if (input.accessedOn !== undefined) out.accessedOn = input.accessedOn;
    if (input.language !== undefined) out.language = input.language;
    return out;
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
