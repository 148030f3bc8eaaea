import {
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DbNotifications } from '../common/database/db-notifications.js';

const CHANNEL = 'lc_entitlements';

export interface Waiter {
  /** Resolves true when the device's entitlements changed, false when the time ran out. */
  changed: Promise<boolean>;
  cancel(): void;
}

/**
 * Listens on PostgreSQL channel `lc_entitlements` (a trigger notifies it, at commit, whenever a
 * device's entitlements_version changes) and wakes the long-polls waiting for that device, in
 * whichever API process holds them. The connection is `DbNotifications`' (it reconnects with
 * backoff, forever); when it comes back, every waiting long-poll is woken to re-read its version,
 * so changes made while nobody listened are delivered too.
 */
@Injectable()
export class EntitlementsNotifier implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly waiting = new Map<string, Set<(changed: boolean) => void>>();
  private closed = false;
  private ready: Promise<void> = Promise.resolve();
  /** Long-polls being answered: shutdown lets them finish before the database pool closes. */
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(private readonly notifications: DbNotifications) {}

  onModuleInit(): void {
    this.ready = this.notifications.subscribe(CHANNEL, {
      onNotify: (deviceId) => {
        if (deviceId) this.wake(deviceId, true);
      },
      // Anyone waiting re-reads the version when woken, so waking all of them is safe.
      onReconnect: () => {
        for (const id of [...this.waiting.keys()]) this.wake(id, true);
      },
    });
  }

  /** How many devices have a long-poll waiting here. */
  get waitingDevices(): number {
    return this.waiting.size;
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

  onApplicationShutdown(): void {
    this.closed = true;
  }
}
