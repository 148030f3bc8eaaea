import { capabilitiesFor, CAPABILITY_KEYS, type Capabilities, type EntitlementsPayload } from '@lc/shared';

/** One camera as the device knows it: its channel, and its id once the server told it. */
export interface SimCamera {
  channel: number;
  model: string;
  cameraId: string | null;
}

/** Why a camera is in the state it is in. */
export type CameraReason =
  | 'licensed' // a valid document licenses it, before its validUntil
  | 'not licensed' // the document says it has no valid license
  | 'validity passed' // the document licensed it, but its validUntil has passed (by the device's clock)
  | 'no entitlements' // no valid document yet, or the camera is not in it
  | 'restarting';

/** What a camera does right now. */
export interface CameraStatus {
  channel: number;
  model: string;
  cameraId: string | null;
  /** The live picture on the recorder's HDMI monitor: never depends on the license (SPEC §3). */
  hdmiLive: boolean;
  /** Edge recording (recorder / SD card). */
  recording: boolean;
  /** Remote live view through the cloud. */
  remoteStreaming: boolean;
  /** What the held document says, before the device's own clock is applied. */
  licensed: boolean;
  validUntil: string | null;
  /** The capabilities in force. */
  capabilities: Capabilities;
  reason: CameraReason;
}

const LAPSED = capabilitiesFor(false);

/**
 * The capabilities a camera has under a verified document at `now`: those kept when lapsed
 * (HDMI monitor, SD export) always; the others only when the document grants them and its
 * `validUntil` for this camera has not passed by the device's own clock. So a device cut off from
 * the server keeps enforcing its last valid document until each camera's validUntil, then stops.
 */
export function enforceCamera(
  camera: SimCamera,
  payload: EntitlementsPayload | null,
  now: Date,
): CameraStatus {
  const entry = camera.cameraId ? payload?.cameras.find((c) => c.cameraId === camera.cameraId) : undefined;
  const validUntil = entry?.validUntil ?? null;
  const until = validUntil ? Date.parse(validUntil) : NaN;
  const valid = !!entry && entry.licensed && Number.isFinite(until) && now.getTime() < until;
  const capabilities = {} as Capabilities;
  for (const key of CAPABILITY_KEYS) {
    capabilities[key] = LAPSED[key] || (valid && entry!.capabilities?.[key] === true);
  }
  const reason: CameraReason = !entry
    ? 'no entitlements'
    : valid
      ? 'licensed'
      : entry.licensed
        ? 'validity passed'
        : 'not licensed';
  return {
    channel: camera.channel,
    model: camera.model,
    cameraId: camera.cameraId,
    hdmiLive: capabilities.hdmiLive,
    recording: capabilities.edgeRecording,
    remoteStreaming: capabilities.remoteLive,
    licensed: entry?.licensed ?? false,
    validUntil,
    capabilities,
    reason,
  };
}

export function enforce(
  cameras: readonly SimCamera[],
  payload: EntitlementsPayload | null,
  now: Date,
): CameraStatus[] {
  return cameras.map((c) => enforceCamera(c, payload, now));
}

/**
 * Matches the document's cameras to the device's channels. Cameras the server registered from a
 * heartbeat are not known by id yet: the document lists cameras in channel order, so ids the
 * device does not know go, in order, to its channels without an id.
 */
export function learnCameraIds(cameras: SimCamera[], payload: EntitlementsPayload): boolean {
  const known = new Set(cameras.map((c) => c.cameraId).filter(Boolean));
  const unknownIds = payload.cameras.map((c) => c.cameraId).filter((id) => !known.has(id));
  const withoutId = cameras.filter((c) => !c.cameraId).sort((a, b) => a.channel - b.channel);
  let changed = false;
  for (let i = 0; i < Math.min(unknownIds.length, withoutId.length); i++) {
    withoutId[i].cameraId = unknownIds[i];
    changed = true;
  }
  return changed;
}
