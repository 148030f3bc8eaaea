import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { JobsService } from '../jobs/jobs.service.js';
import { ApiKeyAuditInterceptor } from './api-key-audit.interceptor.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysService } from './api-keys.service.js';
import { WebhookDeliveryService } from './delivery.service.js';
import { WebhookEndpointsService } from './endpoints.service.js';
import { WebhooksController } from './webhooks.controller.js';

/**
 * Dealer integrations (issue #17): webhook endpoints and their deliveries (the `webhooks` job),
 * API keys. Features record events with the functions in `events.ts`, in their own transaction.
 */
@Module({
  controllers: [WebhooksController, ApiKeysController],
  providers: [
    WebhookDeliveryService,
    WebhookEndpointsService,
    ApiKeysService,
    { provide: APP_INTERCEPTOR, useClass: ApiKeyAuditInterceptor },
  ],
  exports: [WebhookDeliveryService],
})
export class IntegrationsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly delivery: WebhookDeliveryService,
  ) {}

  onModuleInit(): void {
    this.jobs.register('webhooks', async () => ({ ...(await this.delivery.run()) }));
  }
}
