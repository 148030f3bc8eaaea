import type { LicenseStanding } from './license-gate.js';
import { ANOMALY_STATUSES, type AnomalyStatus, type DeviceCommandKind, type DeviceType } from './devices.js';

/** A dealer keeps at most this many maintenance-contact e-mail addresses (seed 004 §1-2 STEP4). */
export const MAINTENANCE_CONTACTS_MAX = 5;

/** Failed link attempts (wrong dealer ID or phone) a customer may make per window before 429. */
export const MAINTENANCE_LINK_FAILURES = { max: 5, windowMinutes: 15 } as const;

/** Phone numbers compare by their digits only: `03-1234-5678` equals `0312345678`. */
export function phoneDigits(phone: string | null | undefined): string {
  return (phone ?? '').replace(/[^0-9]/g, '');
}

export function samePhone(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = phoneDigits(a);
  return x.length > 0 && x === phoneDigits(b);
}

/** Operations a maintaining dealer may queue (only while licensed, SPEC §3). */
export const MAINTENANCE_OPERATIONS = [
  'restart',
  'alarm_reset',
  'error_recovery',
  'firmware_update',
] as const satisfies readonly DeviceCommandKind[];
export type MaintenanceOperation = (typeof MAINTENANCE_OPERATIONS)[number];

/** Device statuses that open an anomaly incident (e-mailed to the maintenance contacts). */
export const INCIDENT_KINDS = ANOMALY_STATUSES;
export type IncidentKind = AnomalyStatus;

/** `GET/PUT /api/dealers/me/maintenance-contacts`. */
export interface MaintenanceContacts {
  emails: string[];
  phone: string | null;
}

/** A customer's link of devices to a maintaining dealer. */
export interface MaintenanceLinkView {
  id: string;
  dealerLoginId: string;
  dealerCompanyName: string;
  /** true: every device of the customer, also ones registered later. */
  allDevices: boolean;
  /** The devices linked now. */
  deviceIds: string[];
  createdAt: string;
}

/** One row of the dealer's monitoring list (API.md fields first). */
export interface MaintenanceDeviceItem {
  deviceId: string;
  customerId: string;
  name: string | null;
  type: DeviceType;
  status: string;
  lastSeenAt: string | null;
  customerName: string;
  serial: string;
  model: string;
  firmware: string;
  cameras: number;
  licensedCameras: number;
  /** Remote operations are possible (SPEC §3: a licensed camera). */
  operable: boolean;
}

export interface MaintenanceCustomer {
  customerId: string;
  name: string;
  devices: number;
}

export interface MaintenanceCameraView {
  id: string;
  channel: number;
  name: string | null;
  model: string;
  kind: 'edge' | 'direct';
  licensed: boolean;
  endsAt: string | null;
}

/** The dealer's device page. */
export interface MaintenanceDeviceDetail extends MaintenanceDeviceItem {
  mac: string;
  createdAt: string;
  linkedAt: string;
  cameraList: MaintenanceCameraView[];
  /** Why operations are refused, when they are (`unlicensed`). */
  blockedReason: 'unlicensed' | null;
  /** The device's license standing from the capability gate (SPEC §3) and, when lapsed, since when. */
  licenseState: LicenseStanding;
  lapsedAt: string | null;
  openIncidents: Array<{ kind: IncidentKind; openedAt: string }>;
}
