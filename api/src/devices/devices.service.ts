import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { capabilitiesFor, daysLeft, type CameraView, type DeviceView } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { boundValid, endedAt } from '../licenses/validity.js';
import { iso, type CameraRow, type DeviceRow } from './device-rows.js';

/**
 * The customer's device tree (read models). Registration is in `registration.service.ts`, camera
 * settings and transfer in `cameras.service.ts`, deletion and exchange in `lifecycle.service.ts`.
 */
@Injectable()
export class DevicesService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

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
