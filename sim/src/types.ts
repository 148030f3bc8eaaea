import type { HeartbeatBody, HeartbeatResult } from '@lc/shared';
import type { CameraStatus } from './enforce.js';
import type { GrantRefusal } from './grant.js';
import type { Refusal } from './verify.js';

export type DeviceKind = 'recorder' | 'camera';

export interface SimulatorOptions {
  /** Base URL of the License Console (default http://127.0.0.1:3000). */
  url?: string;
  /** The contract holder's e-mail and password: needed to register, not to reuse a saved credential. */
  email?: string;
  password?: string;
  type?: DeviceKind;
  /** Channels of a recorder (1..n); a camera-direct device has one. Default 4. */
  cameras?: number;
  serial?: string;
  model?: string;
  firmware?: string;
  mac?: string;
  /** Where the credential, camera ids and last valid document are kept; null = nowhere. */
  statePath?: string | null;
  /** Heartbeat interval; 0 = only when `heartbeatNow()` is called. Default 30 000. */
  heartbeatMs?: number;
  /** Long-poll timeout asked of the server (1–55). Default 25. */
  longPollSeconds?: number;
  /** Wait before trying again after the server could not be reached. Default 2 000. */
  retryMs?: number;
  /** How long a remote restart keeps the device down. Default 1 500. */
  restartMs?: number;
  /** How often the device re-checks validUntil against its clock. Default 1 000; 0 = only on `evaluate()`. */
  tickMs?: number;
  /** The device's own clock (tests move it). Default: the real time. */
  now?: () => Date;
  /** Random motion events on recording cameras with each heartbeat. Default true. */
  activity?: boolean;
  fetch?: typeof fetch;
}

export interface LogEntry {
  at: string;
  level: 'info' | 'warn' | 'error';
  message: string;
}

export interface SimSnapshot {
  /** The device's clock when the snapshot was taken. */
  now: string;
  url: string;
  type: DeviceKind;
  serial: string;
  model: string;
  firmware: string;
  deviceId: string | null;
  /** Reported with each heartbeat: normal, alarm, recorder_error. */
  status: string;
  /** The last request to the server got an answer. */
  connected: boolean;
  /** connecting (no answer yet), connected, unreachable (lost), offline (simulated cable pull). */
  link: 'connecting' | 'connected' | 'unreachable' | 'offline';
  offline: boolean;
  restarting: boolean;
  /** Why the simulator gave up (e.g. registration refused), or null while it runs. */
  fatal: string | null;
  thumbnailCache: boolean;
  lastContactAt: string | null;
  /** The document in force (verified), or null. */
  entitlements: { version: number; issuedAt: string; keyId: string; acceptedAt: string } | null;
  lastRefusal: { at: string; reason: Refusal; version: number | null } | null;
  cameras: CameraStatus[];
  /** Remote viewers let in with a verified stream grant, per camera (dropped when the camera may no longer stream). */
  viewers: StreamViewer[];
  /** The last stream grant refused, and why. */
  lastGrantRefusal: { at: string; reason: StreamRefusal; channel: number | null } | null;
  log: LogEntry[];
}

/** A remote viewer the device streams to, admitted by a verified stream grant (SPEC §8). */
export interface StreamViewer {
  channel: number;
  cameraId: string;
  mode: string;
  userId: string;
  grantId: string;
  openedAt: string;
}

/** Why the device refused to stream: the grant itself, or the camera's license (remote capability off). */
export type StreamRefusal = GrantRefusal | 'camera not licensed for remote use';

export type HeartbeatEvent = NonNullable<HeartbeatBody['events']>[number] & { at: string };
export type HeartbeatLog = NonNullable<HeartbeatBody['logs']>[number] & { at: string };
export type CommandResult = NonNullable<HeartbeatBody['commandResults']>[number];
export type Command = HeartbeatResult['commands'][number];
