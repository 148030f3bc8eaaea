import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, type DeviceRegistration, type DeviceType } from '@lc/shared';
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
import { BindingService } from '../licenses/binding.service.js';
import { bumpEntitlementsVersion } from '../licenses/entitlements-version.js';
import { newCredential } from './credentials.js';
import type { CameraSpecDto, RegisterDeviceDto } from './dto/register-device.dto.js';
import {
  addCameras,
  assertDirectRoom,
  cameraIds,
  declaredCameras,
  distinctChannels,
  SERIAL_TAKEN,
  type DeviceRow,
} from './device-rows.js';

/** The cameras a recorder's heartbeat reports (channel and model each). */
export type ReportedCameras = CameraSpecDto[];

/**
 * Registration with the contract holder's credentials, and the cameras a recorder reports in its
 * heartbeat. One transaction per use case; binding happens in the same transaction.
 */
@Injectable()
export class DeviceRegistrationService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly credentials: CredentialCheck,
    private readonly binding: BindingService,
    private readonly audit: AuditService,
  ) {}

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
            if (spec.type === 'camera') await assertDirectRoom(em, customerId, 1);
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
          await addCameras(em, deviceId, customerId, spec.type === 'camera' ? 'direct' : 'edge', cams, now);
          await this.audit.record(em, null, {
            action: existing ? 'devices.reregistered' : 'devices.registered',
            targetType: 'device',
            targetId: deviceId,
            customerId,
            after: { serial: spec.serial, type: spec.type, cameras: cams.length },
          });
          await this.binding.bindFree(em, customerId);
          return { deviceId, credential, cameras: await cameraIds(em, deviceId) };
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
    cams: ReportedCameras,
    now: Date,
  ): Promise<number> {
    const [d] = await rows<{ type: DeviceType }>(
      em,
      `SELECT type FROM device WHERE id = $1 AND deleted_at IS NULL`,
      [deviceId],
    );
    if (!d) throw AppError.notFound('Device');
    if (d.type !== 'recorder') throw AppError.validation('cameras', 'only a recorder reports cameras');
    const declared = distinctChannels(cams);
    const known = await rows<{ channel: number }>(
      em,
      `SELECT channel FROM camera WHERE device_id = $1 AND deleted_at IS NULL`,
      [deviceId],
    );
    const have = new Set(known.map((k) => k.channel));
    const fresh = declared.filter((c) => !have.has(c.channel));
    if (!fresh.length) return 0;
    await addCameras(em, deviceId, customerId, 'edge', fresh, now);
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
}
