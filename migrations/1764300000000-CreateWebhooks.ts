import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks and their deliveries. The worker turns each outbox event into one delivery per matching
 * webhook (marking the event dispatched in the same transaction); a delivery is the durable record
 * of sending it: its state, attempts, when to try next, the last answer.
 */
export class CreateWebhooks1764300000000 implements MigrationInterface {
  name = 'CreateWebhooks1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" ADD "dispatched_at" timestamptz`);
    // Events from before webhooks existed have nobody to go to.
    await queryRunner.query(`UPDATE "outbox" SET "dispatched_at" = now()`);
    await queryRunner.query(`CREATE INDEX "outbox_undispatched_idx" ON "outbox" ("id") WHERE "dispatched_at" IS NULL`);

    await queryRunner.query(`
      CREATE TABLE "webhook" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "url" varchar(2000) NOT NULL,
        "description" varchar(200),
        "secret" varchar(200) NOT NULL,
        "events" varchar(60)[] NOT NULL DEFAULT '{}',
        "locales" varchar(16)[] NOT NULL DEFAULT '{}',
        "headers" jsonb NOT NULL DEFAULT '{}',
        "active" boolean NOT NULL DEFAULT true,
        "failing_since" timestamptz,
        "disabled_at" timestamptz,
        "disabled_reason" varchar(200),
        "version" integer NOT NULL DEFAULT 1,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "webhook_pk" PRIMARY KEY ("id"),
        CONSTRAINT "webhook_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL
      )`);

    await queryRunner.query(`CREATE TYPE "webhook_delivery_status" AS ENUM ('pending', 'delivering', 'succeeded', 'failed')`);
    await queryRunner.query(`
      CREATE TABLE "webhook_delivery" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "webhook_id" uuid NOT NULL,
        "event_id" bigint,
        "message_id" varchar(64) NOT NULL,
        "type" varchar(60) NOT NULL,
        "article_id" uuid,
        "locale" varchar(16),
        "body" text NOT NULL,
        "status" "webhook_delivery_status" NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "retry_until" timestamptz NOT NULL,
        "lease_until" timestamptz,
        "last_attempt_at" timestamptz,
        "response_status" integer,
        "response_body" varchar(1024),
        "duration_ms" integer,
        "last_error" varchar(500),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "finished_at" timestamptz,
        CONSTRAINT "webhook_delivery_pk" PRIMARY KEY ("id"),
        CONSTRAINT "webhook_delivery_webhook_fk" FOREIGN KEY ("webhook_id") REFERENCES "webhook"("id") ON DELETE CASCADE,
        CONSTRAINT "webhook_delivery_event_fk" FOREIGN KEY ("event_id") REFERENCES "outbox"("id") ON DELETE SET NULL,
        CONSTRAINT "webhook_delivery_lease_check" CHECK ("status" <> 'delivering' OR "lease_until" IS NOT NULL)
      )`);
    // One delivery per event and webhook, however many workers dispatch.
    await queryRunner.query(`CREATE UNIQUE INDEX "webhook_delivery_event_uq" ON "webhook_delivery" ("webhook_id", "event_id")`);
    // The log, newest first.
    await queryRunner.query(`CREATE INDEX "webhook_delivery_log_idx" ON "webhook_delivery" ("webhook_id", "created_at" DESC, "id")`);
    // Order per article: is an earlier event of this article still on its way to this webhook?
    await queryRunner.query(
      `CREATE INDEX "webhook_delivery_stream_idx" ON "webhook_delivery" ("webhook_id", "article_id", "event_id") WHERE "status" IN ('pending', 'delivering')`,
    );
    // The sweep for deliveries whose worker died, or whose job went missing.
    await queryRunner.query(`CREATE INDEX "webhook_delivery_due_idx" ON "webhook_delivery" ("next_attempt_at") WHERE "status" = 'pending'`);
    await queryRunner.query(`CREATE INDEX "webhook_delivery_lease_idx" ON "webhook_delivery" ("lease_until") WHERE "status" = 'delivering'`);

    // Jobs say "try this delivery now"; the delivery row decides whether that still makes sense.
    await queryRunner.query(`SELECT pgboss.create_queue($1, $2)`, [
      'webhook-deliver',
      JSON.stringify({ policy: 'standard', retryLimit: 5, retryDelay: 1, retryBackoff: true, expireInSeconds: 300, retentionMinutes: 60 }),
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pgboss.delete_queue($1)`, ['webhook-deliver']);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP TYPE "webhook_delivery_status"`);
    await queryRunner.query(`DROP TABLE "webhook"`);
    await queryRunner.query(`DROP INDEX "outbox_undispatched_idx"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "dispatched_at"`);
  }
}
