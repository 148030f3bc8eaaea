import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  cameraLicenseState,
  cameraMay,
  deviceLicenseState,
  ErrorCode,
  refusalMessage,
  type CapabilityKey,
  type CapabilityRefusal,
  type DeviceType,
  type LicenseStanding,
} from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { endedAt } from './validity.js';

export interface CameraLicense {
  cameraId: string;
  deviceId: string;
  customerId: string;
  channel: number;
  licenseState: LicenseStanding;
  /** `ends_at` of the valid bound license, else null. */
  validUntil: string | null;
  /** When it lost its license (null while licensed or when never licensed). */
  lapsedAt: string | null;
}

export interface DeviceLicense {
  deviceId: string;
  customerId: string;
  type: DeviceType;
  /** The device rule: a recorder needs one licensed camera, a camera-direct camera its own. */
  licenseState: LicenseStanding;
  lapsedAt: string | null;
  cameras: CameraLicense[];
}

export interface GateOptions {
  /** Tenancy: only this customer's device / camera exists (else 404). */
  customerId?: string;
  /** Run inside the caller's transaction. */
  em?: EntityManager;
}

interface FactRow {
  device_id: string;
  customer_id: string;
  type: DeviceType;
  camera_id: string | null;
  channel: number | null;
  bound_ends_at: Date | null;
  lapsed_at: Date | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The server's capability check (SPEC §3), built from the same license state as the signed
 * entitlements: the rule is `cameraMay` / `deviceLicenseState` in `shared/src/license-gate.ts`,
 * "valid" is `isLicenseValid` (up to and including `ends_at`). Stateless and read-only: it reads
 * the bound licenses at the clock's now, so a license bound again restores everything at once —
 * no job has to run first. Inject it (import `CapabilityModule`) wherever a remote path starts:
 *
 *   await gate.assertCamera(cameraId, 'remoteLive', { customerId })         // 404 / 403 500201
 *   await gate.assertDevice(deviceId, 'remoteMaintenance', { customerId, em })
 *   const d = await gate.device(deviceId)  // facts, to decide without throwing
 *
 * For set-based queries (event search, intake) use the SQL twins in `validity.ts`.
 */
@Injectable()
export class CapabilityGate {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  private async facts(
    where: 'device' | 'camera',
    id: string,
    opts: GateOptions,
  ): Promise<{ rows: FactRow[]; now: Date }> {
    const now = this.clock.now();
    const r = await rows<FactRow>(
      opts.em ?? this.ds.manager,
      `SELECT d.id AS device_id, d.customer_id, d.type, c.id AS camera_id, c.channel,
              b.ends_at AS bound_ends_at,
              COALESCE(c.lapsed_at,
                       (SELECT max(e.ends_at) FROM license e
                         WHERE e.camera_id = c.id AND e.state IN ('bound', 'expired') AND ${endedAt('e.ends_at', '$3')}))
                AS lapsed_at
         FROM device d
         LEFT JOIN camera c ON c.device_id = d.id AND c.deleted_at IS NULL
         LEFT JOIN license b ON b.camera_id = c.id AND b.state = 'bound'
        WHERE d.deleted_at IS NULL AND ($2::uuid IS NULL OR d.customer_id = $2)
          AND ${where === 'device' ? 'd.id = $1' : 'd.id = (SELECT device_id FROM camera WHERE id = $1 AND deleted_at IS NULL)'}
        ORDER BY c.channel`,
      [id, opts.customerId ?? null, now],
    );
    return { rows: r, now };
  }

  private cameraOf(r: FactRow, now: Date): CameraLicense {
    const state = cameraLicenseState({ boundEndsAt: r.bound_ends_at, lapsedAt: r.lapsed_at }, now);
    return {
      cameraId: r.camera_id!,
      deviceId: r.device_id,
      customerId: r.customer_id,
      channel: r.channel!,
      licenseState: state,
      validUntil: state === 'licensed' ? iso(r.bound_ends_at) : null,
      lapsedAt: state === 'lapsed' ? iso(r.lapsed_at ?? r.bound_ends_at) : null,
    };
  }

  /** A device's license facts, or null when it does not exist (in the scope). */
  async device(deviceId: string, opts: GateOptions = {}): Promise<DeviceLicense | null> {
    const { rows: r, now } = await this.facts('device', deviceId, opts);
    if (!r.length) return null;
    const cameras = r.filter((x) => x.camera_id).map((x) => this.cameraOf(x, now));
    const state = deviceLicenseState(
      r[0].type,
      cameras.map((c) => c.licenseState),
    );
    const lapses = cameras.map((c) => c.lapsedAt).filter((x): x is string => x !== null);
    return {
      deviceId: r[0].device_id,
      customerId: r[0].customer_id,
      type: r[0].type,
      licenseState: state,
      lapsedAt: state === 'lapsed' ? lapses.sort().at(-1)! : null,
      cameras,
    };
  }

  /** A camera's license facts, or null when it does not exist (in the scope). */
  async camera(cameraId: string, opts: GateOptions = {}): Promise<CameraLicense | null> {
    const { rows: r, now } = await this.facts('camera', cameraId, opts);
    const row = r.find((x) => x.camera_id === cameraId);
    return row ? this.cameraOf(row, now) : null;
  }

  /** The refusal for a device-level capability, or null when allowed. */
  static deviceRefusal(d: DeviceLicense, capability: CapabilityKey): CapabilityRefusal | null {
    if (cameraMay(d.licenseState, capability)) return null;
    return {
      capability,
      licenseState: d.licenseState as CapabilityRefusal['licenseState'],
      scope: 'device',
      deviceType: d.type,
      lapsedAt: d.lapsedAt,
    };
  }

  static cameraRefusal(c: CameraLicense, capability: CapabilityKey): CapabilityRefusal | null {
    if (cameraMay(c.licenseState, capability)) return null;
    return {
      capability,
      licenseState: c.licenseState as CapabilityRefusal['licenseState'],
      scope: 'camera',
      lapsedAt: c.lapsedAt,
    };
  }

  /** The 403 every remote path answers for an unlicensed camera / device (code 500201). */
  static refuse(r: CapabilityRefusal): AppError {
    return new AppError(403, ErrorCode.LICENSE_REQUIRED, refusalMessage(r), { ...r });
  }

  /** 404 when the device is not in the scope; 403 500201 when the capability is off. */
  async assertDevice(
    deviceId: string,
    capability: CapabilityKey,
    opts: GateOptions = {},
  ): Promise<DeviceLicense> {
    const d = await this.device(deviceId, opts);
    if (!d) throw AppError.notFound('Device');
    const refusal = CapabilityGate.deviceRefusal(d, capability);
    if (refusal) throw CapabilityGate.refuse(refusal);
    return d;
  }

  /** 404 when the camera is not in the scope; 403 500201 when the capability is off. */
  async assertCamera(
    cameraId: string,
    capability: CapabilityKey,
    opts: GateOptions = {},
  ): Promise<CameraLicense> {
    const c = await this.camera(cameraId, opts);
    if (!c) throw AppError.notFound('Camera');
    const refusal = CapabilityGate.cameraRefusal(c, capability);
    if (refusal) throw CapabilityGate.refuse(refusal);
    return c;
  }
}
