import type { CommandResult, HeartbeatEvent, HeartbeatLog } from './types.js';

/** At most this many events, logs and command results go out with one heartbeat. */
const MAX_BATCH = 100;
/** At most this many events and logs wait for the server; the oldest go first. */
const QUEUE_KEEP = 1000;

export const clip = (s: string, n = 500) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/**
 * What the device reports with its next heartbeat: events, logs and command results, queued with
 * the device's clock, sent in batches and dropped once sent.
 */
export class Reports {
  private readonly events: HeartbeatEvent[] = [];
  private readonly logs: HeartbeatLog[] = [];
  private readonly results: CommandResult[] = [];

  constructor(private readonly now: () => Date) {}

  event(e: Omit<HeartbeatEvent, 'at'>): void {
    const ev: HeartbeatEvent = { type: e.type, at: this.now().toISOString() };
    if (e.channel !== undefined) ev.channel = e.channel;
    if (e.message !== undefined) ev.message = clip(e.message);
    this.events.push(ev);
    if (this.events.length > QUEUE_KEEP) this.events.splice(0, this.events.length - QUEUE_KEEP);
  }

  log(l: Omit<HeartbeatLog, 'at'>): void {
    this.logs.push({ ...l, at: this.now().toISOString(), message: clip(l.message) });
    if (this.logs.length > QUEUE_KEEP) this.logs.splice(0, this.logs.length - QUEUE_KEEP);
  }

  result(id: string, status: CommandResult['status'], message: string): void {
    this.results.push({ id, status, message: clip(message) });
  }

  /** The next batch, and `drop()` to call once it was sent (or refused as invalid, which sending again would not change). */
  next(): { events: HeartbeatEvent[]; logs: HeartbeatLog[]; results: CommandResult[]; drop(): void } {
    const events = this.events.slice(0, MAX_BATCH);
    const logs = this.logs.slice(0, MAX_BATCH);
    const results = this.results.slice(0, MAX_BATCH);
    return {
      events,
      logs,
      results,
      drop: () => {
        this.events.splice(0, events.length);
        this.logs.splice(0, logs.length);
        this.results.splice(0, results.length);
      },
    };
  }
}
