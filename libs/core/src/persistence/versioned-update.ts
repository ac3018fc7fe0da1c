import { KalamError } from '../errors/kalam-error';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

export type VersionedUpdateResult<T> = { outcome: 'updated'; row: T } | { outcome: 'stale'; currentVersion: number } | { outcome: 'missing' };

/**
 * Optimistic concurrency in one statement: the row changes only if it still has the version the
 * client edited, and the version is bumped in the same UPDATE. Of N concurrent writers holding the
 * same version exactly one matches; the others see the new version and are told so.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: Record<string, unknown>,
  expectedVersion: number,
  changes: Record<string, unknown>,
): Promise<VersionedUpdateResult<T>> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => 'version + 1' })
    .where(where)
    .andWhere('version = :expectedVersion', { expectedVersion })
    .execute();
  if (result.affected) return { outcome: 'updated', row: await manager.findOneOrFail(target, { where: where as never }) };
  const current = await manager.findOne(target, { where: where as never, select: { version: true } as never });
  return current ? { outcome: 'stale', currentVersion: (current as unknown as { version: number }).version } : { outcome: 'missing' };
}

/**
 * For deletes, which take If-Match when the client sends it: a stale version is a 412, so a delete
 * cannot win over a change its sender never saw. (Call it with the row locked.)
 */
export function assertIfMatchWhenGiven(expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) throw KalamError.preconditionFailed(expected, current);
}
