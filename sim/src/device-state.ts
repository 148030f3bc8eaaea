import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { EntitlementsDocument, HeartbeatResult, SigningKeyView } from '@lc/shared';
import { enforce, type SimCamera } from './enforce.js';
import { Reports } from './reports.js';
import { readState, writeState, type SavedState } from './state-file.js';
import { checkDocument, KeyRing } from './verify.js';
import type { DeviceKind, LogEntry, SimSnapshot, SimulatorOptions, StreamViewer } from './types.js';

const LOG_KEEP = 50;

/**
 * What a simulated device holds and shows: its settings, cameras, credential and held document,
 * the snapshot built from them (`change` is emitted when it differs), its own log (`log`), its
 * link state, and the "flash" it keeps across runs. `Simulator` adds what the device does.
 */
export abstract class DeviceState extends EventEmitter {
  readonly url: string;
  readonly type: DeviceKind;
  readonly model: string;
  protected readonly opts: Required<
    Pick<
      SimulatorOptions,
      'heartbeatMs' | 'longPollSeconds' | 'retryMs' | 'restartMs' | 'tickMs' | 'activity' | 'mac'
    >
  >;
  protected readonly now: () => Date;
  protected readonly fetchFn: typeof fetch;
  protected readonly statePath: string | null;

  protected serial: string;
  protected firmware: string;
  protected deviceId: string | null = null;
  protected credential: string | null = null;
  protected cameras: SimCamera[];
  protected thumbnailCache = false;
  protected status = 'normal';
  protected restarting = false;
  protected offline = false;
  protected connected = false;
  protected lastContactAt: Date | null = null;
  protected offlineSince: Date | null = null;
  protected fatal: string | null = null;
  protected beatSoon = false;

  protected readonly keys = new KeyRing();
  protected keyViews: SigningKeyView[] = [];
  protected held: { doc: EntitlementsDocument; acceptedAt: Date } | null = null;
  /** The version of the last document received, valid or not: what the long-poll waits past. */
  protected lastSeenVersion: number | null = null;
  protected lastRefusal: SimSnapshot['lastRefusal'] = null;
  /** Read the document at once (after start, a restart or registering) instead of long-polling. */
  protected freshRead = true;

  protected readonly reports: Reports;
  protected readonly log: LogEntry[] = [];

  protected running = false;
  protected stopCtl = new AbortController();
  protected pollCtl: AbortController | null = null;
  protected loopDone: Promise<void> = Promise.resolve();
  protected heartbeatTimer: NodeJS.Timeout | null = null;
  protected tickTimer: NodeJS.Timeout | null = null;
  protected heartbeatInFlight: Promise<HeartbeatResult | null> | null = null;
  protected lastEmitted = '';
  protected lastCameraStates = new Map<number, { recording: boolean; remote: boolean }>();
  protected viewers: StreamViewer[] = [];
  protected lastGrantRefusal: SimSnapshot['lastGrantRefusal'] = null;

  constructor(protected readonly options: SimulatorOptions = {}) {
    super();
    this.url = (options.url ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
    this.type = options.type ?? 'recorder';
    this.model = options.model ?? (this.type === 'recorder' ? 'SIM-REC-8' : 'SIM-DCAM-1');
    this.opts = {
      heartbeatMs: options.heartbeatMs ?? 30_000,
      longPollSeconds: options.longPollSeconds ?? 25,
      retryMs: options.retryMs ?? 2_000,
      restartMs: options.restartMs ?? 1_500,
      tickMs: options.tickMs ?? 1_000,
      activity: options.activity ?? true,
      mac:
        options.mac ??
        randomBytes(6)
          .toString('hex')
          .replace(/(..)(?!$)/g, '$1:'),
    };
    this.now = options.now ?? (() => new Date());
    this.reports = new Reports(this.now);
    this.fetchFn = options.fetch ?? fetch;
    this.statePath = options.statePath ?? null;
    this.serial = options.serial ?? `SIM-${randomBytes(4).toString('hex').toUpperCase()}`;
    this.firmware = options.firmware ?? '1.0.0';
    const n = this.type === 'camera' ? 1 : Math.max(1, Math.min(64, options.cameras ?? 4));
    this.cameras = Array.from({ length: n }, (_, i) => ({
      channel: i + 1,
      model: this.type === 'camera' ? this.model : 'SIM-CAM-200',
      cameraId: null,
    }));
    this.loadState();
  }

  // ---------- what it shows ----------

  get snapshot(): SimSnapshot {
    const now = this.now();
    const payload = this.held?.doc.payload ?? null;
    const cameras = enforce(this.cameras, payload, now).map((c) =>
      this.restarting
        ? { ...c, hdmiLive: false, recording: false, remoteStreaming: false, reason: 'restarting' as const }
        : c,
    );
    return {
      now: now.toISOString(),
      url: this.url,
      type: this.type,
      serial: this.serial,
      model: this.model,
      firmware: this.firmware,
      deviceId: this.deviceId,
      status: this.status,
      connected: this.connected,
      link: this.offline
        ? 'offline'
        : this.connected
          ? 'connected'
          : this.offlineSince
            ? 'unreachable'
            : 'connecting',
      offline: this.offline,
      restarting: this.restarting,
      fatal: this.fatal,
      thumbnailCache: this.thumbnailCache,
      lastContactAt: this.lastContactAt?.toISOString() ?? null,
      entitlements: this.held
        ? {
            version: this.held.doc.payload.version,
            issuedAt: this.held.doc.payload.issuedAt,
            keyId: this.held.doc.keyId,
            acceptedAt: this.held.acceptedAt.toISOString(),
          }
        : null,
      lastRefusal: this.lastRefusal,
      cameras,
      viewers: this.viewers.filter((v) => cameras.find((c) => c.channel === v.channel)?.remoteStreaming),
      lastGrantRefusal: this.lastGrantRefusal,
      log: [...this.log],
    };
  }

  // ---------- state, log and flash ----------

  protected contact(): void {
    const now = this.now();
    if (!this.connected) {
      if (this.offlineSince) {
        const s = Math.round((now.getTime() - this.offlineSince.getTime()) / 1000);
        this.info(`server reachable again (after ${s} s)`);
        this.reports.log({
          kind: 'network',
          code: 'reconnected',
          message: `Server reachable again after ${s} s`,
        });
      } else {
        this.reports.log({ kind: 'network', code: 'connected', message: 'Connected to the server' });
      }
    }
    this.connected = true;
    this.offlineSince = null;
    this.lastContactAt = now;
  }

  protected lostContact(e: unknown): void {
    const why = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    if (this.connected || !this.offlineSince) {
      this.offlineSince = this.now();
      this.warn(
        `server out of reach (${why}); ${
          this.held
            ? 'enforcing the last valid document until its validUntil'
            : 'no valid document yet: recording stays off'
        }`,
      );
    }
    this.connected = false;
    this.changed();
  }

  protected sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const signal = this.stopCtl.signal;
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }

