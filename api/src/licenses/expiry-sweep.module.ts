import { Module, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service.js';
import { NoticesService } from '../notifications/notices.service.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { BindingModule } from './binding.module.js';
import { BindingService } from './binding.service.js';

/**
 * The `expiry-sweep` job (SPEC §2 "auto-assign on expiry", §4 notices): `BindingService`'s
 * set-based sweep, then the lapse and auto-assignment notices it recorded are mailed.
 */
@Module({
  imports: [BindingModule, NotificationsModule],
})
export class ExpirySweepModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly binding: BindingService,
    private readonly notices: NoticesService,
  ) {}

  onModuleInit(): void {
    this.jobs.register('expiry-sweep', async (now) => ({
      ...(await this.binding.sweepExpired(now)),
      ...(await this.notices.mailPending(now)),
    }));
  }
}
