import type { Command, HeartbeatLog } from './types.js';

type Log = Omit<HeartbeatLog, 'at'>;

/** The device settings a remote command may change. */
export interface DeviceSettings {
  status: string;
  firmware: string;
  thumbnailCache: boolean;
}

/** What running a command did: its result, the logs it writes, the settings it changed. */
export interface CommandOutcome {
  status: 'done' | 'failed';
  message: string;
  logs: Log[];
  set: Partial<DeviceSettings>;
  /** The change belongs in the device's saved state. */
  save: boolean;
}

/**
 * Runs a remote command other than `restart` (which takes the device down for a while and is the
 * simulator's own) against the device's settings. Pure: the caller applies the outcome.
 */
export function runCommand(c: Command, d: DeviceSettings): CommandOutcome {
  const done = (
    message: string,
    logs: Log[],
    set: Partial<DeviceSettings> = {},
    save = false,
  ): CommandOutcome => ({
    status: 'done',
    message,
    logs,
    set,
    save,
  });
  const failed = (message: string): CommandOutcome => ({
    status: 'failed',
    message,
    logs: [],
    set: {},
    save: false,
  });
  switch (c.kind) {
    case 'firmware_update': {
      const v = c.payload?.version;
      if (v !== undefined && (typeof v !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(v))) {
        return failed('payload.version: must be a version string');
      }
      const firmware = typeof v === 'string' ? v : bumpPatch(d.firmware);
      const log: Log = {
        kind: 'operation',
        code: 'firmware_update',
        message: `Firmware ${d.firmware} → ${firmware}`,
      };
      return done(`firmware ${firmware}`, [log], { firmware }, true);
    }
    case 'alarm_reset': {
      const was = d.status === 'alarm';
      const log: Log = { kind: 'operation', code: 'alarm_reset', message: 'Alarm reset remotely' };
      return done(was ? 'alarm cleared' : 'no alarm was raised', [log], was ? { status: 'normal' } : {});
    }
    case 'error_recovery': {
      const was = d.status === 'recorder_error';
      const log: Log = { kind: 'operation', code: 'error_recovery', message: 'Error recovery run remotely' };
      return done(was ? 'recovered' : 'no error to recover from', [log], was ? { status: 'normal' } : {});
    }
    case 'thumbnail_cache': {
      const enabled = c.payload?.enabled;
      if (typeof enabled !== 'boolean') return failed('payload.enabled: must be true or false');
      // Bulk operations send the interval (minutes) with "on" (seed 001 §4.2.11).
      const interval = c.payload?.intervalMinutes;
      const every = enabled && typeof interval === 'number' ? `, every ${interval} min` : '';
      const log: Log = {
        kind: 'operation',
        code: 'thumbnail_cache',
        message: `Thumbnail cache ${enabled ? 'on' : 'off'}${every}`,
      };
      return done(
        `thumbnail cache ${enabled ? 'on' : 'off'}${every}`,
        [log],
        { thumbnailCache: enabled },
        true,
      );
    }
    default:
      return failed(`unknown command kind "${c.kind}"`);
  }
}

function bumpPatch(v: string): string {
  const m = /^(.*?)(\d+)$/.exec(v);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${v}.1`;
}
