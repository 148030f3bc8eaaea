import type { DeviceType } from './devices.js';
/** A customer may ask for a renewal this many days before its camera's license ends (SPEC §8). */
export const RENEWAL_REQUEST_WINDOW_DAYS = 90;
/** Longest note a customer may add to a renewal request. */
export const RENEWAL_NOTE_MAX = 500;

export const RENEWAL_REQUEST_STATUSES = ['open', 'handled'] as const;
export type RenewalRequestStatus = (typeof RENEWAL_REQUEST_STATUSES)[number];

/**
 * Whether a camera may ask for a renewal now: it has no valid license (never had one, or it
 * lapsed), or the one it has ends within the window. `licenseEndsAt` is the end of the camera's
 * bound license, null when none is bound.
 */
export function renewalRequestable(licenseEndsAt: Date | null, now: Date): boolean {
  if (licenseEndsAt === null || licenseEndsAt.getTime() <= now.getTime()) return true;
  return licenseEndsAt.getTime() - now.getTime() <= RENEWAL_REQUEST_WINDOW_DAYS * 86_400_000;
}

/** `GET /api/renewal-requests`: one request, with names instead of ids. */
export interface RenewalRequestView {
  id: string;
  customerId: string;
  customerName: string;
  cameraId: string;
  /** The camera's name, else "device name or serial / CH n". */
  cameraName: string;
  /** For the console's "Camera 3 (recorder REC-8 (SIM-REC-8))": the camera's own name (null: none), its channel, its device. */
  cameraOwnName: string | null;
  cameraChannel: number;
  /** The device's name, else "model (serial)". */
  deviceName: string;
  deviceType: DeviceType;
  deviceId: string;
  note: string | null;
  status: RenewalRequestStatus;
  /** The camera's license end when asked; null when it had none. */
  licenseEndsAt: string | null;
  createdAt: string;
  createdByName: string | null;
  handledAt: string | null;
  handledByName: string | null;
}

/** `GET /api/portal/dealer`: the customer's dealer, to ask for a renewal or call. */
export interface MyDealerView {
  companyName: string;
  phone: string | null;
}
