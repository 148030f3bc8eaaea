import { Injectable } from '@nestjs/common';
import { randomUUID, sign } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  permissionForMode,
  STREAM_GRANT_TTL_SECONDS,
  type StreamGrant,
  type StreamGrantPayload,
  type StreamMode,
} from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { sharedPermissions } from '../customers/shared-access.js';
import { SigningKeysService } from './signing-keys.service.js';
import { cameraLicenseValidAt } from './stream-grant-license.js';

/**
 * Stream grants (SPEC §3, §8): the portal's permission to watch live, play back, download or
 * control one camera, signed with the entitlements key so the device can check it offline.
 * Refused (403, stable codes) in a proxy session (403002), for a shared user without the camera
 * (500303) or the mode's permission (500302), and for a camera without a valid license (500301,
 * with which license lapsed and which dealer to ask).
 */
@Injectable()
export class StreamGrantsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly keys: SigningKeysService,
    private readonly audit: AuditService,
  ) {}

  async grant(user: AuthUser, cameraId: string, mode: StreamMode): Promise<StreamGrant> {
    if (user.actingUserId) {
      throw AppError.forbidden(
        'A dealer never watches a customer’s video: stream grants are refused in a proxy session',
        ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION,
      );
    }
    const em = this.ds.manager;
    const now = this.clock.now();
    const [cam] = await rows<{ id: string; device_id: string; customer_id: string }>(
      em,
      `SELECT c.id, c.device_id, c.customer_id FROM camera c
         JOIN device d ON d.id = c.device_id AND d.deleted_at IS NULL
        WHERE c.id = $1 AND c.customer_id = $2 AND c.deleted_at IS NULL`,
      [cameraId, user.customerId],
    );
    if (user.role === 'shared_user') {
      const [shared] = cam
        ? await rows(em, `SELECT 1 FROM shared_user_camera WHERE user_id = $1 AND camera_id = $2`, [
            user.id,
            cam.id,
          ])
        : [];
      if (!shared) {
        throw AppError.forbidden('cameraId: this camera is not shared with you', ErrorCode.CAMERA_NOT_SHARED);
      }
      const needs = permissionForMode(mode);
      if (needs && !(await sharedPermissions(em, user.id))[needs]) {
        throw new AppError(
          403,
          ErrorCode.SHARED_PERMISSION_MISSING,
          `mode: the contract holder has not granted you ${needs}`,
          { field: 'mode', permission: needs },
        );
      }
    }
    if (!cam) throw AppError.notFound('Camera');
    if (!(await cameraLicenseValidAt(em, cam.id, now))) {
      throw new AppError(
        403,
        ErrorCode.STREAM_CAMERA_UNLICENSED,
        'cameraId: this camera has no valid license; remote live view, playback and download have stopped',
        await this.lapseDetails(cam.id, cam.customer_id, now),
      );
    }
    const key = await this.keys.current();
    const expiresAt = new Date(now.getTime() + STREAM_GRANT_TTL_SECONDS * 1000);
    const payload: StreamGrantPayload = {
      typ: 'stream-grant',
      grantId: randomUUID(),
      keyId: key.keyId,
      deviceId: cam.device_id,
      cameraId: cam.id,
      mode,
      userId: user.id,
      customerId: cam.customer_id,
      issuedAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
    const json = Buffer.from(JSON.stringify(payload), 'utf8');
    const token = `${json.toString('base64url')}.${sign(null, json, key.privateKey).toString('base64url')}`;
    await this.audit.record(em, user, {
      action: 'stream.granted',
      targetType: 'camera',
      targetId: cam.id,
      customerId: cam.customer_id,
      after: { mode, grantId: payload.grantId, expiresAt: payload.expiresAt },
    });
    return { token, expiresAt: payload.expiresAt };
  }

  /** Which license lapsed (the camera's latest) and the selling dealer to ask, with its phone. */
  private async lapseDetails(cameraId: string, customerId: string, now: Date) {
    const [l] = await rows<{ sku_code: string; name_ja: string; name_en: string; ends_at: Date }>(
      this.ds.manager,
      `SELECT s.code AS sku_code, s.name_ja, s.name_en, l.ends_at FROM license l JOIN sku s ON s.id = l.sku_id
        WHERE l.camera_id = $1 AND l.state IN ('bound', 'expired', 'void') ORDER BY l.ends_at DESC LIMIT 1`,
      [cameraId],
    );
    const [d] = await rows<{ company_name: string; phone: string; login_id: string }>(
      this.ds.manager,
      `SELECT d.company_name, d.phone, d.login_id FROM customer c JOIN dealer d ON d.id = c.dealer_id WHERE c.id = $1`,
      [customerId],
    );
    return {
      field: 'cameraId',
      cameraId,
      checkedAt: now.toISOString(),
      lastLicense: l
        ? { skuCode: l.sku_code, name: { ja: l.name_ja, en: l.name_en }, endsAt: l.ends_at.toISOString() }
        : null,
      dealer: d ? { companyName: d.company_name, phone: d.phone, loginId: d.login_id } : null,
    };
  }
}
