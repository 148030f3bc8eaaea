import type { Capabilities } from './capabilities.js';
import type { LicenseKind } from './licenses.js';

export const DEVICE_TYPES = ['recorder', 'camera'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** A customer may register at most this many camera-direct cameras (SPEC §2). */
export const DIRECT_CAMERA_LIMIT = 2;
/** Camera names are at most 20 characters (SPEC §8). */
export const CAMERA_NAME_MAX = 20;
/** A firmware version typed for an update (single and bulk), at most this many characters. */
export const FIRMWARE_VERSION_MAX = 40;
/** The reason noted with a license transfer or a device exchange. */
export const TRANSFER_REASON_MAX = 500;

/** `POST /api/device/register` answer (API.md). */
export interface DeviceRegistration {
  deviceId: string;
  credential: string;
  cameras: Array<{ id: string; channel: number }>;
}

/** One camera in the device tree, with its license status. */
export interface CameraView {
  id: string;
  deviceId: string;
  channel: number;
  model: string;
  kind: LicenseKind;
  name: string | null;
  doNotLicense: boolean;
  registeredAt: string;
  licensed: boolean;
  licenseId: string | null;
  endsAt: string | null;
  daysLeft: number | null;
  /** Without a valid license (never licensed, or its license ended). */
  lapsed: boolean;
  lapsedAt: string | null;
  capabilities: Capabilities;
}

export interface DeviceView {
  id: string;
  customerId: string;
  type: DeviceType;
  serial: string;
  model: string;
  mac: string;
  firmware: string;
  name: string | null;
  status: string;
  lastSeenAt: string | null;
  createdAt: string;
  cameras: CameraView[];
}

export interface DeletionImpact {
  /** Licenses that deletion voids (bound to the device's cameras and still valid). */
  licenses: number;
  /** Their remaining days, summed: forfeited without refund. */
  daysForfeited: number;
}

export interface EntitlementCamera {
  cameraId: string;
  licensed: boolean;
  validUntil: string | null;
  capabilities: Capabilities;
}

export interface EntitlementsPayload {
  deviceId: string;
  issuedAt: string;
  version: number;
  cameras: EntitlementCamera[];
}

/** Signed: `signature` = base64 Ed25519 over the UTF-8 bytes of JSON.stringify(payload). */
export interface EntitlementsDocument {
  payload: EntitlementsPayload;
  signature: string;
  keyId: string;
}

export interface SigningKeyView {
  keyId: string;
  publicKeyPem: string;
  createdAt: string;
  retiredAt: string | null;
}

export interface HeartbeatResult {
  commands: Array<{ id: string; kind: string; payload: Record<string, unknown>; createdAt: string }>;
  entitlementsVersion: number;
}

/** Commands a customer queues for a device; delivered with the next heartbeat (SPEC §7, §8). */
export const DEVICE_COMMAND_KINDS = [
  'restart',
  'firmware_update',
  'alarm_reset',
  'error_recovery',
  'thumbnail_cache',
] as const;
export type DeviceCommandKind = (typeof DEVICE_COMMAND_KINDS)[number];

export interface DeviceCommandView {
  id: string;
  deviceId: string;
  kind: DeviceCommandKind;
  payload: Record<string, unknown>;
  status: 'pending' | 'delivered' | 'done' | 'failed' | 'cancelled';
  notBefore: string | null;
  createdAt: string;
  deliveredAt: string | null;
  /** What the device reported when it executed the command (heartbeat `commandResults`). */
  resultMessage: string | null;
  completedAt: string | null;
}

/** Device status words that are anomalies (SPEC §7, §9); `normal` and others are not. */
export const ANOMALY_STATUSES = ['communication_error', 'recorder_error', 'alarm'] as const;
export type AnomalyStatus = (typeof ANOMALY_STATUSES)[number];

/** Device log kinds and how many entries of each are kept per device (SPEC §8). */
export const DEVICE_LOG_KINDS = ['error', 'access', 'operation', 'network'] as const;
export type DeviceLogKind = (typeof DEVICE_LOG_KINDS)[number];
export const DEVICE_LOG_RETENTION: Record<DeviceLogKind, number> = {
  error: 1000,
  access: 500,
  operation: 500,
  network: 100,
};

export const CONNECTION_EVENT_KINDS = ['registered', 'online', 'communication_error'] as const;
export type ConnectionEventKind = (typeof CONNECTION_EVENT_KINDS)[number];
/** Connection history pages hold 50 entries (SPEC §8). */
export const CONNECTION_HISTORY_PAGE_SIZE = 50;
/** Event search: 100 per page, at most 1000 results (SPEC §8). */
export const EVENT_PAGE_SIZE = 100;
export const EVENT_SEARCH_MAX = 1000;

/** `POST /api/device/heartbeat` body (API.md, extended). */
export interface HeartbeatBody {
  status: string;
  /** Recorder only: its full current camera list; new channels are registered and licensed. */
  cameras?: Array<{ channel: number; model: string }>;
  events?: Array<{ type: string; at?: string; channel?: number; message?: string }>;
  logs?: Array<{ kind: DeviceLogKind; at?: string; code?: string; message: string }>;
  commandResults?: Array<{ id: string; status: 'done' | 'failed'; message?: string }>;
}

export interface ConnectionEventView {
  id: string;
  deviceId: string;
  deviceName: string | null;
  model: string;
  serial: string;
  at: string;
  kind: ConnectionEventKind;
  status: string | null;
}

export interface DeviceLogView {
  id: string;
  deviceId: string;
  kind: DeviceLogKind;
  at: string;
  code: string | null;
  message: string;
}

export interface DeviceEventView {
  id: string;
  deviceId: string;
  deviceName: string | null;
  cameraId: string | null;
  cameraName: string | null;
  channel: number | null;
  type: string;
  at: string;
  message: string | null;
}
