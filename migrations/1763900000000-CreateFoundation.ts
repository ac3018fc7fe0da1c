import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Locale registry, users with roles and locale scopes, hashed API tokens, audit events. */
export class CreateFoundation1763900000000 implements MigrationInterface {
  name = 'CreateFoundation1763900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "locale" (
        "code" varchar(16) NOT NULL,
        "name" varchar(100) NOT NULL,
        "native_name" varchar(100) NOT NULL,
        "fallback_code" varchar(16),
        "enabled" boolean NOT NULL DEFAULT true,
        "text_direction" varchar(3) NOT NULL DEFAULT 'ltr',
        "text_search_config" varchar(63) NOT NULL DEFAULT 'simple',
        "position" integer NOT NULL DEFAULT 0,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "locale_pk" PRIMARY KEY ("code"),
        CONSTRAINT "locale_text_direction_check" CHECK ("text_direction" IN ('ltr', 'rtl')),
        CONSTRAINT "locale_fallback_not_self_check" CHECK ("fallback_code" IS DISTINCT FROM "code"),
        CONSTRAINT "locale_fallback_code_fk" FOREIGN KEY ("fallback_code") REFERENCES "locale"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "locale_fallback_code_idx" ON "locale" ("fallback_code")`);
    await queryRunner.query(`
      INSERT INTO "locale" ("code", "name", "native_name", "fallback_code", "text_search_config", "position") VALUES
        ('en', 'English', 'English', NULL, 'english', 0),
        ('tr', 'Turkish', 'Türkçe', 'en', 'turkish', 1),
        ('ru', 'Russian', 'Русский', 'en', 'russian', 2)`);

    await queryRunner.query(`CREATE TYPE "user_role" AS ENUM ('admin', 'editor', 'author', 'translator')`);
    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" varchar(320) NOT NULL,
        "password_hash" varchar(255) NOT NULL,
        "display_name" varchar(200),
        "role" "user_role" NOT NULL,
        "locales" varchar(16)[] NOT NULL DEFAULT '{}',
        "active" boolean NOT NULL DEFAULT true,
        "version" integer NOT NULL DEFAULT 1,
        "last_login_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "users_pk" PRIMARY KEY ("id"),
        CONSTRAINT "users_email_lowercase_check" CHECK ("email" = lower("email"))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_uq" ON "users" ("email")`);

    await queryRunner.query(`CREATE TYPE "api_token_kind" AS ENUM ('session', 'api', 'preview')`);
    await queryRunner.query(`
      CREATE TABLE "api_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "kind" "api_token_kind" NOT NULL,
        "name" varchar(100),
        "token_hash" char(64) NOT NULL,
        "expires_at" timestamptz,
        "last_used_at" timestamptz,
        "revoked_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "api_token_pk" PRIMARY KEY ("id"),
        CONSTRAINT "api_token_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "api_token_hash_uq" ON "api_token" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "api_token_user_idx" ON "api_token" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "api_token_expires_at_idx" ON "api_token" ("expires_at") WHERE "expires_at" IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE "audit_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "occurred_at" timestamptz NOT NULL DEFAULT now(),
        "actor_id" uuid,
        "action" varchar(100) NOT NULL,
        "subject_type" varchar(50),
        "subject_id" varchar(100),
        "ip" varchar(64),
        "details" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "audit_event_pk" PRIMARY KEY ("id"),
        CONSTRAINT "audit_event_actor_fk" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event" ("occurred_at" DESC)`);
    await queryRunner.query(`CREATE INDEX "audit_event_subject_idx" ON "audit_event" ("subject_type", "subject_id")`);
    await queryRunner.query(`CREATE INDEX "audit_event_actor_idx" ON "audit_event" ("actor_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP TYPE "api_token_kind"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "user_role"`);
    await queryRunner.query(`DROP TABLE "locale"`);
  }
}
