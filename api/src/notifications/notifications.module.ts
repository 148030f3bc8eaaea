import { Module, type OnModuleInit } from '@nestjs/common';
import { BindingService } from '../devices/binding.service.js';
import { DevicesModule } from '../devices/devices.module.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NoticesService } from './notices.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { JobOutbox } from './outbox.js';
import { RemindersService } from './reminders.service.js';

/**
 * Scheduled jobs about license expiry (SPEC §2, §4): `expiry-sweep` (BindingService's set-based
 * sweep, then the lapse and auto-assignment notices it recorded) and `reminders`; the dealer's
 * Notifications page and the members' opt-in.
 */
@Module({
  imports: [DevicesModule],
  controllers: [NotificationsController],
  providers: [JobOutbox, NoticesService, RemindersService, NotificationsService],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly binding: BindingService,
    private readonly notices: NoticesService,
    private readonly reminders: RemindersService,
  ) {}

  onModuleInit(): void {
    this.jobs.register('expiry-sweep', async (now) => ({
      ...(await this.binding.sweepExpired(now)),
      ...(await this.notices.mailPending(now)),
    }));
    this.jobs.register('reminders', (now) => this.reminders.run(now));
  }
}
