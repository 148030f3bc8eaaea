import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { JOB_NAMES } from '@lc/shared';
import { AppConfig } from '../common/config/config.js';
import { JobsService } from './jobs.service.js';

/** Registers one cron per job from config (JOB_*_CRON); every replica ticks, one runs each slot. */
@Injectable()
export class JobsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('JobsScheduler');

  constructor(
    private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly jobs: JobsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    for (const name of JOB_NAMES) {
      const job = CronJob.from({
        cronTime: this.config.cron[name],
        onTick: () => {
          this.jobs
            .runScheduled(name)
            .catch((e: Error) => this.logger.error(`${name} tick failed: ${e.message}`));
        },
        start: true,
        timeZone: 'UTC',
      });
      this.registry.addCronJob(`job:${name}`, job);
    }
  }
}
