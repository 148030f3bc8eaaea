import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional, ValidateIf } from 'class-validator';
import { DataSource } from 'typeorm';
import { ErrorCode, isJobName, JOB_NAMES, type MailView } from '@lc/shared';
import { DevOnly, Public } from '../common/auth/decorators.js';
import { Clock } from '../common/clock/clock.js';
import { DevClockSync } from '../common/clock/dev-clock-sync.js';
import { AppError } from '../common/errors/app-error.js';
import { rows } from '../common/database/database.js';
import { MailService, type StoredMail } from '../common/mail/mail.service.js';
import { MailWorker } from '../common/mail/mail.worker.js';
import { JobsService } from '../jobs/jobs.service.js';

class SetClockDto {
  @ApiProperty({ nullable: true, type: String, description: 'ISO-8601 instant; null returns to real time' })
  @ValidateIf((o: SetClockDto) => o.now !== null)
  @IsISO8601({ strict: true })
  now: string | null;

  @ApiPropertyOptional({ description: 'Stop the clock at that instant (default: it runs on from there)' })
  @IsOptional()
  @IsBoolean()
  freeze?: boolean;
}

interface MailRow extends StoredMail {
  id: string;
  to_address: string;
  data: Record<string, unknown>;
  status: MailView['status'];
  attempts: number;
  sent_at: Date | null;
  created_at: Date;
}

/** Development and test surface (API.md): absent (404) in production. */
@ApiTags('dev')
@DevOnly()
@Public()
@Controller('dev')
export class DevController {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly worker: MailWorker,
    private readonly clockSync: DevClockSync,
    private readonly mail: MailService,
  ) {}

  @Get('mailbox')
  async mailbox(@Query('to') to?: string): Promise<Array<MailView & { sentAt: string | null }>> {
    const r = await rows<MailRow>(
      this.ds.manager,
      `SELECT * FROM mail_outbox WHERE ($1::text IS NULL OR lower(to_address) = lower($1))
        ORDER BY created_at DESC, id DESC LIMIT 500`,
      [to ?? null],
    );
    return Promise.all(
      r.map(async (m) => {
        // A row queued unrendered shows what its delivery will send.
        // Its data completed once (the loader reads the database), then rendered from it.
        const data = m.subject === null ? await this.mail.completeData(m) : m.data;
        const { subject, text, html } = await this.mail.renderStored({ ...m, data });
        return {
          id: m.id,
          to: m.to_address,
          subject,
          template: m.template,
          language: m.language,
          // Unrendered rows show the data their delivery renders (completed by the template's loader).
          data,
          text,
          html,
          status: m.status,
          attempts: m.attempts,
          // Queued mail counts as sent to the dev mailbox; the real send time once delivered.
          sentAt: (m.sent_at ?? m.created_at).toISOString(),
          createdAt: m.created_at.toISOString(),
        };
      }),
    );
  }

  @Post('mailbox/deliver')
  @HttpCode(200)
  deliver() {
    return this.worker.deliverDue(500);
  }

  /** The development clock, shared by every process on this database (dev_clock). */
  @Get('clock')
  async getClock() {
    await this.clockSync.pull();
    return this.clockView();
  }

  @Put('clock')
  async setClock(@Body() body: SetClockDto) {
    await this.clockSync.set(body.now === null ? null : new Date(body.now), body.freeze ?? false);
    return this.clockView();
  }

  private clockView() {
    return { now: this.clock.now().toISOString(), overridden: this.clock.overridden };
  }

  @Post('jobs/:name/run')
  @HttpCode(200)
  async runJob(@Param('name') name: string) {
    if (!isJobName(name)) {
      throw new AppError(
        404,
        ErrorCode.UNKNOWN_JOB,
        `name: unknown job "${name}" (one of ${JOB_NAMES.join(', ')})`,
      );
    }
    await this.clockSync.pull();
    return { run: await this.jobs.runNow(name) };
  }
}
