import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  capabilitiesFor,
  daysLeft,
  DIRECT_CAMERA_LIMIT,
  ErrorCode,
  isLicenseValid,
  type CameraView,
  type DeletionImpact,
  type DeviceRegistration,
  type DeviceType,
  type DeviceView,
  type LicenseKind,
} from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import {
  CREDENTIAL_COLUMNS,
  CredentialCheck,
  toCredentialUser,
  type CredentialUser,
} from '../auth/credential-check.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { mapUniqueViolations } from '../common/database/unique-violation.js';
import { AppError } from '../common/errors/app-error.js';
import { refuseInProxy } from '../accounts/actor.js';
import { BindingService } from '../licenses/binding.service.js';
import { bumpEntitlementsVersion } from '../licenses/entitlements-version.js';
import { boundValid, endedAt } from '../licenses/validity.js';
import { newCredential } from './credentials.js';
import type { CameraSpecDto, DeviceSpecDto, RegisterDeviceDto } from './dto/register-device.dto.js';
import type { TransferLicenseDto, UpdateCameraDto } from './dto/device.dto.js';
import { moveSharingOnExchange, removeSharingOfDevices } from '../customers/shared-access.js';

interface DeviceRow {
  id: string;
  customer_id: string;
  type: DeviceType;
  serial: string;
  model: string;
  mac: string;
  firmware: string;
  name: string | null;
  status: string;
  last_seen_at: Date | null;
  created_at: Date;
  deleted_at: Date | null;
}

interface CameraRow {
  id: string;
  device_id: string;
  channel: number;
  model: string;
  kind: LicenseKind;
  name: string | null;
  do_not_license: boolean;
  lapsed_at: Date | null;
  /** The latest end of a license this camera had (the lapse time before the sweep records it). */
  last_ended_at: Date | null;
  registered_at: Date;
  license_id: string | null;
  ends_at: Date | null;
}

const iso = (d: Date) => d.toISOString();

const SERIAL_TAKEN = {
  device_serial_key: () =>
    AppError.conflict(ErrorCode.DEVICE_SERIAL_TAKEN, 'serial: is registered to another device', {
      field: 'serial',
    }),
};

/** Cameras of a device as declared: a recorder's list, or the one camera of a camera-direct device. */
function declaredCameras(type: DeviceType, spec: DeviceSpecDto): CameraSpecDto[] {
  if (type === 'camera') return [{ channel: 1, model: spec.model }];
  const list = spec.cameras ?? [];
  const seen = new Set<number>();
  for (const c of list) {
    if (seen.has(c.channel)) {
      throw AppError.badRequest(
        ErrorCode.DUPLICATE_CHANNEL,
        `cameras: channel ${c.channel} is listed twice`,
        {
          field: 'cameras',
        },
      );
    }
    seen.add(c.channel);
  }
  return list;
}

/**
 * Registration, the customer's device tree, camera settings, license transfer, device deletion
 * and exchange. One transaction per use case; binding happens in the same transaction.
 */
