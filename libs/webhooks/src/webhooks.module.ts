import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '@kalam/database';
import { deliveryConfig } from '@kalam/delivery';
import { DeliveriesService } from './deliveries/deliveries.service';
import { DeliveryAttempts } from './deliveries/delivery-attempts';
import { DeliveryJobs } from './deliveries/delivery-jobs';
import { OutboxDispatcher } from './deliveries/outbox-dispatcher';
import { WebhookDeliveryEntity } from './deliveries/webhook-delivery.entity';
import { WebhookWorker } from './deliveries/webhook-worker';
import { WebhookEntity } from './webhooks/webhook.entity';
import { WebhooksService } from './webhooks/webhooks.service';
import { webhooksConfig } from './webhooks.config';

/** Webhooks: managed by admins through the admin API, fed from the outbox and sent by the worker. */
@Module({
  imports: [
    ConfigModule.forFeature(webhooksConfig),
    ConfigModule.forFeature(deliveryConfig),
    TypeOrmModule.forFeature([WebhookEntity, WebhookDeliveryEntity]),
    JobsModule,
  ],
  providers: [WebhooksService, DeliveriesService, DeliveryAttempts, DeliveryJobs, OutboxDispatcher, WebhookWorker],
  exports: [WebhooksService, DeliveriesService, WebhookWorker, OutboxDispatcher],
})
export class WebhooksModule {}
