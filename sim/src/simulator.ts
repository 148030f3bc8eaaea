import type {
  DeviceRegistration,
  EntitlementsDocument,
  EntitlementsPayload,
  HeartbeatBody,
  HeartbeatResult,
  SigningKeyView,
} from '@lc/shared';
import { runCommand } from './commands.js';
import { DeviceState } from './device-state.js';
import { learnCameraIds, type CameraStatus, type SimCamera } from './enforce.js';
import { checkDocument } from './verify.js';
import { checkGrant } from './grant.js';
import { deviceRequest, Fatal, HttpError, Unauthorized } from './http.js';
import type { Command, SimSnapshot, StreamRefusal, StreamViewer } from './types.js';

export type * from './types.js';

/**
 * A simulated recorder (with cameras) or camera-direct camera. It registers (or reuses its saved
 * credential; re-registers when that is refused), long-polls its signed entitlements, verifies
 * each against the published keys and refuses unsigned or tampered ones, enforces the last valid
 * one per camera — until each camera's validUntil by its own clock when the server is out of
 * reach —, heartbeats with status, events, logs and command results, and runs the commands it
 * receives. Emits `change` (a SimSnapshot) whenever what it shows changes, and `log`.
 */
export class Simulator extends DeviceState {
  // ---------- public surface ----------

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
    this.reports.event({ type: 'alarm', channel, message: 'Alarm input triggered' });
    this.warn(`alarm raised${channel ? ` on channel ${channel}` : ''}`);
    this.changed();
  }

  /** Puts the recorder in an error state (status `recorder_error`) — cleared by `error_recovery`. */
  raiseError(): void {
    this.status = 'recorder_error';
    this.reports.log({ kind: 'error', code: 'E-DISK-01', message: 'Recording disk write error' });
    this.warn('recorder error raised');
    this.changed();
  }

  /** A motion event on a camera, reported with the next heartbeat. */
  motion(channel: number): void {
    this.reports.event({ type: 'motion', channel, message: 'Motion detected' });
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
    this.reports.event({ type, channel: ch, message: `${type} raised from the simulator` });
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
    this.reports.log({ kind: 'network', code: 'registered', message: `Registered as ${reg.deviceId}` });
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
      this.reports.log({
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
    // Sent (or refused as invalid, which sending again would not change): drop() what went out.
    const { events, logs, results, drop } = this.reports.next();
    const body: HeartbeatBody = { status: this.status };
    if (this.type === 'recorder') {
      body.cameras = this.cameras.map((c) => ({ channel: c.channel, model: c.model }));
    }
    if (events.length) body.events = events;
    if (logs.length) body.logs = logs;
    if (results.length) body.commandResults = results;
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
    if (c.kind === 'restart') {
      this.restarting = true;
      this.reports.log({ kind: 'operation', code: 'restart', message: 'Restart requested remotely' });
      this.changed();
      await this.sleep(this.opts.restartMs);
      this.restarting = false;
      this.reports.log({ kind: 'operation', code: 'boot', message: `Started, firmware ${this.firmware}` });
      this.reports.log({
        kind: 'network',
        code: 'connected',
        message: 'Connected to the server after restart',
      });
      this.reports.result(c.id, 'done', 'restarted');
      this.freshRead = true;
      this.pollCtl?.abort(); // re-read the entitlements, as after a boot
    } else {
      const o = runCommand(c, {
        status: this.status,
        firmware: this.firmware,
        thumbnailCache: this.thumbnailCache,
      });
      for (const l of o.logs) this.reports.log(l);
      this.status = o.set.status ?? this.status;
      this.firmware = o.set.firmware ?? this.firmware;
      this.thumbnailCache = o.set.thumbnailCache ?? this.thumbnailCache;
      if (o.save) this.saveState();
      this.reports.result(c.id, o.status, o.message);
      if (o.status === 'failed') this.warn(`command ${c.kind} failed: ${o.message}`);
    }
    this.changed();
  }

  // ---------- plumbing ----------

  private request(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    device: boolean,
    signal?: AbortSignal,
  ): Promise<Response> {
    const { url, fetchFn, offline, credential } = this;
    const ctx = { url, fetchFn, offline, credential, longPollSeconds: this.opts.longPollSeconds };
    return deviceRequest({ ...ctx, stopSignal: this.stopCtl.signal }, method, path, body, device, signal);
  }

  private scheduleHeartbeat(ms: number): void {
    if (!this.running) return;
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = setTimeout(() => {
      void this.heartbeatNow().finally(() => this.scheduleHeartbeat(this.opts.heartbeatMs));
    }, ms);
  }
}

export type { CameraStatus, SimCamera, EntitlementsPayload };
