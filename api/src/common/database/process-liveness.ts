import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/config.js';

/** Missed beats after which a process counts as dead. */
export const MISSED_BEATS = 4;

/**
 * SQL condition "the process `<column>` is alive" (its row exists and has not expired), for
 * claims that name their process: `WHERE NOT ${liveProcess('m.claimed_by')}` finds a dead
 * process's claims. Uses the database clock, like the beats, so the dev clock cannot kill anyone.
 */
export function liveProcess(column: string): string {
  return `EXISTS (SELECT 1 FROM app_process ap WHERE ap.id = ${column} AND ap.expires_at >= now())`;
}

/**
 * Process liveness, one generic mechanism: every API process has an id, registers in
 * `app_process` and beats every PROCESS_HEARTBEAT_MS (the database's clock, not the injected
 * one: infrastructure time, the same for every process, unmoved by the dev clock). A process
 * whose `expires_at` (last beat + 4 intervals) passed is dead: claims carrying its id (mail
 * outbox rows, job runs) are taken over. Features register a `reaper` that runs after each beat
 * (e.g. jobs marks a dead process's runs abandoned).
 */
@Injectable()
export class ProcessLiveness implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ProcessLiveness');
  /** This process's id, carried by every claim it makes. */
  readonly id = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;
  private readonly reapers: Array<(em: EntityManager) => Promise<unknown>> = [];

  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Work to run after every beat, e.g. taking over a dead process's claims. */
  registerReaper(fn: (em: EntityManager) => Promise<unknown>): void {
    this.reapers.push(fn);
  }

  /** Registers at start; a failure (database not there yet) is retried by the next beat. */
  async onModuleInit(): Promise<void> {
    await this.beat().catch((e: Error) => this.logger.warn(`cannot register this process: ${e.message}`));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.beating ??= this.tick().finally(() => (this.beating = null));
    }, this.config.processHeartbeatMs);
    this.timer.unref();
  }

  /** Stop beating. The row is left to expire: claims still held are finished or taken over then. */
  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.beating;
  }

  /** One beat and the reapers; a database outage is logged and retried on the next beat. */
  async tick(): Promise<void> {
    try {
      await this.beat();
      for (const reap of this.reapers) await reap(this.ds.manager);
      // Rows of processes dead for a day name no claim anyone still needs.
      await this.ds.query(`DELETE FROM app_process WHERE expires_at < now() - interval '1 day'`);
    } catch (e) {
      this.logger.warn(`heartbeat failed: ${(e as Error).message}`);
    }
  }

  private async beat(): Promise<void> {
    await this.ds.query(
      `INSERT INTO app_process (id, host, pid, expires_at)
       VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')
       ON CONFLICT (id) DO UPDATE SET beat_at = now(), expires_at = EXCLUDED.expires_at`,
      [this.id, os.hostname(), process.pid, this.config.processHeartbeatMs * MISSED_BEATS],
    );
  }
}
