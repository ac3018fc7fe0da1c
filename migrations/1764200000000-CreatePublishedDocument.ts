import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery API's read model: each live translation rendered once, at publish time, into the
 * bytes the API sends, with what lists, filters and search need beside them. Rows are rebuilt from
 * revisions at any time (the worker fills in missing ones at start), so this table holds nothing
 * that exists nowhere else.
 */
export class CreatePublishedDocument1764200000000 implements MigrationInterface {
  name = 'CreatePublishedDocument1764200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "published_document" (
        "article_id" uuid NOT NULL,
        "locale" varchar(16) NOT NULL,
        "slug" varchar(120) NOT NULL,
        "revision_id" uuid NOT NULL,
        "document" text NOT NULL,
        "card" text NOT NULL,
        "etag" varchar(64) NOT NULL,
        "surrogate_keys" text NOT NULL,
        "author_ids" uuid array NOT NULL DEFAULT '{}',
        "tag_ids" uuid array NOT NULL DEFAULT '{}',
        "related_ids" uuid array NOT NULL DEFAULT '{}',
        "media_id" uuid,
        "search" tsvector NOT NULL,
        "search_head" tsvector NOT NULL,
        "search_text" text NOT NULL,
        "published_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "published_document_pk" PRIMARY KEY ("article_id", "locale"),
        CONSTRAINT "published_document_article_fk" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE,
        CONSTRAINT "published_document_locale_fk" FOREIGN KEY ("locale") REFERENCES "locale"("code") ON DELETE RESTRICT,
        CONSTRAINT "published_document_revision_fk" FOREIGN KEY ("revision_id") REFERENCES "revision"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "published_document_locale_slug_uq" ON "published_document" ("locale", "slug")`);
    // Newest first per locale, with the article id as the tie-breaker the list orders by.
    await queryRunner.query(`CREATE INDEX "published_document_locale_newest_idx" ON "published_document" ("locale", "published_at" DESC, "article_id" DESC)`);
    await queryRunner.query(`CREATE INDEX "published_document_authors_idx" ON "published_document" USING gin ("author_ids")`);
    await queryRunner.query(`CREATE INDEX "published_document_tags_idx" ON "published_document" USING gin ("tag_ids")`);
    // Which documents show an article among their related ones: re-rendered when it changes.
    await queryRunner.query(`CREATE INDEX "published_document_related_idx" ON "published_document" USING gin ("related_ids")`);
    await queryRunner.query(`CREATE INDEX "published_document_media_idx" ON "published_document" ("media_id") WHERE "media_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "published_document_search_idx" ON "published_document" USING gin ("search")`);
    // Title and summary alone: small enough to rank every match by, where the whole text is not.
    await queryRunner.query(`CREATE INDEX "published_document_search_head_idx" ON "published_document" USING gin ("search_head")`);
    await queryRunner.query(`CREATE INDEX "published_document_revision_idx" ON "published_document" ("revision_id")`);
    await queryRunner.query(`SELECT pgboss.create_queue($1, $2)`, [
      'documents-render',
      JSON.stringify({ policy: 'standard', retryLimit: 20, retryDelay: 5, retryBackoff: true, expireInSeconds: 600, retentionMinutes: 60 * 24 }),
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pgboss.delete_queue($1)`, ['documents-render']);
    await queryRunner.query(`DROP TABLE "published_document"`);
  }
}
