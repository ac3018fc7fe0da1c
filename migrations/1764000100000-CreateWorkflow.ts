import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The editorial workflow: immutable revisions of each translation, the live one a pointer; review
 * comments; and the outbox, written in the transaction of each publish, from which webhooks and
 * re-renders are delivered.
 */
export class CreateWorkflow1764000100000 implements MigrationInterface {
  name = 'CreateWorkflow1764000100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "revision" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "article_id" uuid NOT NULL,
        "locale" varchar(16) NOT NULL,
        "number" integer NOT NULL,
        "translation_version" integer NOT NULL,
        "snapshot" jsonb NOT NULL,
        "message" varchar(500),
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "revision_pk" PRIMARY KEY ("id"),
        CONSTRAINT "revision_translation_fk" FOREIGN KEY ("article_id", "locale") REFERENCES "article_translation"("article_id", "locale") ON DELETE CASCADE,
        CONSTRAINT "revision_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "revision_translation_number_uq" ON "revision" ("article_id", "locale", "number")`);

    await queryRunner.query(`ALTER TABLE "article_translation" ADD "live_revision_id" uuid`);
    await queryRunner.query(`ALTER TABLE "article_translation" ADD "live_slug" varchar(120)`);
    await queryRunner.query(`ALTER TABLE "article_translation" ADD "published_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "article_translation" ADD "publish_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "article_translation" ADD "unpublish_at" timestamptz`);
    await queryRunner.query(
      `ALTER TABLE "article_translation" ADD CONSTRAINT "article_translation_live_revision_fk" FOREIGN KEY ("live_revision_id") REFERENCES "revision"("id") ON DELETE SET NULL`,
    );
    // A live slug belongs to one article in its locale, like a working slug.
    await queryRunner.query(`CREATE UNIQUE INDEX "article_translation_locale_live_slug_uq" ON "article_translation" ("locale", "live_slug")`);

    await queryRunner.query(`
      CREATE TABLE "review_comment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "article_id" uuid NOT NULL,
        "locale" varchar(16) NOT NULL,
        "revision_id" uuid,
        "parent_id" uuid,
        "field" varchar(40),
        "paragraph" integer,
        "body" text NOT NULL,
        "author_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "resolved_at" timestamptz,
        "resolved_by" uuid,
        CONSTRAINT "review_comment_pk" PRIMARY KEY ("id"),
        CONSTRAINT "review_comment_translation_fk" FOREIGN KEY ("article_id", "locale") REFERENCES "article_translation"("article_id", "locale") ON DELETE CASCADE,
        CONSTRAINT "review_comment_revision_fk" FOREIGN KEY ("revision_id") REFERENCES "revision"("id") ON DELETE SET NULL,
        CONSTRAINT "review_comment_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "review_comment"("id") ON DELETE CASCADE,
        CONSTRAINT "review_comment_author_fk" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL,
        CONSTRAINT "review_comment_resolved_by_fk" FOREIGN KEY ("resolved_by") REFERENCES "users"("id") ON DELETE SET NULL,
        CONSTRAINT "review_comment_paragraph_check" CHECK ("paragraph" IS NULL OR "paragraph" >= 1)
      )`);
    await queryRunner.query(`CREATE INDEX "review_comment_translation_idx" ON "review_comment" ("article_id", "locale", "created_at")`);

    await queryRunner.query(`
      CREATE TABLE "outbox" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "type" varchar(60) NOT NULL,
        "article_id" uuid,
        "locale" varchar(16),
        "payload" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "outbox_pk" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "outbox_article_idx" ON "outbox" ("article_id", "id")`);
    // GET /audit?action=translation.published, newest first.
    await queryRunner.query(`CREATE INDEX "audit_event_action_idx" ON "audit_event" ("action", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "audit_event_action_idx"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "review_comment"`);
    await queryRunner.query(`DROP INDEX "article_translation_locale_live_slug_uq"`);
    await queryRunner.query(`ALTER TABLE "article_translation" DROP CONSTRAINT "article_translation_live_revision_fk"`);
    for (const column of ['unpublish_at', 'publish_at', 'published_at', 'live_slug', 'live_revision_id']) {
      await queryRunner.query(`ALTER TABLE "article_translation" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`DROP TABLE "revision"`);
  }
}
