import {
  DEVICE_OPERATIONS,
  deviceLicenseState,
  type CameraView,
  type DeviceCommandKind,
  type DeviceCommandView,
  type DeviceType,
  type LicenseStanding,
} from '@lc/shared';
import { lapseCause } from './lapse';

/** A camera's license standing as the server's capability gate sees it. */
export function cameraStanding(
  camera: Pick<CameraView, 'licensed' | 'lapsedAt' | 'registeredAt'>,
): LicenseStanding {
  const cause = lapseCause(camera);
  if (!cause) return 'licensed';
  return cause.kind === 'neverLicensed' ? 'never_licensed' : 'lapsed';
}

export interface DeviceOperationsState {
  /** The operations this device type supports (seed 001 §2.1), in menu order. */
  supported: readonly DeviceCommandKind[];
  /** SPEC §3: a recorder needs one licensed camera, a camera-direct camera its own license. */
  standing: LicenseStanding;
  blocked: boolean;
  /** When the last camera lapsed (for "since …"), when `standing` is `lapsed`. */
  lapsedAt: string | null;
}

/** What the console offers for a device: the same rule as the API (shared/src/license-gate.ts). */
export function deviceOperations(device: {
  type: DeviceType;
  cameras: Array<Pick<CameraView, 'licensed' | 'lapsedAt' | 'registeredAt'>>;
}): DeviceOperationsState {
  const standings = device.cameras.map(cameraStanding);
  const standing = deviceLicenseState(device.type, standings);
  const lapses = device.cameras
    .filter((_, i) => standings[i] === 'lapsed')
    .map((c) => c.lapsedAt)
    .filter((x): x is string => !!x)
    .sort();
  return {
    supported: DEVICE_OPERATIONS[device.type],
    standing,
    blocked: standing !== 'licensed',
    lapsedAt: standing === 'lapsed' ? (lapses.at(-1) ?? null) : null,
  };
}

/** The pending firmware-update reservation, if any (a new one overwrites it; it can be cancelled). */
export function pendingReservation(
  commands: readonly DeviceCommandView[] | undefined,
): DeviceCommandView | null {
  return commands?.find((c) => c.kind === 'firmware_update' && c.status === 'pending') ?? null;
}
