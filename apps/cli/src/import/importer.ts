import type { INestApplicationContext } from '@nestjs/common';
import { ArticlesService, ArticleTranslationsService, AuthorsService, MediaService, SourcesService, TagsService, type CreateSourceDto } from '@kalam/content';
import { slugify } from '@kalam/i18n';
import { DraftsService } from '@kalam/workflow';
import { ImportFileError, type ImportAuthor, type ImportDocument, type ImportHero } from './import-document';

export type ImportOutcome = 'created' | 'updated' | 'unchanged';

interface Actor {
  id: string | null;
  role: 'admin';
  locales: string[];
}

const SOURCE_FIELDS = ['title', 'publisher', 'url', 'accessedOn', 'language'] as const;

/**
 * Imports Markdown translations idempotently: a file is matched to an existing translation by
 * locale and slug, authors by slug, tags by their slug in the file's locale, hero images by URL,
 * sources by position. Running the same files twice changes nothing the second time.
 */
export class Importer {
  private readonly authors: AuthorsService;
  private readonly tags: TagsService;
  private readonly media: MediaService;
  private readonly articles: ArticlesService;
  private readonly translations: ArticleTranslationsService;
  private readonly sources: SourcesService;
  private readonly drafts: DraftsService;

  constructor(
    app: INestApplicationContext,
    private readonly actor: Actor,
  ) {
    this.authors = app.get(AuthorsService);
    this.tags = app.get(TagsService);
    this.media = app.get(MediaService);
    this.articles = app.get(ArticlesService);
    this.translations = app.get(ArticleTranslationsService);
    this.sources = app.get(SourcesService);
    this.drafts = app.get(DraftsService);
  }

  async import(doc: ImportDocument): Promise<ImportOutcome> {
    const slug = doc.slug ?? slugify(doc.title, doc.locale);
    if (!slug) throw new ImportFileError(`${doc.file}: no slug can be made from the title; set slug in the front-matter`);
    const existing = await this.translations.findBySlug(doc.locale, slug);
    let changed = false;

    let articleId: string;
    if (existing) {
      articleId = existing.articleId;
    } else if (doc.translationOf) {
      const source = await this.translations.findBySlug(doc.translationOf.locale, doc.translationOf.slug);
      if (!source)
        throw new ImportFileError(
          `${doc.file}: translationOf ${doc.translationOf.locale}/${doc.translationOf.slug} does not exist; import the source text first`,
        );
      articleId = source.articleId;
    } else {
      const authorIds = await this.ensureAuthors(doc.authors ?? []);
      const tagIds = await this.ensureTags(doc.tags ?? [], doc.locale);
      const heroMediaId = doc.hero ? await this.ensureHero(doc.hero, doc.locale) : null;
      articleId = (await this.articles.create({ sourceLocale: doc.locale, authorIds, tagIds, heroMediaId }, this.actor)).article.id;
      changed = true;
    }
    if (!doc.translationOf) {
      if (existing && doc.authors) changed = (await this.ensureAuthorTexts(doc.authors)) || changed;
      changed = (await this.syncSources(articleId, doc.sources ?? [])) || changed;
    }

    const text = { title: doc.title, subtitle: doc.subtitle, slug, summary: doc.summary, body: doc.body };
    if (!existing) {
      await this.drafts.save(articleId, doc.locale, text, undefined, this.actor);
      return 'created';
    }
    const same =
      existing.title === doc.title &&
      existing.body === doc.body &&
      (existing.subtitle ?? undefined) === doc.subtitle &&
      (existing.summary ?? undefined) === doc.summary;
    if (!same) await this.drafts.save(articleId, doc.locale, text, existing.version, this.actor);
    return same && !changed ? 'unchanged' : 'updated';
  }

  private async ensureAuthors(authors: ImportAuthor[]): Promise<string[]> {
    const ids: string[] = [];
    for (const author of authors) {
      const slug = author.slug ?? slugify(author.name, 'en');
      const found = (await this.authors.findBySlug(slug)) ?? (await this.authors.create({ name: author.name, slug }, this.actor));
      ids.push(found.id);
    }
    await this.ensureAuthorTexts(authors);
    return ids;
  }

  /** Creates or updates author bios given in the file; true when something changed. */
  private async ensureAuthorTexts(authors: ImportAuthor[]): Promise<boolean> {
    let changed = false;
    for (const author of authors) {
      const found = await this.authors.findBySlug(author.slug ?? slugify(author.name, 'en'));
      if (!found) continue;
      for (const [locale, text] of Object.entries(author.translations ?? {})) {
        const current = found.translations?.find((t) => t.locale === locale);
        const input = { displayName: text.displayName, title: text.title, bio: text.bio ?? '' };
        if (current && current.bio === input.bio && (current.title ?? undefined) === input.title && (current.displayName ?? undefined) === input.displayName)
          continue;
        await this.authors.putTranslation(found.id, locale, input, current?.version, this.actor);
        changed = true;
      }
    }
    return changed;
  }

  private async ensureTags(names: string[], locale: string): Promise<string[]> {
    const ids: string[] = [];
    for (const name of names) {
      const found = (await this.tags.findBySlug(locale, slugify(name, locale))) ?? (await this.tags.create({ [locale]: { name } }, this.actor));
      ids.push(found.id);
    }
    return ids;
  }

  private async ensureHero(hero: ImportHero, locale: string): Promise<string> {
    const found = await this.media.findExternal(hero.url);
    if (found) return found.id;
    const translations = hero.caption || hero.alt ? { [locale]: { caption: hero.caption, alt: hero.alt } } : undefined;
    return (await this.media.createExternal({ url: hero.url, credit: hero.credit, translations }, this.actor)).id;
  }

  /** Source n of the file becomes source n of the article; true when something changed. */
  private async syncSources(articleId: string, wanted: CreateSourceDto[]): Promise<boolean> {
    const current = await this.sources.list(articleId);
    let changed = false;
    for (const [index, source] of wanted.entries()) {
      const existing = current.find((s) => s.position === index + 1);
      if (!existing) {
        await this.sources.add(articleId, { ...source, position: undefined }, this.actor);
        changed = true;
      } else if (SOURCE_FIELDS.some((field) => (existing[field] ?? undefined) !== (source[field] ?? undefined))) {
        await this.sources.update(articleId, index + 1, source, existing.version, this.actor);
        changed = true;
      }
    }
    return changed;
  }
}
