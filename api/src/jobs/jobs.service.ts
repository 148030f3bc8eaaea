import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JOB_NAMES, type JobName, type JobRunView } from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { liveProcess, ProcessLiveness } from '../common/database/process-liveness.js';

/** What a job did, e.g. `{expired: 3, mailsQueued: 5}`. */
export type JobCounts = Record<string, number>;
export type JobHandler = (now: Date) => Promise<JobCounts>;

interface RunRow {
  id: string;
  name: JobName;
  slot: Date | null;
  trigger: 'schedule' | 'manual';
  started_at: Date;
  finished_at: Date | null;
  outcome: JobRunView['outcome'];
  counts: Record<string, number>;
  error: string | null;
}

const LOCK_BASE = 727_100;

/**
 * Runs named jobs. A scheduled tick claims its time slot with a unique row (name, slot), so
 * with several API processes exactly one runs it; every run also holds an advisory lock per
 * job so a manual run and a scheduled one never overlap. The work itself lives in domain
 * services that are safe to run twice. A run records its process; runs of a dead process are
 * marked `abandoned` after each heartbeat (`ProcessLiveness`), by whichever process is alive.
 */
@Injectable()
export class JobsService {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<JobName, JobHandler>(JOB_NAMES.map((n) => [n, async () => ({})]));

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly liveness: ProcessLiveness,
  ) {
    liveness.registerReaper(() => this.abandonDeadRuns());
  }

  /** Runs left `running` by a process that died (killed, crashed) can never finish: say so. */
  async abandonDeadRuns(): Promise<number> {
    const r = await rows<{ id: string }>(
      this.ds.manager,
      `UPDATE job_run j SET outcome = 'abandoned', finished_at = $1,
              error = 'the process running it stopped (killed or crashed) before it finished'
        WHERE outcome = 'running' AND NOT ${liveProcess('j.process_id')}
        RETURNING id`,
      [this.clock.now()],
    );
    if (r.length) this.logger.warn(`marked ${r.length} job run(s) of dead processes abandoned`);
    return r.length;
  }

  /** Features register the work behind a job name (replacing the no-op default). */
  register(name: JobName, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  /** A cron tick: runs only if no process has claimed this slot (the current minute) yet. */
  async runScheduled(name: JobName): Promise<JobRunView | null> {
    const now = this.clock.now();
    const slot = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const [claimed] = await rows<RunRow>(
      this.ds.manager,
      `INSERT INTO job_run (name, slot, trigger, started_at, process_id) VALUES ($1, $2, 'schedule', $3, $4)
       ON CONFLICT (name, slot) WHERE slot IS NOT NULL DO NOTHING RETURNING *`,
      [name, slot, now, this.liveness.id],
    );
    if (!claimed) return null;
    return this.execute(claimed);
  }

  /** Runs a job now (dev surface) and waits for it. */
  async runNow(name: JobName): Promise<JobRunView> {
    const [run] = await rows<RunRow>(
      this.ds.manager,
      `INSERT INTO job_run (name, slot, trigger, started_at, process_id) VALUES ($1, NULL, 'manual', $2, $3) RETURNING *`,
      [name, this.clock.now(), this.liveness.id],
    );
    return this.execute(run);
  }

  private async execute(run: RunRow): Promise<JobRunView> {
    const handler = this.handlers.get(run.name)!;
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.query('SELECT pg_advisory_lock($1)', [LOCK_BASE + JOB_NAMES.indexOf(run.name)]);
      try {
        const counts = await handler(this.clock.now());
        const [done] = await rows<RunRow>(
          this.ds.manager,
          `UPDATE job_run SET finished_at = $2, outcome = 'succeeded', counts = $3 WHERE id = $1 RETURNING *`,
          [run.id, this.clock.now(), JSON.stringify(counts)],
        );
        return toView(done);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        this.logger.error(`job ${run.name} failed: ${e instanceof Error ? e.stack : msg}`);
        const [failed] = await rows<RunRow>(
          this.ds.manager,
          `UPDATE job_run SET finished_at = $2, outcome = 'failed', error = $3 WHERE id = $1 RETURNING *`,
          [run.id, this.clock.now(), msg.slice(0, 2000)],
        );
        return toView(failed);
      } finally {
        await qr.query('SELECT pg_advisory_unlock($1)', [LOCK_BASE + JOB_NAMES.indexOf(run.name)]);
      }
    } finally {
      await qr.release();
    }
  }

  async list(filter: { name?: JobName; limit?: number }): Promise<JobRunView[]> {
    const r = await rows<RunRow>(
      this.ds.manager,
      `SELECT * FROM job_run WHERE ($1::text IS NULL OR name = $1) ORDER BY started_at DESC, id LIMIT $2`,
      [filter.name ?? null, Math.min(Math.max(filter.limit ?? 100, 1), 500)],
    );
    return r.map(toView);
  }
}

function toView(r: RunRow): JobRunView {
  return {
    id: r.id,
    name: r.name,
    slot: r.slot ? r.slot.toISOString() : null,
    trigger: r.trigger,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
    outcome: r.outcome,
    counts: r.counts,
    error: r.error,
  };
}
