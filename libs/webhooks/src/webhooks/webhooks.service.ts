import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '@kalam/auth';
import { assertIfMatchWhenGiven, KalamError, recordAudit, updateVersioned } from '@kalam/core';
import { DeliveryJobs } from '../deliveries/delivery-jobs';
import { generateSecret, secretKey } from '../signing/webhook-secret';
import { normalizeCustomHeaders } from '../targets/custom-headers';
import { assertAllowedTarget, parseWebhookUrl } from '../targets/webhook-url';
import { webhooksConfig, type WebhooksConfig } from '../webhooks.config';
import type { CreateWebhookDto } from './dto/create-webhook.dto';
import type { UpdateWebhookDto } from './dto/update-webhook.dto';
import { WebhookEntity } from './webhook.entity';

function checkedSecret(secret: string): string {
  if (!secretKey(secret)) throw KalamError.badRequest('request.validation_failed', { count: 1 }, [{ field: 'secret', code: 'errors.webhook.secret_invalid' }]);
  return secret;
}

const unique = (values: string[] | undefined) => (values ? [...new Set(values)] : undefined);

/** Webhooks as admins manage them; every change is versioned (If-Match) and audited, never with the secret. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig,
    private readonly deliveryJobs: DeliveryJobs,
  ) {}

  list(): Promise<WebhookEntity[]> {
    return this.dataSource.getRepository(WebhookEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The webhook or 404; in a transaction, `lock` holds it until commit (a write lock for changes, a shared one to keep it as it is). */
  async get(id: string, manager: EntityManager = this.dataSource.manager, lock?: 'pessimistic_read' | 'pessimistic_write'): Promise<WebhookEntity> {
    const webhook = await manager.findOne(WebhookEntity, { where: { id }, lock: lock ? { mode: lock } : undefined });
    if (!webhook) throw KalamError.notFound('webhook.not_found', { id });
    return webhook;
  }

  async create(input: CreateWebhookDto, actor: Actor): Promise<{ webhook: WebhookEntity; secret: string }> {
    const url = await this.checkedUrl(input.url);
    const secret = input.secret !== undefined ? checkedSecret(input.secret) : generateSecret();
    const headers = normalizeCustomHeaders(input.headers ?? {});
    return this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(WebhookEntity, {
        url,
        description: input.description ?? null,
        secret,
        events: unique(input.events) ?? [],
        locales: unique(input.locales) ?? [],
        headers,
        active: input.active ?? true,
        createdBy: actor.id,
      });
      const webhook = await this.get(identifiers[0].id as string, manager);
      await this.audit(manager, actor, 'webhook.created', webhook, { url, events: webhook.events, locales: webhook.locales, headers: Object.keys(headers) });
      return { webhook, secret };
    });
  }

  async update(id: string, input: UpdateWebhookDto, expectedVersion: number | undefined, actor: Actor): Promise<{ webhook: WebhookEntity; secret?: string }> {
    const changes: Partial<WebhookEntity> = {};
    if (input.url !== undefined) changes.url = await this.checkedUrl(input.url);
    if (input.description !== undefined) changes.description = input.description;
    if (input.events !== undefined) changes.events = unique(input.events)!;
    if (input.locales !== undefined) changes.locales = unique(input.locales)!;
    if (input.headers !== undefined) changes.headers = normalizeCustomHeaders(input.headers);
    if (input.secret !== undefined && input.rotateSecret) {
      throw KalamError.badRequest('request.validation_failed', { count: 1 }, [{ field: 'rotateSecret', code: 'errors.webhook.secret_twice' }]);
    }
    const secret = input.rotateSecret ? generateSecret() : input.secret !== undefined ? checkedSecret(input.secret) : undefined;
    if (secret) changes.secret = secret;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, manager, 'pessimistic_write');
      if (expectedVersion === undefined) throw KalamError.preconditionRequired(current.version);
      const reactivated = input.active === true && !current.active;
      if (input.active !== undefined) changes.active = input.active;
      // Switched back on: a clean slate, and what was queued before it went off is sent (in order).
      if (reactivated) Object.assign(changes, { failingSince: null, disabledAt: null, disabledReason: null });
      const result = await updateVersioned(manager, WebhookEntity, { id }, expectedVersion, changes);
      if (result.outcome === 'stale') throw KalamError.preconditionFailed(expectedVersion, result.currentVersion);
      if (result.outcome === 'missing') throw KalamError.notFound('webhook.not_found', { id });
      if (reactivated) await this.deliveryJobs.resumePending(manager, id);
      const { secret: _secret, headers, ...logged } = input;
      await this.audit(manager, actor, 'webhook.updated', result.row, {
        ...logged,
        ...(headers ? { headers: Object.keys(changes.headers!) } : {}),
        secretChanged: Boolean(secret),
        version: result.row.version,
      });
      return { webhook: result.row, secret };
    });
  }

  async remove(id: string, expectedVersion: number | undefined, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, manager, 'pessimistic_write');
      assertIfMatchWhenGiven(expectedVersion, current.version);
      await manager.delete(WebhookEntity, { id });
      await this.audit(manager, actor, 'webhook.deleted', current, { url: current.url });
    });
  }

  private async checkedUrl(value: string): Promise<string> {
    const url = parseWebhookUrl(value);
    await assertAllowedTarget(url, this.config.allowPrivate);
    return url.toString();
  }

  private audit(manager: EntityManager, actor: Actor, action: string, webhook: WebhookEntity, details: Record<string, unknown>): Promise<void> {
    return recordAudit(manager, { actorId: actor.id, ip: actor.ip, action, subjectType: 'webhook', subjectId: webhook.id, details });
  }
}
