import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Translation work: which source revision each translation translates, per-language jobs (at most
 * one active per article and locale), and the translation memory built from published pairs.
 */
export class CreateTranslation1764100000000 implements MigrationInterface {
  name = 'CreateTranslation1764100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "article_translation" ADD "source_revision_id" uuid`);
    await queryRunner.query(`ALTER TABLE "article_translation" ADD "live_source_revision_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "article_translation" ADD CONSTRAINT "article_translation_source_revision_fk" FOREIGN KEY ("source_revision_id") REFERENCES "revision"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "article_translation" ADD CONSTRAINT "article_translation_live_source_revision_fk" FOREIGN KEY ("live_source_revision_id") REFERENCES "revision"("id") ON DELETE SET NULL`,
    );

    await queryRunner.query(`CREATE TYPE "translation_job_kind" AS ENUM ('new', 'update')`);
    await queryRunner.query(`CREATE TYPE "translation_job_status" AS ENUM ('open', 'claimed', 'in_review', 'done', 'cancelled')`);
    // Declared low to urgent, so ORDER BY priority DESC puts the urgent first.
    await queryRunner.query(`CREATE TYPE "translation_job_priority" AS ENUM ('low', 'normal', 'high', 'urgent')`);
    await queryRunner.query(`
      CREATE TABLE "translation_job" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "article_id" uuid NOT NULL,
        "target_locale" varchar(16) NOT NULL,
        "kind" "translation_job_kind" NOT NULL,
        "source_revision_id" uuid NOT NULL,
        "status" "translation_job_status" NOT NULL DEFAULT 'open',
        "assignee_id" uuid,
        "claimed_until" timestamptz,
        "priority" "translation_job_priority" NOT NULL DEFAULT 'normal',
        "due_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1,
        "opened_at" timestamptz NOT NULL DEFAULT now(),
        "closed_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "translation_job_pk" PRIMARY KEY ("id"),
        CONSTRAINT "translation_job_article_fk" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE,
        CONSTRAINT "translation_job_locale_fk" FOREIGN KEY ("target_locale") REFERENCES "locale"("code") ON DELETE RESTRICT,
        CONSTRAINT "translation_job_source_revision_fk" FOREIGN KEY ("source_revision_id") REFERENCES "revision"("id") ON DELETE CASCADE,
        CONSTRAINT "translation_job_assignee_fk" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL,
        CONSTRAINT "translation_job_claim_check" CHECK ("status" <> 'claimed' OR ("assignee_id" IS NOT NULL AND "claimed_until" IS NOT NULL))
      )`);
    // Republishing the source updates the active job instead of stacking another.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "translation_job_active_uq" ON "translation_job" ("article_id", "target_locale") WHERE "status" IN ('open', 'claimed', 'in_review')`,
    );
    // The queue: one locale's active jobs in the order translators take them.
    await queryRunner.query(
      `CREATE INDEX "translation_job_queue_idx" ON "translation_job" ("target_locale", "priority" DESC, "due_at" ASC NULLS LAST, "opened_at", "id") WHERE "status" IN ('open', 'claimed', 'in_review')`,
    );
    await queryRunner.query(`CREATE INDEX "translation_job_assignee_idx" ON "translation_job" ("assignee_id") WHERE "assignee_id" IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE "translation_memory" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "source_locale" varchar(16) NOT NULL,
        "target_locale" varchar(16) NOT NULL,
        "source_text" text NOT NULL,
        "target_text" text NOT NULL,
        "article_id" uuid,
        "revision_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "used_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "translation_memory_pk" PRIMARY KEY ("id"),
        CONSTRAINT "translation_memory_source_locale_fk" FOREIGN KEY ("source_locale") REFERENCES "locale"("code") ON DELETE CASCADE,
        CONSTRAINT "translation_memory_target_locale_fk" FOREIGN KEY ("target_locale") REFERENCES "locale"("code") ON DELETE CASCADE,
        CONSTRAINT "translation_memory_article_fk" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE SET NULL,
        CONSTRAINT "translation_memory_revision_fk" FOREIGN KEY ("revision_id") REFERENCES "revision"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "translation_memory_pair_uq" ON "translation_memory" ("source_locale", "target_locale", md5("source_text"), md5("target_text"))`,
    );
    await queryRunner.query(`CREATE INDEX "translation_memory_source_trgm_idx" ON "translation_memory" USING gin ("source_text" gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "translation_memory"`);
    await queryRunner.query(`DROP TABLE "translation_job"`);
    await queryRunner.query(`DROP TYPE "translation_job_priority"`);
    await queryRunner.query(`DROP TYPE "translation_job_status"`);
    await queryRunner.query(`DROP TYPE "translation_job_kind"`);
    await queryRunner.query(`ALTER TABLE "article_translation" DROP CONSTRAINT "article_translation_live_source_revision_fk"`);
    await queryRunner.query(`ALTER TABLE "article_translation" DROP CONSTRAINT "article_translation_source_revision_fk"`);
    await queryRunner.query(`ALTER TABLE "article_translation" DROP COLUMN "live_source_revision_id"`);
    await queryRunner.query(`ALTER TABLE "article_translation" DROP COLUMN "source_revision_id"`);
  }
}
