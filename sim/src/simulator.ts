import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import type {
  DeviceRegistration,
  EntitlementsDocument,
  EntitlementsPayload,
  HeartbeatBody,
  HeartbeatResult,
  SigningKeyView,
} from '@lc/shared';
import { enforce, learnCameraIds, type CameraStatus, type SimCamera } from './enforce.js';
import { readState, writeState, type SavedState } from './state-file.js';
import { checkDocument, KeyRing, type Refusal } from './verify.js';
import { checkGrant, type GrantRefusal } from './grant.js';

export type DeviceKind = 'recorder' | 'camera';

export interface SimulatorOptions {
  /** Base URL of the License Console (default http://127.0.0.1:3000). */
  url?: string;
  /** The contract holder's e-mail and password: needed to register, not to reuse a saved credential. */
  email?: string;
  password?: string;
  type?: DeviceKind;
  /** Channels of a recorder (1..n); a camera-direct device has one. Default 4. */
  cameras?: number;
  serial?: string;
  model?: string;
  firmware?: string;
  mac?: string;
  /** Where the credential, camera ids and last valid document are kept; null = nowhere. */
  statePath?: string | null;
  /** Heartbeat interval; 0 = only when `heartbeatNow()` is called. Default 30 000. */
  heartbeatMs?: number;
  /** Long-poll timeout asked of the server (1–55). Default 25. */
  longPollSeconds?: number;
  /** Wait before trying again after the server could not be reached. Default 2 000. */
  retryMs?: number;
  /** How long a remote restart keeps the device down. Default 1 500. */
  restartMs?: number;
  /** How often the device re-checks validUntil against its clock. Default 1 000; 0 = only on `evaluate()`. */
  tickMs?: number;
  /** The device's own clock (tests move it). Default: the real time. */
  now?: () => Date;
  /** Random motion events on recording cameras with each heartbeat. Default true. */
  activity?: boolean;
  fetch?: typeof fetch;
}

export interface LogEntry {
  at: string;
  level: 'info' | 'warn' | 'error';
  message: string;
}

export interface SimSnapshot {
  /** The device's clock when the snapshot was taken. */
  now: string;
  url: string;
  type: DeviceKind;
  serial: string;
  model: string;
  firmware: string;
  deviceId: string | null;
  /** Reported with each heartbeat: normal, alarm, recorder_error. */
  status: string;
  /** The last request to the server got an answer. */
  connected: boolean;
  /** connecting (no answer yet), connected, unreachable (lost), offline (simulated cable pull). */
  link: 'connecting' | 'connected' | 'unreachable' | 'offline';
  offline: boolean;
  restarting: boolean;
  /** Why the simulator gave up (e.g. registration refused), or null while it runs. */
  fatal: string | null;
  thumbnailCache: boolean;
  lastContactAt: string | null;
  /** The document in force (verified), or null. */
  entitlements: { version: number; issuedAt: string; keyId: string; acceptedAt: string } | null;
  lastRefusal: { at: string; reason: Refusal; version: number | null } | null;
  cameras: CameraStatus[];
  /** Remote viewers let in with a verified stream grant, per camera (dropped when the camera may no longer stream). */
  viewers: StreamViewer[];
  /** The last stream grant refused, and why. */
  lastGrantRefusal: { at: string; reason: StreamRefusal; channel: number | null } | null;
  log: LogEntry[];
}

/** A remote viewer the device streams to, admitted by a verified stream grant (SPEC §8). */
export interface StreamViewer {
  channel: number;
  cameraId: string;
  mode: string;
  userId: string;
  grantId: string;
  openedAt: string;
}

/** Why the device refused to stream: the grant itself, or the camera's license (remote capability off). */
export type StreamRefusal = GrantRefusal | 'camera not licensed for remote use';

type HeartbeatEvent = NonNullable<HeartbeatBody['events']>[number] & { at: string };
type HeartbeatLog = NonNullable<HeartbeatBody['logs']>[number] & { at: string };
type CommandResult = NonNullable<HeartbeatBody['commandResults']>[number];
type Command = HeartbeatResult['commands'][number];

