import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { daysLeft, ErrorCode, type DeletionImpact } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { CREDENTIAL_COLUMNS, CredentialCheck, toCredentialUser } from '../auth/credential-check.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { mapUniqueViolations } from '../common/database/unique-violation.js';
import { AppError } from '../common/errors/app-error.js';
import { refuseInProxy } from '../accounts/actor.js';
import { BindingService } from '../licenses/binding.service.js';
import { bumpEntitlementsVersion } from '../licenses/entitlements-version.js';
import { sweepEvents } from '../integrations/events.js';
import { boundValid } from '../licenses/validity.js';
import { moveSharingOnExchange, removeSharingOfDevices } from '../customers/shared-access.js';
import { newCredential } from './credentials.js';
import type { DeviceSpecDto } from './dto/register-device.dto.js';
import {
  addCameras,
  assertDirectRoom,
  cameraIds,
  declaredCameras,
  ownDevice,
  SERIAL_TAKEN,
  type DeviceRow,
} from './device-rows.js';

/** Device deletion (licenses voided) and exchange (the replacement takes over channel by channel). */
@Injectable()
export class DeviceLifecycleService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly credentials: CredentialCheck,
    private readonly binding: BindingService,
    private readonly audit: AuditService,
  ) {}

  // ---------- deletion ----------

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
    await ownDevice(this.ds.manager, customerId, deviceId);
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
      await ownDevice(em, customerId, deviceId, true);
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
          const old = await ownDevice(em, customerId, deviceId, true);
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
            if (old.type === 'camera') await assertDirectRoom(em, customerId, 1, deviceId);
            const [d] = await rows<{ id: string }>(
              em,
              `INSERT INTO device (customer_id, type, serial, model, mac, firmware, name, credential_hash, status,
                                   last_seen_at, created_at, updated_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'online', $9, $9, $9) RETURNING id`,
              [customerId, old.type, spec.serial, spec.model, spec.mac, spec.firmware, old.name, hash, now],
            );
            newId = d.id;
          }
          await addCameras(em, newId, customerId, old.type === 'camera' ? 'direct' : 'edge', cams, now);
          const newCams = await cameraIds(em, newId);
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
          // license.bound for dealers' webhooks (the moved licenses were stamped with `now`).
          await sweepEvents(em, [customerId], now);
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
