import type { EntityManager } from 'typeorm';
import { DIRECT_CAMERA_LIMIT, ErrorCode, type DeviceType, type LicenseKind } from '@lc/shared';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import type { CameraSpecDto } from './dto/register-device.dto.js';

/** Rows and small statements shared by the device services (registration, cameras, lifecycle). */
export interface DeviceRow {
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

export interface CameraRow {
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

export const iso = (d: Date) => d.toISOString();

export const SERIAL_TAKEN = {
  device_serial_key: () =>
    AppError.conflict(ErrorCode.DEVICE_SERIAL_TAKEN, 'serial: is registered to another device', {
      field: 'serial',
    }),
};

/** A recorder's camera list with each channel once (a channel listed twice is refused). */
export function distinctChannels(list: CameraSpecDto[]): CameraSpecDto[] {
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

/** Cameras of a device as declared: a recorder's list, or the one camera of a camera-direct device. */
export function declaredCameras(
  type: DeviceType,
  spec: { model: string; cameras?: CameraSpecDto[] },
): CameraSpecDto[] {
  if (type === 'camera') return [{ channel: 1, model: spec.model }];
  return distinctChannels(spec.cameras ?? []);
}

export async function assertDirectRoom(
  em: EntityManager,
  customerId: string,
  adding: number,
  except?: string,
) {
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
export async function addCameras(
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

export function cameraIds(
  em: EntityManager,
  deviceId: string,
): Promise<Array<{ id: string; channel: number }>> {
  return rows<{ id: string; channel: number }>(
    em,
    `SELECT id, channel FROM camera WHERE device_id = $1 AND deleted_at IS NULL ORDER BY channel`,
    [deviceId],
  );
}

/** The customer's own live device (optionally locked), or 404. */
export async function ownDevice(em: EntityManager, customerId: string, deviceId: string, lock = false) {
  const [d] = await rows<DeviceRow>(
    em,
    `SELECT * FROM device WHERE id = $1 AND customer_id = $2 AND deleted_at IS NULL ${lock ? 'FOR UPDATE' : ''}`,
    [deviceId, customerId],
  );
  if (!d) throw AppError.notFound('Device');
  return d;
}
