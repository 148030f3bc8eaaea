import { Module, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service.js';
import { EventMailService } from './event-mail.service.js';
import { EventNotificationsController } from './event-notifications.controller.js';
import { EventNotificationsService } from './event-notifications.service.js';
import { EventRetentionService } from './retention.service.js';

/**
 * Event notifications (settings, e-mails from heartbeat events) and event retention. The
 * heartbeat (DevicesModule) calls EventMailService inside its transaction; the search itself
 * is devices' EventSearchService's.
 */
@Module({
  controllers: [EventNotificationsController],
  providers: [EventNotificationsService, EventMailService, EventRetentionService],
  exports: [EventMailService],
})
export class EventsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly retention: EventRetentionService,
  ) {}

  onModuleInit(): void {
    this.jobs.register('event-retention', (now) => this.retention.purge(now));
  }
}
