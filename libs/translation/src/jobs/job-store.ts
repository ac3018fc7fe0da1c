import type { EntityManager } from 'typeorm';
import { ACTIVE_JOB_STATUSES } from './job-status';
import { TranslationJobEntity } from './translation-job.entity';

/** The SQL test for an active job (the partial indexes' own predicate, so the planner can use them). */
export const activeJobSql = (alias?: string): string => `${alias ? `${alias}.` : ''}status IN (${ACTIVE_JOB_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** A lease's end, computed by the database clock like every other lease. */
export const leaseEndSql = (hours: number) => (): string => `now() + make_interval(hours => ${Math.trunc(hours)})`;

/** The one active job of an article in a locale, if any; `lock` takes its row for the transaction. */
export function findActiveJob(manager: EntityManager, articleId: string, locale: string, lock = false): Promise<TranslationJobEntity | null> {
  const query = manager
    .createQueryBuilder(TranslationJobEntity, 'j')
    .where(`j.article_id = :articleId AND j.target_locale = :locale AND ${activeJobSql('j')}`, { articleId, locale });
  return (lock ? query.setLock('pessimistic_write') : query).getOne();
}

/** Every change to a job bumps its version (If-Match on PATCH sees it). */
export async function updateJob(manager: EntityManager, id: string, set: Record<string, unknown>): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(TranslationJobEntity)
    .set({ ...set, version: () => 'version + 1' })
    .where('id = :id', { id })
    .execute();
}
