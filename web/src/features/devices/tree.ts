import type { CameraView, DeviceView } from '@lc/shared';
import type { TFunction } from '../../app/i18n/useT';

/** Recorders (with their cameras) first, then camera-direct cameras, each in registration order. */
export function groupDevices(devices: readonly DeviceView[]): {
  recorders: DeviceView[];
  direct: DeviceView[];
} {
  return {
    recorders: devices.filter((d) => d.type === 'recorder'),
    direct: devices.filter((d) => d.type === 'camera'),
  };
}

/** A camera's own name, or "Camera 3" after its channel. */
export function cameraDisplayName(t: TFunction, camera: Pick<CameraView, 'name' | 'channel'>): string {
  return camera.name ?? t('devices.camera.unnamed', { channel: camera.channel });
}

/** A device's own name, or its model and serial. */
export function deviceDisplayName(device: Pick<DeviceView, 'name' | 'model' | 'serial'>): string {
  return device.name ?? `${device.model} (${device.serial})`;
}

/** "Camera 3 — REC-8 (SIM-REC-8)": the camera with the device it belongs to. */
export function cameraWithDeviceName(
  t: TFunction,
  camera: Pick<CameraView, 'name' | 'channel'>,
  device: Pick<DeviceView, 'name' | 'model' | 'serial'>,
): string {
  return `${cameraDisplayName(t, camera)} — ${deviceDisplayName(device)}`;
}

/** How many of the customer's cameras are without a valid license. */
export function lapsedCount(devices: readonly DeviceView[]): number {
  return devices.reduce((n, d) => n + d.cameras.filter((c) => !c.licensed).length, 0);
}