@Injectable()
export class DevicesService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly credentials: CredentialCheck,
    private readonly binding: BindingService,
    private readonly audit: AuditService,
  ) {}

  // ---------- registration ----------

  /** The contract holder's e-mail and password, through the one credential gate (SPEC §5). */
  private checkHolder(email: string, password: string, ip: string | null): Promise<string> {
    return this.credentials.run<CredentialUser & { customerId: string }, string>(
      {
        find: async (em) => {
          const [u] = await rows<Record<string, unknown>>(
            em,
            `SELECT ${CREDENTIAL_COLUMNS}, u.customer_id
               FROM app_user u JOIN customer c ON c.id = u.customer_id
              WHERE lower(u.email) = lower($1) AND u.role = 'customer' AND u.active AND c.deactivated_at IS NULL
              FOR UPDATE OF u`,
            [email],
          );
          return u ? { ...toCredentialUser(u), customerId: u.customer_id as string } : null;
        },
        unknownKey: email,
        password,
        ip,
        field: 'email',
        invalid: () => AppError.unauthorized(ErrorCode.INVALID_CREDENTIALS, 'email or password is wrong'),
      },
      async (_em, u) => u.customerId,
    );
  }

  /**
   * A device registers with the contract holder's e-mail and password. The same serial again
   * for the same customer is idempotent (same device and camera ids, new cameras added) and
   * issues a fresh credential, which invalidates the old one.
   */
  async register(dto: RegisterDeviceDto, ip: string | null = null): Promise<DeviceRegistration> {
    const customerId = await this.checkHolder(dto.email, dto.password, ip);
    const spec = dto.device;
    const cams = declaredCameras(spec.type, spec);
    return mapUniqueViolations(
      () =>
        this.ds.transaction(async (em) => {
          await this.binding.lockCustomer(em, customerId);
          const now = this.clock.now();
          const { credential, hash } = newCredential();
          const [existing] = await rows<DeviceRow>(
            em,
            `SELECT * FROM device WHERE serial = $1 AND deleted_at IS NULL FOR UPDATE`,
            [spec.serial],
          );
          let deviceId: string;
          if (existing) {
            if (existing.customer_id !== customerId || existing.type !== spec.type) {
              throw SERIAL_TAKEN.device_serial_key();
            }
            deviceId = existing.id;
            await em.query(
              `UPDATE device SET model = $2, mac = $3, firmware = $4, credential_hash = $5, last_seen_at = $6,
                                 updated_at = $6
                WHERE id = $1`,
              [deviceId, spec.model, spec.mac, spec.firmware, hash, now],
            );
          } else {
            if (spec.type === 'camera') await this.assertDirectRoom(em, customerId, 1);
            const [d] = await rows<{ id: string }>(
              em,
              `INSERT INTO device (customer_id, type, serial, model, mac, firmware, credential_hash, status,
                                   last_seen_at, created_at, updated_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, 'online', $8, $8, $8) RETURNING id`,
              [customerId, spec.type, spec.serial, spec.model, spec.mac, spec.firmware, hash, now],
            );
            deviceId = d.id;
            await em.query(
              `INSERT INTO device_connection_event (device_id, customer_id, at, kind) VALUES ($1, $2, $3, 'registered')`,
              [deviceId, customerId, now],
            );
          }
          await this.addCameras(
            em,
            deviceId,
            customerId,
            spec.type === 'camera' ? 'direct' : 'edge',
            cams,
            now,
          );
          await this.audit.record(em, null, {
            action: existing ? 'devices.reregistered' : 'devices.registered',
            targetType: 'device',
            targetId: deviceId,
            customerId,
            after: { serial: spec.serial, type: spec.type, cameras: cams.length },
          });
          await this.binding.bindFree(em, customerId);
          return { deviceId, credential, cameras: await this.cameraIds(em, deviceId) };
        }),
      SERIAL_TAKEN,
    );
  }

  /**
   * A recorder's heartbeat lists its cameras: channels not known yet are registered (and get a
   * license from the pool). The caller holds the customer's binding lock. Returns how many were new.
   */
  async addReportedCameras(
    em: EntityManager,
    deviceId: string,
    customerId: string,
    cams: CameraSpecDto[],
    now: Date,
  ): Promise<number> {
    const [d] = await rows<{ type: DeviceType }>(
      em,
      `SELECT type FROM device WHERE id = $1 AND deleted_at IS NULL`,
      [deviceId],
    );
    if (!d) throw AppError.notFound('Device');
    if (d.type !== 'recorder') throw AppError.validation('cameras', 'only a recorder reports cameras');
    const declared = declaredCameras('recorder', { cameras: cams } as DeviceSpecDto);
    const known = await rows<{ channel: number }>(
      em,
      `SELECT channel FROM camera WHERE device_id = $1 AND deleted_at IS NULL`,
      [deviceId],
    );
    const have = new Set(known.map((k) => k.channel));
    const fresh = declared.filter((c) => !have.has(c.channel));
    if (!fresh.length) return 0;
    await this.addCameras(em, deviceId, customerId, 'edge', fresh, now);
    await this.audit.record(em, null, {
      action: 'devices.cameras_added',
      targetType: 'device',
      targetId: deviceId,
      customerId,
      after: { channels: fresh.map((c) => c.channel) },
    });
    await bumpEntitlementsVersion(em, [deviceId], now);
    await this.binding.bindFree(em, customerId);
    return fresh.length;
  }

  private async assertDirectRoom(em: EntityManager, customerId: string, adding: number, except?: string) {
    const [r] = await rows<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM camera
        WHERE customer_id = $1 AND kind = 'direct' AND deleted_at IS NULL AND device_id IS DISTINCT FROM $2::uuid`,
      [customerId, except ?? null],
    );
    if (r.n + adding > DIRECT_CAMERA_LIMIT) {
      throw AppError.conflict(
        ErrorCode.DIRECT_CAMERA_LIMIT,
        `device: at most ${DIRECT_CAMERA_LIMIT} camera-direct cameras per customer`,
        { field: 'device', limit: DIRECT_CAMERA_LIMIT },
      );
    }
  }

  /** Adds the channels not there yet (existing ones keep their ids; their model is updated). */
  private async addCameras(
    em: EntityManager,
    deviceId: string,
    customerId: string,
    kind: LicenseKind,
    cams: CameraSpecDto[],
    now: Date,
  ): Promise<void> {
    for (const c of cams) {
      await em.query(
        `INSERT INTO camera (device_id, customer_id, channel, model, kind, registered_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (device_id, channel) DO UPDATE SET model = EXCLUDED.model`,
        [deviceId, customerId, c.channel, c.model, kind, now],
      );
    }
  }

  private cameraIds(em: EntityManager, deviceId: string): Promise<Array<{ id: string; channel: number }>> {
    return rows<{ id: string; channel: number }>(
      em,
      `SELECT id, channel FROM camera WHERE device_id = $1 AND deleted_at IS NULL ORDER BY channel`,
      [deviceId],
    );
  }

  // ---------- read models ----------

  /** Whose devices the caller may see: the customer its own; a dealer one of its customers. */
  async customerScope(user: AuthUser, customerId: string | undefined): Promise<string> {
    if (user.role === 'customer' || user.role === 'shared_user') return user.customerId!;
    if (!customerId) throw AppError.validation('customerId', 'is required for a dealer');
    const [c] = await rows<{ id: string }>(
      this.ds.manager,
      `SELECT id FROM customer WHERE id = $1 AND dealer_id = $2`,
      [customerId, user.dealerId],
    );
    if (!c) throw AppError.notFound('Customer');
    return c.id;
  }

  async list(customerId: string, deviceId?: string): Promise<DeviceView[]> {
    const em = this.ds.manager;
    const now = this.clock.now();
    const devices = await rows<DeviceRow>(
      em,
      `SELECT * FROM device WHERE customer_id = $1 AND deleted_at IS NULL AND ($2::uuid IS NULL OR id = $2)
        ORDER BY created_at, id`,
      [customerId, deviceId ?? null],
    );
    const cameras = await this.cameraRows(em, customerId, now, { deviceIds: devices.map((d) => d.id) });
    return devices.map((d) => ({
      id: d.id,
      customerId: d.customer_id,
      type: d.type,
      serial: d.serial,
      model: d.model,
      mac: d.mac,
      firmware: d.firmware,
      name: d.name,
      status: d.status,
      lastSeenAt: d.last_seen_at ? iso(d.last_seen_at) : null,
      createdAt: iso(d.created_at),
      cameras: cameras.filter((c) => c.device_id === d.id).map((c) => cameraView(c, now)),
    }));
  }

  async device(customerId: string, deviceId: string): Promise<DeviceView> {
    const [d] = await this.list(customerId, deviceId);
    if (!d) throw AppError.notFound('Device');
    return d;
  }

  async camera(customerId: string, cameraId: string): Promise<CameraView> {
    const now = this.clock.now();
    const [c] = await this.cameraRows(this.ds.manager, customerId, now, { cameraId });
    if (!c) throw AppError.notFound('Camera');
    return cameraView(c, now);
  }

  private cameraRows(
    em: EntityManager,
    customerId: string,
    now: Date,
    by: { deviceIds?: string[]; cameraId?: string },
  ): Promise<CameraRow[]> {
    return rows<CameraRow>(
      em,
      `SELECT c.*, l.id AS license_id, l.ends_at,
              (SELECT max(e.ends_at) FROM license e
                WHERE e.camera_id = c.id AND e.state IN ('bound', 'expired') AND ${endedAt('e.ends_at', '$2')}) AS last_ended_at
         FROM camera c
         LEFT JOIN license l ON l.camera_id = c.id AND ${boundValid('l', '$2')}
        WHERE c.customer_id = $1 AND c.deleted_at IS NULL
          AND ($3::uuid[] IS NULL OR c.device_id = ANY($3::uuid[]))
          AND ($4::uuid IS NULL OR c.id = $4)
        ORDER BY c.device_id, c.channel`,
      [customerId, now, by.deviceIds ?? null, by.cameraId ?? null],
    );
  }

  // ---------- camera settings ----------

  /**
   * Rename and "do not license". Marking a camera does not unbind its license (auto-binding
   * skips it from then on; transfer the license to free it); unmarking runs auto-binding.
   */
  async updateCamera(user: AuthUser, cameraId: string, dto: UpdateCameraDto): Promise<CameraView> {
    const customerId = user.customerId!;
    await this.ds.transaction(async (em) => {
      await this.binding.lockCustomer(em, customerId);
      const [c] = await rows<{ id: string; device_id: string; name: string | null; do_not_license: boolean }>(
        em,
        `SELECT id, device_id, name, do_not_license FROM camera
          WHERE id = $1 AND customer_id = $2 AND deleted_at IS NULL FOR UPDATE`,
        [cameraId, customerId],
      );
      if (!c) throw AppError.notFound('Camera');
      const name = dto.name ?? c.name;
      const dnl = dto.doNotLicense ?? c.do_not_license;
      await em.query(`UPDATE camera SET name = $2, do_not_license = $3 WHERE id = $1`, [cameraId, name, dnl]);
      if (dnl !== c.do_not_license) {
        await bumpEntitlementsVersion(em, [c.device_id], this.clock.now());
        if (!dnl) await this.binding.bindFree(em, customerId);
      }
      await this.audit.record(em, user, {
        action: 'cameras.updated',
        targetType: 'camera',
        targetId: cameraId,
        customerId,
        before: { name: c.name, doNotLicense: c.do_not_license },
        after: { name, doNotLicense: dnl },
      });
    });
    return this.camera(customerId, cameraId);
  }

  // ---------- transfer ----------

  /** Moves a bound valid license to another camera of the same kind of the same customer. */
  async transfer(user: AuthUser, licenseId: string, dto: TransferLicenseDto) {
    const customerId = user.customerId!;
    return mapUniqueViolations(
      () =>
        this.ds.transaction(async (em) => {
          // Ended licenses (also one still marked bound on the target) are expired first, by the
          // customer's binding batch (lapse and auto-assignment notices included).
          await this.binding.bindFree(em, customerId);
          const now = this.clock.now();
          const [l] = await rows<{
            id: string;
            kind: LicenseKind;
            state: string;
            camera_id: string | null;
            ends_at: Date;
          }>(
            em,
            `SELECT id, kind, state, camera_id, ends_at FROM license WHERE id = $1 AND customer_id = $2 FOR UPDATE`,
            [licenseId, customerId],
          );
          if (!l) throw AppError.notFound('License');
          if (l.state !== 'bound' || !l.camera_id || !isLicenseValid(l.ends_at, now)) {
            throw AppError.conflict(
              ErrorCode.LICENSE_NOT_BOUND,
              'license: only a bound valid license can move',
            );
          }
          const [target] = await rows<{ id: string; kind: LicenseKind; device_id: string }>(
            em,
            `SELECT id, kind, device_id FROM camera WHERE id = $1 AND customer_id = $2 AND deleted_at IS NULL FOR UPDATE`,
            [dto.toCameraId, customerId],
          );
          if (!target) throw AppError.notFound('Camera');
          if (target.kind !== l.kind) {
            throw AppError.conflict(
              ErrorCode.LICENSE_KIND_MISMATCH,
              `toCameraId: an ${l.kind} license cannot move to a ${target.kind} camera`,
              { field: 'toCameraId' },
            );
          }
          const [busy] = await rows(
            em,
            `SELECT 1 FROM license l WHERE l.camera_id = $1 AND ${boundValid('l', '$2')}`,
            [target.id, now],
          );
          if (busy) throw cameraLicensed();
          const [source] = await rows<{ device_id: string }>(
            em,
            `UPDATE camera SET lapsed_at = $2, do_not_license = do_not_license OR $3 WHERE id = $1 RETURNING device_id`,
            [l.camera_id, now, dto.doNotLicenseSource === true],
          );
          await em.query(`UPDATE license SET camera_id = $2, updated_at = $3 WHERE id = $1`, [
            l.id,
            target.id,
            now,
          ]);
          await em.query(`UPDATE camera SET lapsed_at = NULL WHERE id = $1`, [target.id]);
          await bumpEntitlementsVersion(em, [source.device_id, target.device_id], now);
          await this.audit.record(em, user, {
            action: 'licenses.transferred',
            targetType: 'license',
            targetId: l.id,
            customerId,
            reason: dto.reason ?? null,
            before: { cameraId: l.camera_id },
            after: { cameraId: target.id, doNotLicenseSource: dto.doNotLicenseSource === true },
          });
          // The source camera may take another pool license unless it was marked.
          await this.binding.bindFree(em, customerId);
          const [r] = await rows<{
            id: string;
            sku_code: string;
            kind: LicenseKind;
            state: string;
            camera_id: string;
            assigned_at: Date;
            ends_at: Date;
          }>(
            em,
            `SELECT l.id, s.code AS sku_code, l.kind, l.state, l.camera_id, l.assigned_at, l.ends_at
               FROM license l JOIN sku s ON s.id = l.sku_id WHERE l.id = $1`,
            [l.id],
          );
          return {
            id: r.id,
            skuCode: r.sku_code,
            kind: r.kind,
            state: r.state,
            cameraId: r.camera_id,
            assignedAt: iso(r.assigned_at),
            endsAt: iso(r.ends_at),
          };
        }),
      { license_bound_camera_key: cameraLicensed },
    );
  }

  // ---------- deletion ----------

  private async ownDevice(em: EntityManager, customerId: string, deviceId: string, lock = false) {
    const [d] = await rows<DeviceRow>(
      em,
      `SELECT * FROM device WHERE id = $1 AND customer_id = $2 AND deleted_at IS NULL ${lock ? 'FOR UPDATE' : ''}`,
      [deviceId, customerId],
    );
    if (!d) throw AppError.notFound('Device');
    return d;
  }

  private async impactIn(em: EntityManager, deviceId: string, now: Date): Promise<DeletionImpact> {
    const ls = await rows<{ ends_at: Date }>(
      em,
      `SELECT l.ends_at FROM license l JOIN camera c ON c.id = l.camera_id
        WHERE c.device_id = $1 AND ${boundValid('l', '$2')}`,
      [deviceId, now],
    );
    return { licenses: ls.length, daysForfeited: ls.reduce((n, l) => n + daysLeft(l.ends_at, now), 0) };
  }

  async deletionImpact(customerId: string, deviceId: string): Promise<DeletionImpact> {
    await this.ownDevice(this.ds.manager, customerId, deviceId);
    return this.impactIn(this.ds.manager, deviceId, this.clock.now());
  }

  /** Deletes a device: its cameras' bound licenses are voided (no refund, never reused). */
  async delete(user: AuthUser, deviceId: string, password: string): Promise<DeletionImpact> {
    if (user.actingUserId) {
      throw AppError.forbidden(
        'Deleting a device needs the contract holder’s password; not in a proxy session',
        ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION,
      );
    }
    const customerId = user.customerId!;
    await this.credentials.run(
      {
        find: async (em) => {
          const [u] = await rows<Record<string, unknown>>(
            em,
            `SELECT ${CREDENTIAL_COLUMNS} FROM app_user u WHERE u.id = $1 AND u.active FOR UPDATE`,
            [user.id],
          );
          return u ? toCredentialUser(u) : null;
        },
        unknownKey: user.id,
        password,
        field: 'password',
        invalid: () =>
          AppError.badRequest(ErrorCode.INVALID_CREDENTIALS, 'password: is wrong', { field: 'password' }),
      },
      async () => undefined,
    );
    return this.ds.transaction(async (em) => {
      await this.binding.lockCustomer(em, customerId);
      await this.ownDevice(em, customerId, deviceId, true);
      const now = this.clock.now();
      const impact = await this.impactIn(em, deviceId, now);
      const voided = await rows<{ id: string }>(
        em,
        `UPDATE license SET state = 'void', updated_at = $2
          WHERE state = 'bound' AND camera_id IN (SELECT id FROM camera WHERE device_id = $1)
          RETURNING id`,
        [deviceId, now],
      );
      // Its cameras stop being shared, favored and filed (issue 13).
      await removeSharingOfDevices(em, [deviceId]);
      await em.query(`UPDATE camera SET deleted_at = $2 WHERE device_id = $1 AND deleted_at IS NULL`, [
        deviceId,
        now,
      ]);
      await em.query(`UPDATE device SET deleted_at = $2, status = 'deleted', updated_at = $2 WHERE id = $1`, [
        deviceId,
        now,
      ]);
      await bumpEntitlementsVersion(em, [deviceId], now);
      await this.audit.record(em, user, {
        action: 'devices.deleted',
        targetType: 'device',
        targetId: deviceId,
        customerId,
        after: { voidedLicenseIds: voided.map((v) => v.id), daysForfeited: impact.daysForfeited },
      });
      return impact;
    });
  }

  // ---------- exchange ----------

  /**
   * Replaces a device: the replacement (new, or already registered by this customer) takes
   * over channel by channel — bound licenses, names and "do not license" marks. A license whose
   * channel the replacement lacks returns to the pool. The old device is marked replaced.
   */
  async exchange(user: AuthUser, deviceId: string, spec: DeviceSpecDto) {
    // A new device credential is minted: like deletion, only the customer itself (issue 11 §6).
    refuseInProxy(user, 'Exchanging a device');
    const customerId = user.customerId!;
    return mapUniqueViolations(
      () =>
        this.ds.transaction(async (em) => {
          await this.binding.lockCustomer(em, customerId);
          const old = await this.ownDevice(em, customerId, deviceId, true);
          if (spec.serial === old.serial) {
            throw AppError.conflict(
              ErrorCode.DEVICE_EXCHANGE_INVALID,
              'serial: the replacement is the same device',
              {
                field: 'serial',
              },
            );
          }
          const now = this.clock.now();
          const oldCams = await rows<{
            id: string;
            channel: number;
            model: string;
            name: string | null;
            do_not_license: boolean;
          }>(
            em,
            `SELECT id, channel, model, name, do_not_license FROM camera
              WHERE device_id = $1 AND deleted_at IS NULL ORDER BY channel FOR UPDATE`,
            [deviceId],
          );
          const cams =
            old.type === 'recorder' && !spec.cameras
              ? oldCams.map((c) => ({ channel: c.channel, model: c.model }))
              : declaredCameras(old.type, spec);
          const { credential, hash } = newCredential();
          const [existing] = await rows<DeviceRow>(
            em,
            `SELECT * FROM device WHERE serial = $1 AND deleted_at IS NULL FOR UPDATE`,
            [spec.serial],
          );
          let newId: string;
          if (existing) {
            if (existing.customer_id !== customerId) throw SERIAL_TAKEN.device_serial_key();
            if (existing.type !== old.type) {
              throw AppError.conflict(
                ErrorCode.DEVICE_EXCHANGE_INVALID,
                `serial: the replacement must be a ${old.type} as well`,
                { field: 'serial' },
              );
            }
            newId = existing.id;
            await em.query(
              `UPDATE device SET model = $2, mac = $3, firmware = $4, credential_hash = $5, updated_at = $6 WHERE id = $1`,
              [newId, spec.model, spec.mac, spec.firmware, hash, now],
            );
          } else {
            if (old.type === 'camera') await this.assertDirectRoom(em, customerId, 1, deviceId);
            const [d] = await rows<{ id: string }>(
              em,
              `INSERT INTO device (customer_id, type, serial, model, mac, firmware, name, credential_hash, status,
                                   last_seen_at, created_at, updated_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'online', $9, $9, $9) RETURNING id`,
              [customerId, old.type, spec.serial, spec.model, spec.mac, spec.firmware, old.name, hash, now],
            );
            newId = d.id;
          }
          await this.addCameras(em, newId, customerId, old.type === 'camera' ? 'direct' : 'edge', cams, now);
          const newCams = await this.cameraIds(em, newId);
          // Old cameras go first, so the partial unique index sees each license on one camera.
          await em.query(`UPDATE camera SET deleted_at = $2 WHERE device_id = $1 AND deleted_at IS NULL`, [
            deviceId,
            now,
          ]);
          let moved = 0;
          for (const oc of oldCams) {
            const nc = newCams.find((c) => c.channel === oc.channel);
            if (nc) {
              await em.query(
                `UPDATE camera SET name = COALESCE(name, $2), do_not_license = do_not_license OR $3 WHERE id = $1`,
                [nc.id, oc.name, oc.do_not_license],
              );
            }
            const r = await rows<{ id: string }>(
              em,
              nc
                ? `UPDATE license SET camera_id = $2, updated_at = $3
                    WHERE camera_id = $1 AND state = 'bound'
                      AND NOT EXISTS (SELECT 1 FROM license b WHERE b.camera_id = $2 AND b.state = 'bound')
                    RETURNING id`
                : `UPDATE license SET state = 'assigned', camera_id = NULL, updated_at = $3
                    WHERE camera_id = $1 AND state = 'bound' AND $2::uuid IS NULL RETURNING id`,
              [oc.id, nc?.id ?? null, now],
            );
            if (nc && r.length) moved++;
            if (nc && !r.length) {
              // The replacement's camera is licensed already: this one goes back to the pool.
              await em.query(
                `UPDATE license SET state = 'assigned', camera_id = NULL, updated_at = $2
                  WHERE camera_id = $1 AND state = 'bound'`,
                [oc.id, now],
              );
            }
          }
          await em.query(
            `UPDATE device SET deleted_at = $2, status = 'replaced', replaced_by_device_id = $3, updated_at = $2
              WHERE id = $1`,
            [deviceId, now, newId],
          );
          await moveSharingOnExchange(em, deviceId, newId);
          await bumpEntitlementsVersion(em, [deviceId, newId], now);
          await this.audit.record(em, user, {
            action: 'devices.exchanged',
            targetType: 'device',
            targetId: deviceId,
            customerId,
            after: { replacementDeviceId: newId, serial: spec.serial, movedLicenses: moved },
          });
          await this.binding.bindFree(em, customerId);
          return {
            deviceId: newId,
            credential,
            cameras: newCams,
            replacedDeviceId: deviceId,
            movedLicenses: moved,
          };
        }),
      SERIAL_TAKEN,
    );
  }
}

function cameraLicensed(): AppError {
  return AppError.conflict(ErrorCode.CAMERA_ALREADY_LICENSED, 'toCameraId: this camera has a valid license', {
    field: 'toCameraId',
  });
}

function cameraView(c: CameraRow, now: Date): CameraView {
  const licensed = c.license_id !== null;
  return {
    id: c.id,
    deviceId: c.device_id,
    channel: c.channel,
    model: c.model,
    kind: c.kind,
    name: c.name,
    doNotLicense: c.do_not_license,
    registeredAt: iso(c.registered_at),
    licensed,
    licenseId: c.license_id,
    endsAt: c.ends_at ? iso(c.ends_at) : null,
    daysLeft: c.ends_at ? daysLeft(c.ends_at, now) : null,
    lapsed: !licensed,
    // Until the expiry sweep records the lapse, a license that just ended still dates it.
    lapsedAt: licensed ? null : iso(c.lapsed_at ?? c.last_ended_at ?? c.registered_at),
    capabilities: capabilitiesFor(licensed),
  };
}
