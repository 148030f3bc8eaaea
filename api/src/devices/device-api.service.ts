import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  capabilitiesFor,
  type EntitlementsDocument,
  type EntitlementsPayload,
  type HeartbeatResult,
} from '@lc/shared';
import { AppConfig } from '../common/config/config.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { boundValid } from '../licenses/validity.js';
import { AppError } from '../common/errors/app-error.js';
import type { AuthDevice } from './credentials.js';
import type { HeartbeatDto } from './dto/register-device.dto.js';
import { signPayload } from './entitlements-signature.js';
import { SigningKeysService } from './signing-keys.service.js';
import { EntitlementsNotifier } from './entitlements-notifier.js';
import { EntitlementsCache, type CachedEntitlements } from './entitlements-cache.js';
import { BindingService } from '../licenses/binding.service.js';
import { DeviceRegistrationService } from './registration.service.js';
import { EventMailService } from '../events/event-mail.service.js';
import { TelemetryIntakeService } from './telemetry-intake.service.js';
import { CommandsService } from './commands.service.js';

export const COMMUNICATION_ERROR = 'communication_error';

/** What a device asks for with its credential: signed entitlements, heartbeats; and the liveness job. */
@Injectable()
export class DeviceApiService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly keys: SigningKeysService,
    private readonly config: AppConfig,
    private readonly notifier: EntitlementsNotifier,
    private readonly binding: BindingService,
    private readonly registration: DeviceRegistrationService,
    private readonly cache: EntitlementsCache,
    private readonly eventMail: EventMailService,
    private readonly telemetry: TelemetryIntakeService,
    private readonly commands: CommandsService,
  ) {}

  /**
   * Long-poll: returns once the device's entitlements version differs from `knownVersion`
   * (at once if it already does), or after `timeoutMs` with the unchanged document — from the
   * same cache as `entitlements`.
   */
  async entitlementsAfter(
    device: AuthDevice,
    knownVersion: number,
    timeoutMs: number,
  ): Promise<CachedEntitlements> {
    return this.notifier.track(async () => {
      const waiter = await this.notifier.waitFor(device.deviceId, timeoutMs);
      let version: number | undefined;
      try {
        const [d] = await rows<{ entitlements_version: string }>(
          this.ds.manager,
          `SELECT entitlements_version FROM device WHERE id = $1 AND deleted_at IS NULL`,
          [device.deviceId],
        );
        version = d ? Number(d.entitlements_version) : undefined;
        if (version === knownVersion && (await waiter.changed)) version = undefined;
      } finally {
        waiter.cancel();
      }
      return this.entitlements({ ...device, entitlementsVersion: version });
    });
  }

  /**
   * The device's signed document (per camera: licensed — a bound license valid now, `ends_at >=
   * now` —, valid until, §3 capabilities). Signed once per (device, version, key) and then served
   * from the cache while the version (from the guard's credential lookup, or read here) stays the
   * same and no licensed camera's `validUntil` has passed.
   */
  async entitlements(device: AuthDevice): Promise<CachedEntitlements> {
    const now = this.clock.now();
    const key = await this.keys.current();
    let version = device.entitlementsVersion;
    if (version === undefined) {
      const [d] = await rows<{ entitlements_version: string }>(
        this.ds.manager,
        `SELECT entitlements_version FROM device WHERE id = $1 AND deleted_at IS NULL`,
        [device.deviceId],
      );
      if (!d) throw AppError.notFound('Device');
      version = Number(d.entitlements_version);
    }
    const hit = this.cache.get(device.deviceId, version, key.keyId, now);
    if (hit) return hit;
    // One statement: the version and the cameras come from the same snapshot.
    const r = await rows<{ entitlements_version: string; camera_id: string | null; ends_at: Date | null }>(
      this.ds.manager,
      `SELECT d.entitlements_version, c.id AS camera_id, l.ends_at
         FROM device d
         LEFT JOIN camera c ON c.device_id = d.id AND c.deleted_at IS NULL
         LEFT JOIN license l ON l.camera_id = c.id AND ${boundValid('l', '$2')}
        WHERE d.id = $1 AND d.deleted_at IS NULL
        ORDER BY c.channel`,
      [device.deviceId, now],
    );
    if (!r.length) throw AppError.notFound('Device');
    const cams = r.filter((c) => c.camera_id !== null).map((c) => ({ id: c.camera_id!, ends_at: c.ends_at }));
    // Built literally, keys in the documented order: the signature covers these exact bytes.
    const payload: EntitlementsPayload = {
      deviceId: device.deviceId,
      issuedAt: now.toISOString(),
      version: Number(r[0].entitlements_version),
      cameras: cams.map((c) => ({
        cameraId: c.id,
        licensed: c.ends_at !== null,
        validUntil: c.ends_at ? c.ends_at.toISOString() : null,
        capabilities: capabilitiesFor(c.ends_at !== null),
      })),
    };
    const doc: EntitlementsDocument = {
      payload,
      signature: signPayload(payload, key.privateKey),
      keyId: key.keyId,
    };
    const entry: CachedEntitlements = {
      deviceId: device.deviceId,
      version: payload.version,
      keyId: key.keyId,
      body: JSON.stringify(doc),
      issuedAt: now.getTime(),
      freshUntil: Math.min(Infinity, ...cams.filter((c) => c.ends_at).map((c) => c.ends_at!.getTime())),
    };
    this.cache.put(entry);
    return entry;
  }

  /**
   * Records that the device is alive (and its status); a device coming back from
   * "communication error" gets an `online` connection event. Stores the events and logs it
   * reports (logs trimmed per kind to SPEC §8's sizes), registers cameras a recorder reports for
   * the first time, records command results, and hands out pending commands once (marked
   * delivered; a firmware update only once its reserved time has come).
   */
  async heartbeat(device: AuthDevice, dto: HeartbeatDto): Promise<HeartbeatResult> {
    return this.ds.transaction(async (em) => {
      const now = this.clock.now();
      // The binding lock first (as registration takes it), before the device row: no deadlock.
      if (dto.cameras?.length) await this.binding.lockCustomer(em, device.customerId);
      const [d] = await rows<{ previous: string; entitlements_version: string }>(
        em,
        `UPDATE device d SET last_seen_at = $2, status = $3, updated_at = $2
           FROM (SELECT id, status FROM device WHERE id = $1 AND deleted_at IS NULL FOR UPDATE) old
          WHERE d.id = old.id
          RETURNING old.status AS previous, d.entitlements_version`,
        [device.deviceId, now, dto.status],
      );
      if (!d) throw AppError.notFound('Device');
      if (d.previous === COMMUNICATION_ERROR) {
        await em.query(
          `INSERT INTO device_connection_event (device_id, customer_id, at, kind, status) VALUES ($1, $2, $3, 'online', $4)`,
          [device.deviceId, device.customerId, now, dto.status],
        );
      }
      let version = Number(d.entitlements_version);
      if (dto.cameras?.length) {
        const added = await this.registration.addReportedCameras(
          em,
          device.deviceId,
          device.customerId,
          dto.cameras,
          now,
        );
        // New cameras bumped the version: the device should fetch its document again.
        if (added) {
          const [v] = await rows<{ entitlements_version: string }>(
            em,
            `SELECT entitlements_version FROM device WHERE id = $1`,
            [device.deviceId],
          );
          version = Number(v.entitlements_version);
        }
      }
      if (dto.events?.length) {
        // Licensed cameras' events only, never later than now (TelemetryIntakeService.recordEvents).
        const stored = await this.telemetry.recordEvents(em, device, dto.events, now);
        // Event e-mails, in this transaction (it holds the device row: one at a time per camera).
        await this.eventMail.notify(
          em,
          stored.map((e) => ({
            id: e.id,
            deviceId: device.deviceId,
            cameraId: e.camera_id,
            type: e.type,
            at: e.at,
          })),
        );
      }
      if (dto.logs?.length) await this.telemetry.recordLogs(em, device, dto.logs, now);
      if (dto.commandResults?.length) {
        await this.commands.recordResults(em, device.deviceId, dto.commandResults, now);
      }
      const commands = await this.commands.deliverDue(em, device.deviceId, now);
      return { commands, entitlementsVersion: version };
    });
  }

  /**
   * The `device-liveness` job: devices silent for longer than DEVICE_LIVENESS_MINUTES go to
   * "communication error", with a connection event. Safe to run twice (only a status change
   * writes an event).
   */
  async markSilent(now: Date): Promise<{ markedSilent: number }> {
    const cutoff = new Date(now.getTime() - this.config.deviceLivenessMinutes * 60_000);
    const r = await this.ds.transaction(async (em) => {
      const silent = await rows<{ id: string; customer_id: string }>(
        em,
        `UPDATE device SET status = $2, updated_at = $3
          WHERE deleted_at IS NULL AND status <> $2 AND last_seen_at < $1
          RETURNING id, customer_id`,
        [cutoff, COMMUNICATION_ERROR, now],
      );
      if (silent.length) {
        await em.query(
          `INSERT INTO device_connection_event (device_id, customer_id, at, kind)
           SELECT unnest($1::uuid[]), unnest($2::uuid[]), $3, 'communication_error'`,
          [silent.map((s) => s.id), silent.map((s) => s.customer_id), now],
        );
      }
      return silent.length;
    });
    return { markedSilent: r };
  }
}
