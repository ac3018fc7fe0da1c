import { Injectable } from '@nestjs/common';
import { Not, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { isUniqueViolation, KalamError, recordAudit } from '@kalam/core';
import type { Editor, SharedRecord } from '@kalam/auth';
import { insertWithUniqueSlug } from '../common/unique-slug';

/**
 * What the writer needs to know about one translatable entity: its parent table (article, author,
 * tag, media), its per-locale table, and how its changes are named in errors and in the audit log.
 */
export interface TranslatableSpec<P extends ObjectLiteral, T extends ObjectLiteral> {
  parent: EntityTarget<P>;
  translation: EntityTarget<T>;
  /** Property of the translation that holds the parent's id, e.g. `articleId`. */
  parentKey: keyof T & string;
  /** Error code when the parent is gone, e.g. `article.not_found`. */
  parentNotFound: string;
  /** Audit subject type and action prefix: `{subject: 'author', action: 'author.translation'}` → `author.translation.updated`. */
  audit: { subject: string; action: string };
  /** Entities whose per-locale rows carry a slug, unique per locale. */
  slug?: { uniqueIndex: string; takenCode: string; fallback: string };
}

export interface TranslationInput<T> {
  /** Columns to write (the slug excepted). */
  fields: Partial<T>;
  /**
   * For entities with slugs: the slug asked for, the text to make one from when none is given, and
   * where else a slug may be taken (an article's live slugs) besides the per-locale rows themselves.
   */
  slug?: { given: string | undefined; title: string; alsoTaken?: (slug: string) => Promise<boolean> };
}

export interface TranslationWrite<T> {
  row: T;
  created: boolean;
  /** The row as it was before this write (null when created). */
  previous: T | null;
}

type Versioned = { version: number; slug?: string };

/**
 * The one way a per-locale row (article text, author bio, tag name, media caption) is written.
 *
 * Every write of a parent's translations runs in a transaction that first locks the parent row
 * (`lockParent`), so edits, footnote renumbering and deletes of one article are serialized: none
 * works from a copy another has already replaced. Under that lock the version check is a plain
 * comparison, every write bumps the version (a renumbering is a versioned change like an edit),
 * and the audit entry commits with the change.
 */
@Injectable()
export class TranslatableWriter {
  /** Locks the parent for the rest of the transaction and returns it; 404 when it is gone. */
  async lockParent<P extends ObjectLiteral>(manager: EntityManager, spec: TranslatableSpec<P, ObjectLiteral>, id: string): Promise<P> {
    // NO KEY UPDATE: serializes writers of this parent, yet lets other tables keep inserting rows that reference it.
    const parent = await manager.getRepository(spec.parent).createQueryBuilder('p').setLock('for_no_key_update').where('p.id = :id', { id }).getOne();
    if (!parent) throw KalamError.notFound(spec.parentNotFound, { id });
    return parent;
  }

  /**
   * Locks a record shared by every locale (author, tag, media) and returns it with what the
   * permission rules need: who created it and the locales it has text in.
   */
  async lockShared<P extends ObjectLiteral & { createdBy: string | null }>(
    manager: EntityManager,
    spec: TranslatableSpec<P, ObjectLiteral>,
    id: string,
  ): Promise<{ parent: P; record: { createdBy: string | null; locales: string[] } }> {
    const parent = await this.lockParent(manager, spec, id);
    const rows = await manager.find(spec.translation, { where: { [spec.parentKey]: id } as never, select: { locale: true } as never });
    return { parent, record: { createdBy: parent.createdBy, locales: rows.map((row) => (row as { locale: string }).locale) } };
  }

  /**
   * `lockShared`, then the permission rule: 403 (naming the locale, when the change is to one
   * locale's text) unless `allowed` lets the user change the record.
   */
  async lockSharedFor<P extends ObjectLiteral & { createdBy: string | null }>(
    manager: EntityManager,
    spec: TranslatableSpec<P, ObjectLiteral>,
    id: string,
    user: Editor,
    allowed: (user: Editor, record: SharedRecord) => boolean,
    locale?: string,
  ): Promise<P> {
    const { parent, record } = await this.lockShared(manager, spec, id);
    if (!allowed(user, record)) throw KalamError.forbidden(locale ? 'auth.locale_forbidden' : 'forbidden', { locale });
    return parent;
  }

  /**
   * PUT semantics, after `lockParent`: creates the locale's row when it does not exist (a client
   * that sent If-Match edited something that is gone: 412); otherwise updates it only when
   * `ifMatch` is the current version (428 without it, 412 when stale).
   */
  async put<T extends ObjectLiteral>(
    manager: EntityManager,
    spec: TranslatableSpec<ObjectLiteral, T>,
    parentId: string,
    locale: string,
    input: TranslationInput<T>,
    ifMatch: number | undefined,
    actorId: string | null,
  ): Promise<TranslationWrite<T>> {
    const current = await this.find(manager, spec, parentId, locale);
    if (!current) {
      if (ifMatch !== undefined) throw KalamError.preconditionFailed(ifMatch, 0);
      return this.create(manager, spec, parentId, locale, input, actorId);
    }
    if (ifMatch === undefined) throw KalamError.preconditionRequired(current.version);
    if (ifMatch !== current.version) throw KalamError.preconditionFailed(ifMatch, current.version);
    return this.update(manager, spec, current, input, actorId, 'updated');
  }

  /**
   * Creates or updates without checking the row's own version, after `lockParent`: for callers
   * that checked a version covering it (a media PATCH carries the media's version) and for system
   * rewrites (footnote renumbering). The version is still bumped, so stale editors are told.
   */
  async upsert<T extends ObjectLiteral>(
    manager: EntityManager,
    spec: TranslatableSpec<ObjectLiteral, T>,
    parentId: string,
    locale: string,
    input: TranslationInput<T>,
    actorId: string | null,
    action = 'updated',
    details: Record<string, unknown> = {},
  ): Promise<TranslationWrite<T>> {
    const current = await this.find(manager, spec, parentId, locale);
    return current ? this.update(manager, spec, current, input, actorId, action, details) : this.create(manager, spec, parentId, locale, input, actorId);
  }

  find<T extends ObjectLiteral>(
    manager: EntityManager,
    spec: TranslatableSpec<ObjectLiteral, T>,
    parentId: string,
    locale: string,
  ): Promise<(T & Versioned) | null> {
    return manager.findOneBy(spec.translation, { [spec.parentKey]: parentId, locale } as never) as Promise<(T & Versioned) | null>;
  }

  private async create<T extends ObjectLiteral>(
    manager: EntityManager,
    spec: TranslatableSpec<ObjectLiteral, T>,
    parentId: string,
    locale: string,
    input: TranslationInput<T>,
    actorId: string | null,
  ): Promise<TranslationWrite<T>> {
    const values = { ...input.fields, [spec.parentKey]: parentId, locale, version: 1 } as Record<string, unknown>;
    let slug: string | undefined;
    if (spec.slug && input.slug) {
      slug = await insertWithUniqueSlug(
        manager,
        {
          given: input.slug.given,
          title: input.slug.title,
          locale,
          isTaken: async (candidate) =>
            (await this.slugTaken(manager, spec, parentId, locale, candidate)) || ((await input.slug?.alsoTaken?.(candidate)) ?? false),
          code: spec.slug.takenCode,
          fallback: spec.slug.fallback,
          uniqueIndex: spec.slug.uniqueIndex,
        },
        async (candidate) => {
          await manager.insert(spec.translation, { ...values, slug: candidate } as never);
        },
      );
    } else {
      await manager.insert(spec.translation, values as never);
    }
    const row = (await this.find(manager, spec, parentId, locale))!;
    await this.audit(manager, spec, parentId, actorId, 'created', { locale, version: 1, ...(slug ? { slug } : {}) });
    return { row, created: true, previous: null };
  }

  private async update<T extends ObjectLiteral>(
    manager: EntityManager,
    spec: TranslatableSpec<ObjectLiteral, T>,
    current: T & Versioned,
    input: TranslationInput<T>,
    actorId: string | null,
    action: string,
    details: Record<string, unknown> = {},
  ): Promise<TranslationWrite<T>> {
    const parentId = current[spec.parentKey] as string;
    const locale = current.locale as string;
    const changes: Record<string, unknown> = { ...input.fields };
    const slug = input.slug?.given;
    if (spec.slug && slug && slug !== current.slug) {
      const taken = (await this.slugTaken(manager, spec, parentId, locale, slug)) || ((await input.slug?.alsoTaken?.(slug)) ?? false);
      if (taken) throw KalamError.conflict(spec.slug.takenCode, { slug, locale });
      changes.slug = slug;
    }
    try {
      await manager
        .createQueryBuilder()
        .update(spec.translation)
        .set({ ...changes, version: () => 'version + 1' })
        .where({ [spec.parentKey]: parentId, locale })
        .execute();
    } catch (error) {
      // Another parent's writer claimed the slug between our check and our update.
      if (spec.slug && isUniqueViolation(error, spec.slug.uniqueIndex)) throw KalamError.conflict(spec.slug.takenCode, { slug, locale });
      throw error;
    }
    const row = (await this.find(manager, spec, parentId, locale))!;
    await this.audit(manager, spec, parentId, actorId, action, { locale, version: row.version, ...(changes.slug ? { slug: changes.slug } : {}), ...details });
    return { row, created: false, previous: current };
  }

  private slugTaken(
    manager: EntityManager,
    spec: TranslatableSpec<ObjectLiteral, ObjectLiteral>,
    parentId: string,
    locale: string,
    slug: string,
  ): Promise<boolean> {
    return manager.existsBy(spec.translation, { locale, slug, [spec.parentKey]: Not(parentId) });
  }

  private audit(
    manager: EntityManager,
    spec: TranslatableSpec<ObjectLiteral, ObjectLiteral>,
    parentId: string,
    actorId: string | null,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return recordAudit(manager, { actorId, action: `${spec.audit.action}.${action}`, subjectType: spec.audit.subject, subjectId: parentId, details });
  }
}