  protected push(level: LogEntry['level'], message: string): void {
    const entry = { at: this.now().toISOString(), level, message };
    this.log.push(entry);
    if (this.log.length > LOG_KEEP) this.log.splice(0, this.log.length - LOG_KEEP);
    this.emit('log', entry);
  }
  protected info(m: string) {
    this.push('info', m);
  }
  protected warn(m: string) {
    this.push('warn', m);
  }
  protected error(m: string) {
    this.push('error', m);
  }

  /** Emits `change` when what the device shows differs from the last emitted state. */
  protected changed(): SimSnapshot {
    const s = this.snapshot;
    for (const c of s.cameras) {
      const before = this.lastCameraStates.get(c.channel);
      if (before && before.recording !== c.recording && !s.restarting) {
        this.reports.event({
          type: c.recording ? 'recording_started' : 'recording_stopped',
          channel: c.channel,
          message: `Recording ${c.recording ? 'started' : 'stopped'}: ${c.reason}`,
        });
        this.info(`channel ${c.channel}: recording ${c.recording ? 'ON' : 'OFF'} (${c.reason})`);
      }
      if (!s.restarting)
        this.lastCameraStates.set(c.channel, { recording: c.recording, remote: c.remoteStreaming });
    }
    const key = JSON.stringify({ ...s, now: undefined, lastContactAt: undefined });
    if (key !== this.lastEmitted) {
      this.lastEmitted = key;
      this.emit('change', s);
    }
    return s;
  }

  protected loadState(): void {
    if (!this.statePath) return;
    const s = readState(this.statePath);
    if (!s) return;
    if (
      s.url !== this.url ||
      s.type !== this.type ||
      (this.options.serial && s.serial !== this.options.serial)
    ) {
      return; // another server or another device: start afresh (and overwrite on save)
    }
    this.serial = s.serial;
    this.deviceId = s.deviceId;
    this.credential = s.credential;
    this.firmware = s.firmware ?? this.firmware;
    this.thumbnailCache = !!s.thumbnailCache;
    if (this.type === 'recorder' && s.cameras.length >= this.cameras.length) {
      this.cameras = s.cameras.map((c) => ({ ...c }));
    } else {
      for (const c of this.cameras)
        c.cameraId = s.cameras.find((x) => x.channel === c.channel)?.cameraId ?? null;
    }
    // The saved document is obeyed only if it still verifies against the keys saved with it.
    if (s.document && s.keys?.length) {
      const ring = new KeyRing(s.keys);
      if (!checkDocument(s.document, ring, { deviceId: this.deviceId, heldVersion: null })) {
        this.keyViews = s.keys;
        this.keys.replace(s.keys);
        this.held = { doc: s.document, acceptedAt: this.now() };
        this.lastSeenVersion = s.document.payload.version;
      }
    }
  }

  protected saveState(): void {
    if (!this.statePath) return;
    const state: SavedState = {
      url: this.url,
      type: this.type,
      serial: this.serial,
      deviceId: this.deviceId,
      credential: this.credential,
      firmware: this.firmware,
      thumbnailCache: this.thumbnailCache,
      cameras: this.cameras.map((c) => ({ ...c })),
      document: this.held?.doc ?? null,
      keys: this.keyViews,
    };
    try {
      writeState(this.statePath, state);
    } catch (e) {
      this.warn(`could not save ${this.statePath}: ${(e as Error).message}`);
    }
  }
}
