import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { KalamError } from '@kalam/core';
import { ArticleTranslationEntity, RevisionEntity, SourceEntity, type RevisionSnapshot } from '@kalam/content';
import { diffRevisions, type RevisionDiff } from './revision-diff';

/**
 * Immutable revisions of a translation. A save that changes text records one; publishing points
 * the translation's live revision at one. Numbers count per translation (1, 2, 3…); callers hold
 * the article's lock (every text write does), so two saves never take the same number.
 */
@Injectable()
export class RevisionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A revision of the translation as it stands in this transaction, with the article's current sources. */
  async record(
    manager: EntityManager,
    translation: ArticleTranslationEntity,
    actorId: string | null,
    message: string | null = null,
    snapshot?: RevisionSnapshot,
  ): Promise<RevisionEntity> {
    const { articleId, locale } = translation;
    snapshot ??= await this.snapshot(manager, translation);
    const [{ next }]: { next: number }[] = await manager.query(
      'SELECT coalesce(max(number), 0) + 1 AS next FROM revision WHERE article_id = $1 AND locale = $2',
      [articleId, locale],
    );
    const id = (
      await manager.insert(RevisionEntity, { articleId, locale, number: next, translationVersion: translation.version, snapshot, message, createdBy: actorId })
    ).identifiers[0].id as string;
    return manager.findOneByOrFail(RevisionEntity, { id });
  }

  /**
   * The newest revision when it holds exactly what the translation and its sources are now (status
   * steps change the version, not the text); otherwise a new one (footnotes renumbered, a source edited).
   */
  async current(manager: EntityManager, translation: ArticleTranslationEntity, actorId: string | null): Promise<RevisionEntity> {
    const latest = await this.latest(manager, translation.articleId, translation.locale);
    // Deep equality, not JSON text: jsonb does not keep the order of keys.
    const snapshot = await this.snapshot(manager, translation);
    if (latest && isDeepStrictEqual(latest.snapshot, snapshot)) return latest;
    return this.record(manager, translation, actorId, null, snapshot);
  }

  /** What a revision of the translation would hold now: its working text and the article's current sources. */
  async snapshot(manager: EntityManager, translation: ArticleTranslationEntity): Promise<RevisionSnapshot> {
    const sources = await manager.find(SourceEntity, { where: { articleId: translation.articleId }, order: { position: 'ASC' } });
    return {
      title: translation.title,
      subtitle: translation.subtitle,
      slug: translation.slug,
      summary: translation.summary,
      body: translation.body,
      seoTitle: translation.seoTitle,
      seoDescription: translation.seoDescription,
      sources: sources.map((s) => ({
        position: s.position,
        title: s.title,
        publisher: s.publisher,
        url: s.url,
        accessedOn: s.accessedOn,
        language: s.language,
      })),
    };
  }

  /** The newest revision's id (what a comment is made on), without its snapshot; null before the first save. */
  async latestId(manager: EntityManager, articleId: string, locale: string): Promise<string | null> {
    const revision = await manager.findOne(RevisionEntity, { where: { articleId, locale }, order: { number: 'DESC' }, select: { id: true } });
    return revision?.id ?? null;
  }

  /** The newest revision of the translation, or null before the first save. */
  latest(manager: EntityManager, articleId: string, locale: string): Promise<RevisionEntity | null> {
    return manager.findOne(RevisionEntity, { where: { articleId, locale }, order: { number: 'DESC' } });
  }

  /** Newest first, without snapshots (they can be large); `live` marks the one readers get. */
  async list(articleId: string, locale: string): Promise<{ revision: RevisionEntity; live: boolean }[]> {
    const translation = await this.requireTranslation(articleId, locale);
    const revisions = await this.dataSource.manager.find(RevisionEntity, {
      where: { articleId, locale },
      order: { number: 'DESC' },
      select: { id: true, articleId: true, locale: true, number: true, translationVersion: true, message: true, createdBy: true, createdAt: true },
    });
    return revisions.map((revision) => ({ revision, live: revision.id === translation.liveRevisionId }));
  }

  /** One revision of this translation; a revision of another article or locale is a 404, never a leak. */
  async get(articleId: string, locale: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<RevisionEntity> {
    const revision = await manager.findOneBy(RevisionEntity, { id, articleId, locale });
    if (!revision) {
      await this.requireTranslation(articleId, locale, manager);
      throw KalamError.notFound('revision.not_found', { id });
    }
    return revision;
  }

  async diff(articleId: string, locale: string, fromId: string, toId: string): Promise<{ from: RevisionEntity; to: RevisionEntity; diff: RevisionDiff }> {
    const from = await this.get(articleId, locale, fromId);
    const to = await this.get(articleId, locale, toId);
    return { from, to, diff: diffRevisions(from.snapshot, to.snapshot) };
  }

  private async requireTranslation(articleId: string, locale: string, manager: EntityManager = this.dataSource.manager): Promise<ArticleTranslationEntity> {
    const translation = await manager.findOneBy(ArticleTranslationEntity, { articleId, locale });
    if (!translation) throw KalamError.notFound('translation.not_found', { locale });
    return translation;
  }
}
