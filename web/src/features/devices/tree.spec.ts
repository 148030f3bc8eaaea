import { describe, expect, it } from 'vitest';
import type { DeviceView } from '@lc/shared';
import { translate } from '../../app/i18n/translate';
import type { TFunction } from '../../app/i18n/useT';
import { testCamera } from './testCamera';
import { cameraDisplayName, deviceDisplayName, groupDevices, lapsedCount } from './tree';

const en: TFunction = (key, vars) => translate('en', key, vars);

function device(over: Partial<DeviceView>): DeviceView {
  return {
    id: 'd',
    customerId: 'c',
    type: 'recorder',
    serial: 'SN-1',
    model: 'REC-8',
    mac: '00:11:22:33:44:55',
    firmware: '1.0.0',
    name: null,
    status: 'online',
    lastSeenAt: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    cameras: [],
    ...over,
  };
}

describe('device tree helpers', () => {
  it('groups recorders before camera-direct cameras, keeping their order', () => {
    const a = device({ id: 'a', type: 'camera' });
    const b = device({ id: 'b' });
    const c = device({ id: 'c' });
    const { recorders, direct } = groupDevices([a, b, c]);
    expect(recorders.map((d) => d.id)).toEqual(['b', 'c']);
    expect(direct.map((d) => d.id)).toEqual(['a']);
  });

  it('counts cameras without a valid license across devices', () => {
    const devices = [
      device({ cameras: [testCamera(), testCamera({ licensed: false })] }),
      device({ cameras: [testCamera({ licensed: false })] }),
    ];
    expect(lapsedCount(devices)).toBe(2);
  });

  it('names unnamed cameras after their channel and unnamed devices after model and serial', () => {
    expect(cameraDisplayName(en, { name: null, channel: 3 })).toBe('Camera 3');
    expect(cameraDisplayName(en, { name: 'Gate', channel: 3 })).toBe('Gate');
    expect(deviceDisplayName(device({}))).toBe('REC-8 (SN-1)');
    expect(deviceDisplayName(device({ name: 'Shop' }))).toBe('Shop');
  });
});
