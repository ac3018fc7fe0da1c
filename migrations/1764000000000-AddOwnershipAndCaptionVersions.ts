import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who created an author profile or a tag (authors may edit what they created), and a lock counter
 * on media captions so every per-locale row is written the same versioned way.
 */
export class AddOwnershipAndCaptionVersions1764000000000 implements MigrationInterface {
  name = 'AddOwnershipAndCaptionVersions1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "author" ADD "created_by" uuid`);
    await queryRunner.query(
      `ALTER TABLE "author" ADD CONSTRAINT "author_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(`ALTER TABLE "tag" ADD "created_by" uuid`);
    await queryRunner.query(`ALTER TABLE "tag" ADD CONSTRAINT "tag_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL`);
    await queryRunner.query(`ALTER TABLE "media_translation" ADD "version" integer NOT NULL DEFAULT 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "media_translation" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "tag" DROP CONSTRAINT "tag_created_by_fk"`);
    await queryRunner.query(`ALTER TABLE "tag" DROP COLUMN "created_by"`);
    await queryRunner.query(`ALTER TABLE "author" DROP CONSTRAINT "author_created_by_fk"`);
    await queryRunner.query(`ALTER TABLE "author" DROP COLUMN "created_by"`);
  }
}
