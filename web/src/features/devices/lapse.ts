import {
  CAPABILITY_DESCRIPTIONS,
  capabilitiesFor,
  type CameraView,
  type Capabilities,
  type CapabilityKey,
  type Language,
} from '@lc/shared';

/** A camera's license state as the portal shows it. */
export type CameraLicenseStatus = 'licensed' | 'endingSoon' | 'lapsed';

/** Licenses ending within this many days are flagged ("ending soon"). */
export const ENDING_SOON_DAYS = 30;

export function cameraLicenseStatus(
  camera: Pick<CameraView, 'licensed' | 'daysLeft'>,
  soonDays = ENDING_SOON_DAYS,
): CameraLicenseStatus {
  if (!camera.licensed) return 'lapsed';
  return camera.daysLeft !== null && camera.daysLeft <= soonDays ? 'endingSoon' : 'licensed';
}

/**
 * Why a camera has no license: it never had one (no license was free when it registered — the
 * API then reports `lapsedAt` = `registeredAt`), or its license ended or moved away at `lapsedAt`.
 */
export type LapseCause = { kind: 'neverLicensed' } | { kind: 'since'; at: string };

export function lapseCause(
  camera: Pick<CameraView, 'licensed' | 'lapsedAt' | 'registeredAt'>,
): LapseCause | null {
  if (camera.licensed) return null;
  if (!camera.lapsedAt || camera.lapsedAt === camera.registeredAt) return { kind: 'neverLicensed' };
  return { kind: 'since', at: camera.lapsedAt };
}

export interface CapabilityLine {
  key: CapabilityKey;
  label: string;
  on: boolean;
  /** Works with or without a license (HDMI monitor, SD export). */
  keptWhenLapsed: boolean;
}

/** Every §3 capability of the camera, in the matrix's order, with its label and whether it is on. */
export function capabilityLines(capabilities: Capabilities, lang: Language): CapabilityLine[] {
  return CAPABILITY_DESCRIPTIONS.map((d) => ({
    key: d.key,
    label: d.label[lang],
    on: capabilities[d.key],
    keptWhenLapsed: d.keptWhenLapsed,
  }));
}

export interface LapseExplanation {
  /** What the camera can no longer do (off now, on with a license). */
  stopped: CapabilityLine[];
  /** What keeps working without a license. */
  kept: CapabilityLine[];
}

/**
 * What stopped and what still works for a camera without a valid license. Built from the
 * camera's own capabilities when given (what the device was told), else from the §3 matrix.
 */
export function lapseExplanation(lang: Language, capabilities: Capabilities = capabilitiesFor(false)) {
  const licensed = capabilitiesFor(true);
  const lines = capabilityLines(capabilities, lang);
  const explanation: LapseExplanation = {
    stopped: lines.filter((l) => !l.on && licensed[l.key]),
    kept: lines.filter((l) => l.on),
  };
  return explanation;
}
