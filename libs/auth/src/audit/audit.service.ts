import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { recordAudit, type AuditEntry } from '@kalam/core';
import { AuditEventEntity } from './audit-event.entity';
import type { AuditQueryDto } from './dto/audit-query.dto';

export type { AuditEntry };

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** Pass the use case's transaction manager so the event commits (or not) with the change. */
  record(entry: AuditEntry, manager: EntityManager = this.events.manager): Promise<void> {
    return recordAudit(manager, entry);
  }

  async list(query: AuditQueryDto): Promise<{ items: AuditEventEntity[]; nextBefore: number | null }> {
    const limit = query.limit ?? 50;
    const qb = this.events.createQueryBuilder('e').orderBy('e.id', 'DESC').limit(limit);
    if (query.before) qb.andWhere('e.id < :before', { before: query.before });
    if (query.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
    if (query.subjectType) qb.andWhere('e.subject_type = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId) qb.andWhere('e.subject_id = :subjectId', { subjectId: query.subjectId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    const items = await qb.getMany();
    return { items, nextBefore: items.length === limit ? Number(items[items.length - 1].id) : null };
  }
}
