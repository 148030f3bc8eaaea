import type { RenewalRequestView } from '@lc/shared';
import type { TFunction } from '../../app/i18n/useT';
import { cameraDisplayName } from '../devices/tree';

/** The requested camera by name, as the device tree writes it: "Camera 3 — REC-8 (SIM-REC-8)". */
export function requestCameraName(
  t: TFunction,
  r: Pick<RenewalRequestView, 'cameraOwnName' | 'cameraChannel' | 'deviceName'>,
): string {
  return `${cameraDisplayName(t, { name: r.cameraOwnName, channel: r.cameraChannel })} — ${r.deviceName}`;
}
