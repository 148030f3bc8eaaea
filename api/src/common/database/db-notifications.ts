import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ProcessLiveness } from './process-liveness.js';

/** Wait before the n-th reconnect attempt: 100 ms, 200 ms, 400 ms … at most 5 s, forever. */
export function reconnectBackoffMs(attempt: number): number {
  return Math.min(100 * 2 ** Math.max(0, attempt - 1), 5_000);
}

interface Subscription {
  onNotify(payload: string): void;
  /** Called after the connection came back: notifications sent meanwhile were lost, catch up. */
  onReconnect(): void;
}

/**
 * One PostgreSQL connection per process that LISTENs for the channels features subscribe to
 * (`lc_entitlements`, `lc_dev_clock`). When the connection drops (database restart, failover,
 * network), it reconnects with backoff — forever — and tells every subscriber to catch up,
 * because notifications sent while nobody listened are gone.
 */
@Injectable()
export class DbNotifications implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('DbNotifications');
  private readonly subs = new Map<string, Set<Subscription>>();
  private client: pg.Client | null = null;
  private closed = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Settles after the first connection attempt (success or not): LISTEN is in place if it can be. */
  private first: Promise<void> | null = null;
  /** How often the connection came back after a loss (for tests and logs). */
  reconnects = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly liveness: ProcessLiveness,
  ) {}

  /** The listener's `application_name` in pg_stat_activity. */
  get applicationName(): string {
    return `lc-listen ${this.liveness.id}`;
  }

  onModuleInit(): void {
    this.first ??= this.connect(false);
  }

  get connected(): boolean {
    return this.client !== null;
  }

  /** Listen on `channel`; resolves once listening (or once the first attempt to connect failed). */
  async subscribe(channel: string, sub: Subscription): Promise<void> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    const set = this.subs.get(channel) ?? new Set();
    const fresh = !this.subs.has(channel);
    this.subs.set(channel, set);
    set.add(sub);
    await (this.first ??= this.connect(false));
    if (fresh && this.client) await this.client.query(`LISTEN ${channel}`).catch(() => undefined);
  }

  private async connect(isReconnect: boolean): Promise<void> {
    const url = (this.ds.options as { url?: string }).url;
    if (!url || this.closed) return;
    const client = new pg.Client({
      connectionString: url,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      application_name: this.applicationName,
    });
    let lost = false;
    const onLost = (why: string) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      void client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn(`listener connection lost (${why}); reconnecting`);
      this.schedule();
    };
    client.on('notification', (n) => {
      for (const s of this.subs.get(n.channel) ?? []) s.onNotify(n.payload ?? '');
    });
    client.on('error', (e) => onLost(e.message));
    client.on('end', () => onLost('connection ended'));
    try {
      await client.connect();
      for (const channel of this.subs.keys()) await client.query(`LISTEN ${channel}`);
      if (this.closed || lost) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      this.attempt = 0;
      if (isReconnect) {
        this.reconnects++;
        this.logger.warn('listener connection is back; catching up');
        for (const set of this.subs.values()) for (const s of set) s.onReconnect();
      }
    } catch (e) {
      lost = true;
      await client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn(`cannot listen for database notifications: ${(e as Error).message}`);
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.closed || this.timer) return;
    const delay = reconnectBackoffMs(++this.attempt);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect(true);
    }, delay);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}