class Unauthorized extends Error {}
/** A problem that retrying cannot solve: the simulator stops and says why. */
class Fatal extends Error {}
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 300)}`);
  }
}

const MAX_BATCH = 100;
const LOG_KEEP = 50;
const clip = (s: string, n = 500) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/**
 * A simulated recorder (with cameras) or camera-direct camera. It registers (or reuses its saved
 * credential; re-registers when that is refused), long-polls its signed entitlements, verifies
 * each against the published keys and refuses unsigned or tampered ones, enforces the last valid
 * one per camera — until each camera's validUntil by its own clock when the server is out of
 * reach —, heartbeats with status, events, logs and command results, and runs the commands it
 * receives. Emits `change` (a SimSnapshot) whenever what it shows changes, and `log`.
 */
export class Simulator extends EventEmitter {
  readonly url: string;
  readonly type: DeviceKind;
  readonly model: string;
  private readonly opts: Required<
    Pick<
      SimulatorOptions,
      'heartbeatMs' | 'longPollSeconds' | 'retryMs' | 'restartMs' | 'tickMs' | 'activity' | 'mac'
    >
  >;
  private readonly now: () => Date;
  private readonly fetchFn: typeof fetch;
  private readonly statePath: string | null;

  private serial: string;
  private firmware: string;
  private deviceId: string | null = null;
  private credential: string | null = null;
  private cameras: SimCamera[];
  private thumbnailCache = false;
  private status = 'normal';
  private restarting = false;
  private offline = false;
  private connected = false;
  private lastContactAt: Date | null = null;
  private offlineSince: Date | null = null;
  private fatal: string | null = null;
  private beatSoon = false;

  private readonly keys = new KeyRing();
  private keyViews: SigningKeyView[] = [];
  private held: { doc: EntitlementsDocument; acceptedAt: Date } | null = null;
  /** The version of the last document received, valid or not: what the long-poll waits past. */
  private lastSeenVersion: number | null = null;
  private lastRefusal: SimSnapshot['lastRefusal'] = null;
  /** Read the document at once (after start, a restart or registering) instead of long-polling. */
  private freshRead = true;

  private events: HeartbeatEvent[] = [];
  private logs: HeartbeatLog[] = [];
  private results: CommandResult[] = [];
  private readonly log: LogEntry[] = [];

  private running = false;
  private stopCtl = new AbortController();
  private pollCtl: AbortController | null = null;
  private loopDone: Promise<void> = Promise.resolve();
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private tickTimer: NodeJS.Timeout | null = null;
  private heartbeatInFlight: Promise<HeartbeatResult | null> | null = null;
  private lastEmitted = '';
  private lastCameraStates = new Map<number, { recording: boolean; remote: boolean }>();
  private viewers: StreamViewer[] = [];
  private lastGrantRefusal: SimSnapshot['lastGrantRefusal'] = null;

  constructor(private readonly options: SimulatorOptions = {}) {
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

  // ---------- public surface ----------

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

  /** Connects and keeps going until `stop()`. Resolves at once; watch `change` or use `waitFor`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopCtl = new AbortController();
    this.freshRead = true;
    this.beatSoon = true;
    this.fatal = null;
    this.info(`${this.type} ${this.serial} (${this.cameras.length} camera(s)) → ${this.url}`);
    this.loopDone = this.connectionLoop();
    if (this.opts.heartbeatMs > 0) this.scheduleHeartbeat(this.opts.heartbeatMs);
    if (this.opts.tickMs > 0) {
      this.tickTimer = setInterval(() => this.evaluate(), this.opts.tickMs);
      this.tickTimer.unref();
    }
    this.changed();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopCtl.abort();
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    if (this.tickTimer) clearInterval(this.tickTimer);
    await this.loopDone;
    await this.heartbeatInFlight?.catch(() => undefined);
  }

  /**
   * A remote viewer presents a stream grant from the portal: the device verifies it (published
   * key, this device and camera, not expired by its own clock) and that the camera may stream
   * remotely under its entitlements, then "streams" to the viewer. Forged or expired grants are refused.
   */
  openStream(token: string): { ok: true; viewer: StreamViewer } | { ok: false; reason: StreamRefusal } {
    const now = this.now();
    const ids = new Set(this.cameras.map((c) => c.cameraId).filter((x): x is string => !!x));
    const r = checkGrant(token, this.keys, { deviceId: this.deviceId, cameraIds: ids, now });
    const refuse = (reason: StreamRefusal, channel: number | null) => {
      this.lastGrantRefusal = { at: now.toISOString(), reason, channel };
      this.warn(`refused a stream grant${channel ? ` for channel ${channel}` : ''}: ${reason}`);
      this.changed();
      return { ok: false as const, reason };
    };
    if (!r.ok) return refuse(r.reason, null);
    const cam = this.snapshot.cameras.find((c) => c.cameraId === r.payload.cameraId)!;
    if (!cam.remoteStreaming) return refuse('camera not licensed for remote use', cam.channel);
    const viewer: StreamViewer = {
      channel: cam.channel,
      cameraId: r.payload.cameraId,
      mode: r.payload.mode,
      userId: r.payload.userId,
      grantId: r.payload.grantId,
      openedAt: now.toISOString(),
    };
    this.viewers = [...this.viewers.filter((v) => v.grantId !== viewer.grantId), viewer].slice(-20);
    this.lastGrantRefusal = null;
    this.info(
      `channel ${cam.channel}: remote ${viewer.mode} viewer admitted (grant ${viewer.grantId.slice(0, 8)})`,
    );
    this.changed();
    return { ok: true, viewer };
  }

  /** Re-applies the held document at the device clock's current time (tests call it after moving the clock). */
  evaluate(): SimSnapshot {
    return this.changed();
  }

  /** Resolves with the first snapshot (now or after a change) that satisfies `test`; rejects after `timeoutMs`. */
  waitFor(test: (s: SimSnapshot) => boolean, timeoutMs = 5_000, what = 'condition'): Promise<SimSnapshot> {
    const first = this.snapshot;
    if (test(first)) return Promise.resolve(first);
    return new Promise((resolve, reject) => {
      const onChange = (s: SimSnapshot) => {
        if (!test(s)) return;
        clearTimeout(timer);
        this.off('change', onChange);
        resolve(s);
      };
      const timer = setTimeout(() => {
        this.off('change', onChange);
        const s = this.snapshot;
        reject(
          new Error(
            `simulator: ${what} not reached within ${timeoutMs} ms; last state: ${JSON.stringify({
              ...s,
              log: s.log.slice(-8),
            })}`,
          ),
        );
      }, timeoutMs);
      this.on('change', onChange);
    });
  }

  /** Simulates the network going away (or coming back): requests fail locally. */
  setOffline(offline: boolean): void {
    if (this.offline === offline) return;
    this.offline = offline;
    this.info(offline ? 'network cable pulled (simulated)' : 'network back');
    if (offline) this.pollCtl?.abort();
    this.changed();
  }

  /** Raises an alarm (status `alarm`) — cleared by an `alarm_reset` command. */
  raiseAlarm(channel?: number): void {
    this.status = 'alarm';
    this.queueEvent({ type: 'alarm', channel, message: 'Alarm input triggered' });
    this.warn(`alarm raised${channel ? ` on channel ${channel}` : ''}`);
    this.changed();
  }

  /** Puts the recorder in an error state (status `recorder_error`) — cleared by `error_recovery`. */
  raiseError(): void {
    this.status = 'recorder_error';
    this.queueLog({ kind: 'error', code: 'E-DISK-01', message: 'Recording disk write error' });
    this.warn('recorder error raised');
    this.changed();
  }

  /** A motion event on a camera, reported with the next heartbeat. */
  motion(channel: number): void {
    this.queueEvent({ type: 'motion', channel, message: 'Motion detected' });
  }

  /**
   * Raises an event on a camera (default: motion on the first camera) and reports it at once
   * with a heartbeat — so an event e-mail can be watched arriving in the development mailbox.
   */
  raiseEvent(type = 'motion', channel?: number): Promise<HeartbeatResult | null> {
    if (!/^[a-z_]{1,40}$/.test(type)) throw new Error(`event type "${type}" must be lowercase letters or _`);
    const ch = channel ?? this.cameras[0]?.channel ?? 1;
    if (this.type === 'recorder' && !this.cameras.some((c) => c.channel === ch))
      throw new Error(`no camera on channel ${ch}`);
    this.queueEvent({ type, channel: ch, message: `${type} raised from the simulator` });
    this.info(`event ${type} raised on channel ${ch}; reporting it now`);
    this.changed();
    return this.heartbeatNow();
  }

  /** A recorder gains a camera on the next free channel; its next heartbeat lists it. */
  addCamera(model = 'SIM-CAM-200'): number {
    if (this.type !== 'recorder') throw new Error('only a recorder has more cameras');
    const channel = Math.max(0, ...this.cameras.map((c) => c.channel)) + 1;
    if (channel > 256) throw new Error('no free channel');
    this.cameras.push({ channel, model, cameraId: null });
    this.info(`camera connected on channel ${channel}`);
    this.saveState();
    this.changed();
    return channel;
  }

  /**
   * Sends one heartbeat now (status, queued events, logs and command results; a recorder's camera
   * list) and runs the commands in the answer. Null when not registered or the server is out of reach.
   */
  heartbeatNow(): Promise<HeartbeatResult | null> {
    if (this.heartbeatInFlight) return this.heartbeatInFlight.then(() => this.heartbeatNow());
    const p = this.doHeartbeat().finally(() => {
      if (this.heartbeatInFlight === p) this.heartbeatInFlight = null;
    });
    this.heartbeatInFlight = p;
    return p;
  }

  // ---------- connection ----------

  private async connectionLoop(): Promise<void> {
    while (this.running) {
      try {
        if (!this.credential) await this.register();
        if (this.keys.size === 0) await this.fetchKeys();
        await this.pollOnce();
      } catch (e) {
        if (!this.running) break;
        if (e instanceof Unauthorized) {
          this.warn('the server refused the credential (401): registering again');
          this.credential = null;
          continue;
        }
        if (e instanceof Error && e.name === 'AbortError' && !this.offline) continue; // poll restarted
        if (e instanceof Fatal) {
          // Retrying would not help (and failed password checks count towards the account lock).
          this.fatal = e.message;
          this.error(e.message);
          this.running = false;
          this.changed();
          this.emit('fatal', e.message);
          break;
        }
        this.lostContact(e);
        await this.sleep(this.opts.retryMs);
      }
    }
  }

  private async register(): Promise<void> {
    const { email, password } = this.options;
    if (!email || !password) {
      throw new Fatal('no saved credential: --email and --password are needed to register');
    }
    const device: Record<string, unknown> = {
      type: this.type,
      serial: this.serial,
      model: this.model,
      mac: this.opts.mac,
      firmware: this.firmware,
    };
    if (this.type === 'recorder') {
      device.cameras = this.cameras.map((c) => ({ channel: c.channel, model: c.model }));
    }
    const r = await this.request('POST', '/api/device/register', { email, password, device }, false).catch(
      (e: unknown) => {
        if (e instanceof HttpError && e.status >= 400 && e.status < 500) {
          throw new Fatal(`registration refused: ${e.message}`);
        }
        throw e;
      },
    );
    const reg = (await r.json()) as DeviceRegistration;
    if (this.deviceId && this.deviceId !== reg.deviceId) {
      // A different device record (e.g. the old one was deleted): what we held was not ours.
      this.held = null;
      this.lastSeenVersion = null;
      for (const c of this.cameras) c.cameraId = null;
    }
    this.deviceId = reg.deviceId;
    this.credential = reg.credential;
    this.freshRead = true;
    for (const rc of reg.cameras) {
      const c = this.cameras.find((x) => x.channel === rc.channel);
      if (c) c.cameraId = rc.id;
    }
    this.info(`registered as device ${reg.deviceId}`);
    this.queueLog({ kind: 'network', code: 'registered', message: `Registered as ${reg.deviceId}` });
    this.saveState();
    this.changed();
  }

  private async fetchKeys(): Promise<void> {
    const r = await this.request('GET', '/api/device/keys', undefined, false);
    const keys = (await r.json()) as SigningKeyView[];
    this.keyViews = keys;
    this.keys.replace(keys);
    this.info(`fetched ${keys.length} published key(s): ${keys.map((k) => k.keyId).join(', ')}`);
  }

  private async pollOnce(): Promise<void> {
    const q =
      this.lastSeenVersion === null || this.freshRead
        ? ''
        : `?waitForVersion=${this.lastSeenVersion}&timeoutSeconds=${this.opts.longPollSeconds}`;
    this.pollCtl = new AbortController();
    let doc: unknown;
    try {
      const r = await this.request(
        'GET',
        `/api/device/entitlements${q}`,
        undefined,
        true,
        this.pollCtl.signal,
      );
      doc = await r.json();
      this.freshRead = false;
    } finally {
      this.pollCtl = null;
    }
    const accepted = await this.receive(doc);
    if (!accepted) await this.sleep(this.opts.retryMs); // never spin on a bad document
  }

  /** Verifies a received document; obeys it when genuine, else keeps the last valid one. */
  private async receive(doc: unknown): Promise<boolean> {
    const version = (doc as EntitlementsDocument | null)?.payload?.version;
    if (Number.isSafeInteger(version)) this.lastSeenVersion = version as number;
    const expect = { deviceId: this.deviceId, heldVersion: this.held?.doc.payload.version ?? null };
    let refusal = checkDocument(doc, this.keys, expect);
    if (refusal === 'unknown key') {
      // Perhaps the server rotated its key since we last looked.
      await this.fetchKeys();
      refusal = checkDocument(doc, this.keys, expect);
    }
    if (refusal) {
      this.lastRefusal = {
        at: this.now().toISOString(),
        reason: refusal,
        version: Number.isSafeInteger(version) ? (version as number) : null,
      };
      this.error(`entitlements refused (${refusal}); keeping the last valid document`);
      this.queueLog({
        kind: 'error',
        code: 'entitlements_refused',
        message: `Entitlements refused: ${refusal}`,
      });
      this.changed();
      return false;
    }
    this.accept(doc as EntitlementsDocument);
    return true;
  }

  private accept(doc: EntitlementsDocument): void {
    const previous = this.held?.doc.payload.version;
    this.held = { doc, acceptedAt: this.now() };
    this.lastSeenVersion = doc.payload.version;
    learnCameraIds(this.cameras, doc.payload);
    if (previous !== doc.payload.version) {
      const licensed = doc.payload.cameras.filter((c) => c.licensed).length;
      this.info(
        `entitlements v${doc.payload.version} verified (key ${doc.keyId}): ${licensed}/${doc.payload.cameras.length} camera(s) licensed`,
      );
    }
    this.saveState();
    this.contact();
    this.changed();
    if (this.beatSoon && this.opts.heartbeatMs > 0) {
      this.beatSoon = false; // the first heartbeat right after coming up, then on the interval
      this.scheduleHeartbeat(0);
    }
  }

  private async doHeartbeat(): Promise<HeartbeatResult | null> {
    if (!this.credential || this.restarting) return null;
    if (this.opts.activity) this.simulateActivity();
    const events = this.events.slice(0, MAX_BATCH);
    const logs = this.logs.slice(0, MAX_BATCH);
    const results = this.results.slice(0, MAX_BATCH);
    const body: HeartbeatBody = { status: this.status };
    if (this.type === 'recorder') {
      body.cameras = this.cameras.map((c) => ({ channel: c.channel, model: c.model }));
    }
    if (events.length) body.events = events;
    if (logs.length) body.logs = logs;
    if (results.length) body.commandResults = results;
    // Sent (or refused as invalid, which sending again would not change): drop what went out.
    const drop = () => {
      this.events.splice(0, events.length);
      this.logs.splice(0, logs.length);
      this.results.splice(0, results.length);
    };
    let res: HeartbeatResult;
    try {
      const r = await this.request('POST', '/api/device/heartbeat', body, true);
      res = (await r.json()) as HeartbeatResult;
    } catch (e) {
      if (e instanceof Unauthorized) {
        this.warn('heartbeat refused (401): registering again');
        this.credential = null;
        this.pollCtl?.abort();
      } else if (e instanceof HttpError && e.status >= 400 && e.status < 500) {
        this.error(`heartbeat refused: ${e.message}`);
        drop();
      } else {
        this.lostContact(e);
      }
      return null;
    }
    drop();
    this.contact();
    if (this.lastSeenVersion !== null && res.entitlementsVersion !== this.lastSeenVersion) {
      this.pollCtl?.abort(); // ask again at once instead of waiting out the long-poll
    }
    for (const c of res.commands) await this.execute(c);
    if (res.commands.length && this.opts.heartbeatMs > 0) this.scheduleHeartbeat(500);
    this.changed();
    return res;
  }

  private simulateActivity(): void {
    const recording = this.snapshot.cameras.filter((c) => c.recording);
    if (recording.length && Math.random() < 0.3) {
      this.motion(recording[Math.floor(Math.random() * recording.length)].channel);
    }
  }

  // ---------- commands ----------

  private async execute(c: Command): Promise<void> {
    this.info(`command ${c.kind} ${JSON.stringify(c.payload ?? {})}`);
    const done = (message: string) => this.results.push({ id: c.id, status: 'done', message: clip(message) });
    const failed = (message: string) => {
      this.results.push({ id: c.id, status: 'failed', message: clip(message) });
      this.warn(`command ${c.kind} failed: ${message}`);
    };
    switch (c.kind) {
      case 'restart': {
        this.restarting = true;
        this.queueLog({ kind: 'operation', code: 'restart', message: 'Restart requested remotely' });
        this.changed();
        await this.sleep(this.opts.restartMs);
        this.restarting = false;
        this.queueLog({ kind: 'operation', code: 'boot', message: `Started, firmware ${this.firmware}` });
        this.queueLog({
          kind: 'network',
          code: 'connected',
          message: 'Connected to the server after restart',
        });
        done('restarted');
        this.freshRead = true;
        this.pollCtl?.abort(); // re-read the entitlements, as after a boot
        break;
      }
      case 'firmware_update': {
        const v = c.payload?.version;
        if (v !== undefined && (typeof v !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(v))) {
          failed('payload.version: must be a version string');
          break;
        }
        const before = this.firmware;
        this.firmware = typeof v === 'string' ? v : bumpPatch(before);
        this.queueLog({
          kind: 'operation',
          code: 'firmware_update',
          message: `Firmware ${before} → ${this.firmware}`,
        });
        this.saveState();
        done(`firmware ${this.firmware}`);
        break;
      }
      case 'alarm_reset': {
        const was = this.status === 'alarm';
        if (was) this.status = 'normal';
        this.queueLog({ kind: 'operation', code: 'alarm_reset', message: 'Alarm reset remotely' });
        done(was ? 'alarm cleared' : 'no alarm was raised');
        break;
      }
      case 'error_recovery': {
        const was = this.status === 'recorder_error';
        if (was) this.status = 'normal';
        this.queueLog({ kind: 'operation', code: 'error_recovery', message: 'Error recovery run remotely' });
        done(was ? 'recovered' : 'no error to recover from');
        break;
      }
      case 'thumbnail_cache': {
        const enabled = c.payload?.enabled;
        if (typeof enabled !== 'boolean') {
          failed('payload.enabled: must be true or false');
          break;
        }
        this.thumbnailCache = enabled;
        // Bulk operations send the interval (minutes) with "on" (seed 001 §4.2.11).
        const interval = c.payload?.intervalMinutes;
        const every = enabled && typeof interval === 'number' ? `, every ${interval} min` : '';
        this.queueLog({
          kind: 'operation',
          code: 'thumbnail_cache',
          message: `Thumbnail cache ${enabled ? 'on' : 'off'}${every}`,
        });
        this.saveState();
        done(`thumbnail cache ${enabled ? 'on' : 'off'}${every}`);
        break;
      }
      default:
        failed(`unknown command kind "${c.kind}"`);
    }
    this.changed();
  }

  // ---------- plumbing ----------

  private async request(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    device: boolean,
    signal?: AbortSignal,
  ): Promise<Response> {
    if (this.offline) throw new Error('network unreachable (simulated)');
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (device) headers.authorization = `Device ${this.credential}`;
    const timeout = AbortSignal.timeout((this.opts.longPollSeconds + 15) * 1000);
    const r = await this.fetchFn(this.url + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.any([this.stopCtl.signal, timeout, ...(signal ? [signal] : [])]),
    });
    if (r.status === 401 && device) throw new Unauthorized('401');
    if (!r.ok) throw new HttpError(r.status, await r.text().catch(() => ''));
    return r;
  }

  private contact(): void {
    const now = this.now();
    if (!this.connected) {
      if (this.offlineSince) {
        const s = Math.round((now.getTime() - this.offlineSince.getTime()) / 1000);
        this.info(`server reachable again (after ${s} s)`);
        this.queueLog({
          kind: 'network',
          code: 'reconnected',
          message: `Server reachable again after ${s} s`,
        });
      } else {
        this.queueLog({ kind: 'network', code: 'connected', message: 'Connected to the server' });
      }
    }
    this.connected = true;
    this.offlineSince = null;
    this.lastContactAt = now;
  }

  private lostContact(e: unknown): void {
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

  private scheduleHeartbeat(ms: number): void {
    if (!this.running) return;
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = setTimeout(() => {
      void this.heartbeatNow().finally(() => this.scheduleHeartbeat(this.opts.heartbeatMs));
    }, ms);
  }

  private sleep(ms: number): Promise<void> {
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

  private queueEvent(e: Omit<HeartbeatEvent, 'at'>): void {
    const ev: HeartbeatEvent = { type: e.type, at: this.now().toISOString() };
    if (e.channel !== undefined) ev.channel = e.channel;
    if (e.message !== undefined) ev.message = clip(e.message);
    this.events.push(ev);
    if (this.events.length > 1000) this.events.splice(0, this.events.length - 1000);
  }

  private queueLog(l: Omit<HeartbeatLog, 'at'>): void {
    this.logs.push({ ...l, at: this.now().toISOString(), message: clip(l.message) });
    if (this.logs.length > 1000) this.logs.splice(0, this.logs.length - 1000);
  }

  private push(level: LogEntry['level'], message: string): void {
    const entry = { at: this.now().toISOString(), level, message };
    this.log.push(entry);
    if (this.log.length > LOG_KEEP) this.log.splice(0, this.log.length - LOG_KEEP);
    this.emit('log', entry);
  }
  private info(m: string) {
    this.push('info', m);
  }
  private warn(m: string) {
    this.push('warn', m);
  }
  private error(m: string) {
    this.push('error', m);
  }

  /** Emits `change` when what the device shows differs from the last emitted state. */
  private changed(): SimSnapshot {
    const s = this.snapshot;
    for (const c of s.cameras) {
      const before = this.lastCameraStates.get(c.channel);
      if (before && before.recording !== c.recording && !s.restarting) {
        this.queueEvent({
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

  private loadState(): void {
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

  private saveState(): void {
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

function bumpPatch(v: string): string {
  const m = /^(.*?)(\d+)$/.exec(v);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${v}.1`;
}

export type { CameraStatus, SimCamera, EntitlementsPayload };
