import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rate-limit counters in PostgreSQL, so limits hold across restarts and across several admin copies. */
export class CreateRateLimit1763900200000 implements MigrationInterface {
  name = 'CreateRateLimit1763900200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "rate_limit" (
        "key" varchar(200) NOT NULL,
        "hits" integer NOT NULL,
        "window_ends_at" timestamptz NOT NULL,
        "blocked_until" timestamptz,
        CONSTRAINT "rate_limit_pk" PRIMARY KEY ("key")
      )`);
    await queryRunner.query(`CREATE INDEX "rate_limit_window_ends_at_idx" ON "rate_limit" ("window_ends_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit"`);
  }
}
