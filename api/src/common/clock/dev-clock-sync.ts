import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.js';
import { DbNotifications } from '../database/db-notifications.js';
import { Clock, type ClockState } from './clock.js';

const CHANNEL = 'lc_dev_clock';

interface Row {
  offset_ms: string;
  frozen_at: Date | null;
  revision: string;
}

/**
 * Outside production: the development clock is shared through the database (`dev_clock`, one
 * row), so every process on one database — replicas behind a proxy — tells the same time.
 * `PUT /api/dev/clock` on any process writes the row (a trigger notifies `lc_dev_clock`); every
 * process applies it on the notification, at start, and after its listener reconnects. Only a
 * newer revision is applied, so the test harness's direct `clock.set(…)` stays local and is never
 * overwritten by a stale row.
 */
@Injectable()
export class DevClockSync implements OnModuleInit {
  private readonly logger = new Logger('DevClock');
  private applied = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly notifications: DbNotifications,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.devSurface) return;
    await this.notifications.subscribe(CHANNEL, {
      onNotify: () => void this.pull(),
      onReconnect: () => void this.pull(),
    });
    await this.pull();
  }

  /** Apply the shared setting if it is newer than what this process has. */
  async pull(): Promise<void> {
    try {
      const [r] = (await this.ds.query(
        `SELECT offset_ms, frozen_at, revision FROM dev_clock WHERE id = 1`,
      )) as Row[];
      if (!r || Number(r.revision) <= this.applied) return;
      this.applied = Number(r.revision);
      this.clock.restore({
        offsetMs: Number(r.offset_ms),
        frozenAt: r.frozen_at ? r.frozen_at.getTime() : null,
      });
    } catch (e) {
      this.logger.warn(`cannot read the shared development clock: ${(e as Error).message}`);
    }
  }

  /** Set this process's clock and share the setting with every other process. */
  async set(instant: Date | null, freeze: boolean): Promise<void> {
    this.clock.set(instant, freeze);
    const s: ClockState = this.clock.snapshot();
    const [r] = (await this.ds.query(
      `INSERT INTO dev_clock (id, offset_ms, frozen_at, revision, updated_at) VALUES (1, $1, $2, 1, now())
       ON CONFLICT (id) DO UPDATE SET offset_ms = EXCLUDED.offset_ms, frozen_at = EXCLUDED.frozen_at,
              revision = dev_clock.revision + 1, updated_at = now()
       RETURNING revision`,
      [Math.round(s.offsetMs), s.frozenAt === null ? null : new Date(s.frozenAt)],
    )) as { revision: string }[];
    this.applied = Math.max(this.applied, Number(r.revision));
  }
}
