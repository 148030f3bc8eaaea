import { Module, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service.js';
import { NoticesService } from './notices.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { JobOutbox } from './outbox.js';
import { RemindersService } from './reminders.service.js';

/**
 * License e-mails of the jobs (SPEC §4): the `reminders` job, the lapse and auto-assignment
 * notices (`NoticesService`, mailed by the `expiry-sweep` job of `ExpirySweepModule`); the
 * dealer's Notifications page and the members' opt-in.
 */
@Module({
  controllers: [NotificationsController],
  providers: [JobOutbox, NoticesService, RemindersService, NotificationsService],
  exports: [NoticesService],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly reminders: RemindersService,
  ) {}

  onModuleInit(): void {
    this.jobs.register('reminders', (now) => this.reminders.run(now));
  }
}
