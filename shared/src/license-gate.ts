/**
 * One definition of "valid" and one capability rule (SPEC §2, §3, seed 001 §2.1), shared by every
 * path that asks "may this camera / device do X now?": the expiry sweep, the entitlements'
 * `validUntil`, the server's capability gate (operations, event intake and search, maintenance
 * reads, stream grants, event e-mails), reminders and the portal.
 *
 * Pure functions only; the API loads the facts (`CapabilityGate` in `api/src/licenses/`) and the
 * SQL twin of `isLicenseValid` lives in `api/src/licenses/validity.ts`.
 */
import { capabilitiesFor, type CapabilityKey } from './capabilities.js';
import type { DeviceCommandKind, DeviceType } from './devices.js';

type Instant = Date | string | number;
const ms = (t: Instant) => (t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t));

/**
 * A license is valid up to and including `endsAt` (the last millisecond of its last month):
 * valid while `now <= endsAt`, expired only once `now > endsAt` (SPEC §2).
 */
export function isLicenseValid(endsAt: Instant | null | undefined, now: Instant): boolean {
  return endsAt !== null && endsAt !== undefined && ms(now) <= ms(endsAt);
}

/** The negation, for the sweep's wording: a license has ended once `now > endsAt`. */
export function hasLicenseEnded(endsAt: Instant, now: Instant): boolean {
  return ms(now) > ms(endsAt);
}

/**
 * Why a camera has or lacks remote features. `licensed`: a bound license valid now;
 * `lapsed`: it had one that ended or moved away; `never_licensed`: it never had one.
 */
export const LICENSE_STANDINGS = ['licensed', 'lapsed', 'never_licensed'] as const;
export type LicenseStanding = (typeof LICENSE_STANDINGS)[number];

/** What the server knows about one camera's license. */
export interface CameraLicenseFacts {
  /** `ends_at` of the license bound to the camera (any state that still names it), or null. */
  boundEndsAt: Instant | null;
  /** When it lost its last license (`camera.lapsed_at`, or the end of a license it had), or null. */
  lapsedAt: Instant | null;
}

export function cameraLicenseState(f: CameraLicenseFacts, now: Instant): LicenseStanding {
  if (isLicenseValid(f.boundEndsAt, now)) return 'licensed';
  if (f.boundEndsAt !== null || f.lapsedAt !== null) return 'lapsed';
  return 'never_licensed';
}

/** May a camera in this license state use this capability (SPEC §3 matrix)? */
export function cameraMay(state: LicenseStanding, capability: CapabilityKey): boolean {
  return capabilitiesFor(state === 'licensed')[capability];
}

/**
 * The license state of a device for device-level features (operations, remote maintenance,
 * recorder-level events): a recorder is licensed when at least one of its cameras is; a
 * camera-direct device when its own camera is. Otherwise `lapsed` when any camera lapsed, else
 * `never_licensed` (also a recorder without cameras).
 */
export function deviceLicenseState(type: DeviceType, cameras: readonly LicenseStanding[]): LicenseStanding {
  const own = type === 'camera' ? cameras.slice(0, 1) : cameras;
  if (own.includes('licensed')) return 'licensed';
  return own.includes('lapsed') ? 'lapsed' : 'never_licensed';
}

export function deviceMay(
  type: DeviceType,
  cameras: readonly LicenseStanding[],
  capability: CapabilityKey,
): boolean {
  return cameraMay(deviceLicenseState(type, cameras), capability);
}

/**
 * The operations a device type supports (seed 001 §2.1, §4.2.2–4.2.5): firmware update, alarm
 * reset, error recovery and the thumbnail cache are the recorder's; a camera-direct camera can
 * only be restarted ("Camera does not support remote firmware update").
 */
export const DEVICE_OPERATIONS: Record<DeviceType, readonly DeviceCommandKind[]> = {
  recorder: ['restart', 'firmware_update', 'alarm_reset', 'error_recovery', 'thumbnail_cache'],
  camera: ['restart'],
};

export function deviceSupports(type: DeviceType, kind: DeviceCommandKind): boolean {
  return DEVICE_OPERATIONS[type].includes(kind);
}

/** Every device operation is remote maintenance (SPEC §3): it needs the device licensed. */
export const OPERATION_CAPABILITY: CapabilityKey = 'remoteMaintenance';

/** `details` of a refusal by the capability gate (error 500201), for the portal's explanation. */
export interface CapabilityRefusal {
  capability: CapabilityKey;
  licenseState: Exclude<LicenseStanding, 'licensed'>;
  /** `camera`: the camera itself is unlicensed; `device`: no camera of the device is licensed. */
  scope: 'camera' | 'device';
  deviceType?: DeviceType;
  lapsedAt: string | null;
}

const STATE_WORDS: Record<Exclude<LicenseStanding, 'licensed'>, string> = {
  lapsed: 'its license has lapsed',
  never_licensed: 'it has never had a license',
};

/** The refusal message, naming the license state (field first, as every error message here). */
export function refusalMessage(r: CapabilityRefusal): string {
  const when = r.licenseState === 'lapsed' && r.lapsedAt ? ` (since ${r.lapsedAt})` : '';
  if (r.scope === 'camera') {
    return `cameraId: ${r.capability} needs a valid license; ${STATE_WORDS[r.licenseState]}${when}`;
  }
  const who =
    r.deviceType === 'camera'
      ? `this camera-direct camera: ${STATE_WORDS[r.licenseState]}`
      : `no camera of this recorder has a valid license (${r.licenseState === 'lapsed' ? 'lapsed' : 'never licensed'})`;
  return `deviceId: ${r.capability} needs a valid license; ${who}${when}`;
}
