import PgBoss from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The job queue (pg-boss, pinned in package.json): its schema is created here, by our migrations,
 * and pg-boss only checks it at start. Upgrading pg-boss takes a migration applying
 * `PgBoss.getMigrationPlans`. The queue for scheduled publishing is created with it.
 */
export class CreateJobQueue1764000200000 implements MigrationInterface {
  name = 'CreateJobQueue1764000200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The plan brings its own BEGIN/COMMIT; the migration runner already holds a transaction.
    const plan = PgBoss.getConstructionPlans('pgboss').replace(/^\s*(BEGIN|COMMIT);\s*$/gm, '');
    await queryRunner.query(plan);
    await queryRunner.query(`SELECT pgboss.create_queue($1, $2)`, [
      'translation-schedule',
      JSON.stringify({ policy: 'standard', retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 120, retentionMinutes: 60 * 24 * 14 }),
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA pgboss CASCADE`);
  }
}
