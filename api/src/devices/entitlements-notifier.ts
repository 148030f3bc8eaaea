import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';

const CHANNEL = 'lc_entitlements';

export interface Waiter {
  /** Resolves true when the device's entitlements changed, false when the time ran out. */
  changed: Promise<boolean>;
  cancel(): void;
}

/**
 * Listens on PostgreSQL channel `lc_entitlements` (a trigger notifies it, at commit, whenever a
 * device's entitlements_version changes) and wakes the long-polls waiting for that device, in
 * whichever API process holds them.
 */
@Injectable()
export class EntitlementsNotifier implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('EntitlementsNotifier');
  private readonly waiting = new Map<string, Set<(changed: boolean) => void>>();
  private client: pg.Client | null = null;
  private closed = false;
  private ready: Promise<void> = Promise.resolve();
  /** Long-polls being answered: shutdown lets them finish before the database pool closes. */
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(private readonly ds: DataSource) {}

  onModuleInit(): void {
    this.ready = this.connect();
  }

  private async connect(): Promise<void> {
    const url = (this.ds.options as { url?: string }).url;
    if (!url || this.closed) return;
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) this.wake(n.payload, true);
    });
    client.on('error', (e) => {
      this.logger.warn(`listener connection lost (${e.message}); reconnecting`);
      this.client = null;
      // Anyone waiting re-reads the version when woken, so waking all of them is safe.
      for (const id of [...this.waiting.keys()]) this.wake(id, true);
      if (!this.closed) setTimeout(() => void (this.ready = this.connect()), 1000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.client = client;
    } catch (e) {
      this.logger.warn(`cannot listen for entitlement changes: ${(e as Error).message}`);
      await client.end().catch(() => undefined);
    }
  }

  /** Register before reading the current version, so a change in between is not missed. */
  async waitFor(deviceId: string, timeoutMs: number): Promise<Waiter> {
    await this.ready;
    let settle!: (changed: boolean) => void;
    const changed = new Promise<boolean>((resolve) => (settle = resolve));
    const set = this.waiting.get(deviceId) ?? new Set();
    this.waiting.set(deviceId, set);
    const timer = setTimeout(() => done(false), this.closed ? 0 : timeoutMs);
    const done = (v: boolean) => {
      clearTimeout(timer);
      set.delete(done);
      if (!set.size) this.waiting.delete(deviceId);
      settle(v);
    };
    set.add(done);
    return { changed, cancel: () => done(false) };
  }

  private wake(deviceId: string, changed: boolean): void {
    for (const done of [...(this.waiting.get(deviceId) ?? [])]) done(changed);
  }

  /** Runs `work` (a long-poll answer) so that shutdown waits for it. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.inflight.add(p);
    try {
      return await p;
    } finally {
      this.inflight.delete(p);
    }
  }

  /** Before the pool closes: answer every waiting long-poll now, and let the answers finish. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const id of [...this.waiting.keys()]) this.wake(id, false);
    await Promise.allSettled([...this.inflight]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}
