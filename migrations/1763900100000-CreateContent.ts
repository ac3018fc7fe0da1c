import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Authors, tags, media, articles with per-locale translations, footnote sources, slug history. */
export class CreateContent1763900100000 implements MigrationInterface {
  name = 'CreateContent1763900100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Trusted extensions (PostgreSQL 13+): a database owner may create them.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await queryRunner.query(`
      CREATE TABLE "author" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "slug" varchar(120) NOT NULL,
        "name" varchar(200) NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "author_pk" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "author_slug_uq" ON "author" ("slug")`);
    await queryRunner.query(`
      CREATE TABLE "author_translation" (
        "author_id" uuid NOT NULL,
        "locale" varchar(16) NOT NULL,
        "display_name" varchar(200),
        "title" varchar(200),
        "bio" text NOT NULL DEFAULT '',
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "author_translation_pk" PRIMARY KEY ("author_id", "locale"),
        CONSTRAINT "author_translation_author_fk" FOREIGN KEY ("author_id") REFERENCES "author"("id") ON DELETE CASCADE,
        CONSTRAINT "author_translation_locale_fk" FOREIGN KEY ("locale") REFERENCES "locale"("code") ON DELETE RESTRICT
      )`);

    await queryRunner.query(`
      CREATE TABLE "tag" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "tag_pk" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "tag_translation" (
        "tag_id" uuid NOT NULL,
        "locale" varchar(16) NOT NULL,
        "name" varchar(100) NOT NULL,
        "slug" varchar(120) NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "tag_translation_pk" PRIMARY KEY ("tag_id", "locale"),
        CONSTRAINT "tag_translation_tag_fk" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE,
        CONSTRAINT "tag_translation_locale_fk" FOREIGN KEY ("locale") REFERENCES "locale"("code") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "tag_translation_locale_slug_uq" ON "tag_translation" ("locale", "slug")`);

    await queryRunner.query(`CREATE TYPE "media_kind" AS ENUM ('upload', 'external')`);
    await queryRunner.query(`
      CREATE TABLE "media" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" "media_kind" NOT NULL,
        "storage_key" varchar(300),
        "external_url" varchar(2000),
        "original_name" varchar(300),
        "mime_type" varchar(100),
        "size_bytes" integer,
        "width" integer,
        "height" integer,
        "credit" varchar(300),
        "version" integer NOT NULL DEFAULT 1,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "media_pk" PRIMARY KEY ("id"),
        CONSTRAINT "media_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL,
        CONSTRAINT "media_location_check" CHECK (("kind" = 'upload' AND "storage_key" IS NOT NULL) OR ("kind" = 'external' AND "external_url" IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE "media_translation" (
        "media_id" uuid NOT NULL,
        "locale" varchar(16) NOT NULL,
        "caption" text,
        "alt_text" varchar(500),
        CONSTRAINT "media_translation_pk" PRIMARY KEY ("media_id", "locale"),
        CONSTRAINT "media_translation_media_fk" FOREIGN KEY ("media_id") REFERENCES "media"("id") ON DELETE CASCADE,
        CONSTRAINT "media_translation_locale_fk" FOREIGN KEY ("locale") REFERENCES "locale"("code") ON DELETE RESTRICT
      )`);

    await queryRunner.query(`
      CREATE TABLE "article" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "source_locale" varchar(16) NOT NULL,
        "hero_media_id" uuid,
        "created_by" uuid,
        "version" integer NOT NULL DEFAULT 1,
        "sources_version" integer NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "article_pk" PRIMARY KEY ("id"),
        CONSTRAINT "article_source_locale_fk" FOREIGN KEY ("source_locale") REFERENCES "locale"("code") ON DELETE RESTRICT,
        CONSTRAINT "article_hero_media_fk" FOREIGN KEY ("hero_media_id") REFERENCES "media"("id") ON DELETE SET NULL,
        CONSTRAINT "article_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "article_created_at_idx" ON "article" ("created_at" DESC)`);
    await queryRunner.query(`
      CREATE TABLE "article_author" (
        "article_id" uuid NOT NULL,
        "author_id" uuid NOT NULL,
        "position" smallint NOT NULL,
        CONSTRAINT "article_author_pk" PRIMARY KEY ("article_id", "author_id"),
        CONSTRAINT "article_author_article_fk" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE,
        CONSTRAINT "article_author_author_fk" FOREIGN KEY ("author_id") REFERENCES "author"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "article_author_author_idx" ON "article_author" ("author_id")`);
    await queryRunner.query(`
      CREATE TABLE "article_tag" (
        "article_id" uuid NOT NULL,
        "tag_id" uuid NOT NULL,
        CONSTRAINT "article_tag_pk" PRIMARY KEY ("article_id", "tag_id"),
        CONSTRAINT "article_tag_article_fk" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE,
        CONSTRAINT "article_tag_tag_fk" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "article_tag_tag_idx" ON "article_tag" ("tag_id")`);

    await queryRunner.query(
      `CREATE TYPE "translation_status" AS ENUM ('draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished', 'archived')`,
    );
    await queryRunner.query(`
      CREATE TABLE "article_translation" (
        "article_id" uuid NOT NULL,
        "locale" varchar(16) NOT NULL,
        "title" varchar(300) NOT NULL,
        "subtitle" varchar(300),
        "slug" varchar(120) NOT NULL,
        "summary" varchar(1000),
        "body_markdown" text NOT NULL,
        "seo_title" varchar(200),
        "seo_description" varchar(400),
        "status" "translation_status" NOT NULL DEFAULT 'draft',
        "version" integer NOT NULL DEFAULT 1,
        "updated_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "article_translation_pk" PRIMARY KEY ("article_id", "locale"),
        CONSTRAINT "article_translation_article_fk" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE,
        CONSTRAINT "article_translation_locale_fk" FOREIGN KEY ("locale") REFERENCES "locale"("code") ON DELETE RESTRICT,
        CONSTRAINT "article_translation_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "article_translation_locale_slug_uq" ON "article_translation" ("locale", "slug")`);
    await queryRunner.query(`CREATE INDEX "article_translation_locale_status_idx" ON "article_translation" ("locale", "status")`);
    await queryRunner.query(`CREATE INDEX "article_translation_title_trgm_idx" ON "article_translation" USING gin ("title" gin_trgm_ops)`);

    await queryRunner.query(`
      CREATE TABLE "slug_history" (
        "locale" varchar(16) NOT NULL,
        "slug" varchar(120) NOT NULL,
        "article_id" uuid NOT NULL,
        "retired_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "slug_history_pk" PRIMARY KEY ("locale", "slug"),
        CONSTRAINT "slug_history_article_fk" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "slug_history_article_idx" ON "slug_history" ("article_id")`);

    await queryRunner.query(`
      CREATE TABLE "source" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "article_id" uuid NOT NULL,
        "position" smallint NOT NULL,
        "title" varchar(500) NOT NULL,
        "publisher" varchar(300),
        "url" varchar(2000),
        "accessed_on" date,
        "language" varchar(16),
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "source_pk" PRIMARY KEY ("id"),
        CONSTRAINT "source_article_fk" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE,
        CONSTRAINT "source_position_check" CHECK ("position" >= 1),
        -- Deferred, so a reorder can move positions through each other inside one transaction.
        CONSTRAINT "source_article_position_uq" UNIQUE ("article_id", "position") DEFERRABLE INITIALLY DEFERRED
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "source"`);
    await queryRunner.query(`DROP TABLE "slug_history"`);
    await queryRunner.query(`DROP TABLE "article_translation"`);
    await queryRunner.query(`DROP TYPE "translation_status"`);
    await queryRunner.query(`DROP TABLE "article_tag"`);
    await queryRunner.query(`DROP TABLE "article_author"`);
    await queryRunner.query(`DROP TABLE "article"`);
    await queryRunner.query(`DROP TABLE "media_translation"`);
    await queryRunner.query(`DROP TABLE "media"`);
    await queryRunner.query(`DROP TYPE "media_kind"`);
    await queryRunner.query(`DROP TABLE "tag_translation"`);
    await queryRunner.query(`DROP TABLE "tag"`);
    await queryRunner.query(`DROP TABLE "author_translation"`);
    await queryRunner.query(`DROP TABLE "author"`);
    // pg_trgm stays: other objects may use it, and dropping an extension is an operator's call.
  }
}
