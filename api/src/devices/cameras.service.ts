import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode, isLicenseValid, type CameraView, type LicenseKind } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { mapUniqueViolations } from '../common/database/unique-violation.js';
import { AppError } from '../common/errors/app-error.js';
import { BindingService } from '../licenses/binding.service.js';
import { bumpEntitlementsVersion } from '../licenses/entitlements-version.js';
import { sweepEvents } from '../integrations/events.js';
import { boundValid } from '../licenses/validity.js';
import type { TransferLicenseDto, UpdateCameraDto } from './dto/device.dto.js';
import { iso } from './device-rows.js';
import { DevicesService } from './devices.service.js';

/** Camera settings and license transfer. One transaction per use case, binding in the same one. */
@Injectable()
export class CamerasService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly binding: BindingService,
    private readonly audit: AuditService,
    private readonly devices: DevicesService,
  ) {}

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
    return this.devices.camera(customerId, cameraId);
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
          // license.bound for dealers' webhooks (the moved licenses were stamped with `now`).
          await sweepEvents(em, [customerId], now);
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
}

function cameraLicensed(): AppError {
  return AppError.conflict(ErrorCode.CAMERA_ALREADY_LICENSED, 'toCameraId: this camera has a valid license', {
    field: 'toCameraId',
  });
}
