import { describe, expect, it } from '@jest/globals';
import { runCommand, type DeviceSettings } from './commands.js';

const device: DeviceSettings = { status: 'alarm', firmware: '1.0.9', thumbnailCache: false };
const cmd = (kind: string, payload: Record<string, unknown> = {}) => ({
  id: 'c1',
  kind,
  payload,
  createdAt: '',
});

describe('runCommand (everything but restart)', () => {
  it.each([
    ['firmware_update', {}, device, 'done', 'firmware 1.0.10', { firmware: '1.0.10' }, true],
    ['firmware_update', { version: '2.0' }, device, 'done', 'firmware 2.0', { firmware: '2.0' }, true],
    [
      'firmware_update',
      { version: 'bad version!' },
      device,
      'failed',
      'payload.version: must be a version string',
      {},
      false,
    ],
    ['alarm_reset', {}, device, 'done', 'alarm cleared', { status: 'normal' }, false],
    ['alarm_reset', {}, { ...device, status: 'normal' }, 'done', 'no alarm was raised', {}, false],
    [
      'error_recovery',
      {},
      { ...device, status: 'recorder_error' },
      'done',
      'recovered',
      { status: 'normal' },
      false,
    ],
    ['error_recovery', {}, device, 'done', 'no error to recover from', {}, false],
    [
      'thumbnail_cache',
      { enabled: true, intervalMinutes: 5 },
      device,
      'done',
      'thumbnail cache on, every 5 min',
      { thumbnailCache: true },
      true,
    ],
    [
      'thumbnail_cache',
      { enabled: false },
      device,
      'done',
      'thumbnail cache off',
      { thumbnailCache: false },
      true,
    ],
    [
      'thumbnail_cache',
      { enabled: 'yes' },
      device,
      'failed',
      'payload.enabled: must be true or false',
      {},
      false,
    ],
    ['self_destruct', {}, device, 'failed', 'unknown command kind "self_destruct"', {}, false],
  ] as const)('%s %j', (kind, payload, d, status, message, set, save) => {
    const o = runCommand(cmd(kind, payload), d);
    expect(o).toMatchObject({ status, message, set, save });
    expect(o.logs).toHaveLength(status === 'done' ? 1 : 0);
  });
});
