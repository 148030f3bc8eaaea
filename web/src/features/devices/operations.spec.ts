import { describe, expect, it } from 'vitest';
import type { DeviceCommandView } from '@lc/shared';
import { cameraStanding, deviceOperations, pendingReservation } from './operations';

const REG = '2026-11-22T01:00:00.000Z';
const licensed = { licensed: true, lapsedAt: null, registeredAt: REG };
const lapsed = (at: string) => ({ licensed: false, lapsedAt: at, registeredAt: REG });
const never = { licensed: false, lapsedAt: REG, registeredAt: REG };

describe('cameraStanding', () => {
  it.each([
    [licensed, 'licensed'],
    [lapsed('2027-12-31T14:59:59.999Z'), 'lapsed'],
    [never, 'never_licensed'],
  ] as const)('%j → %s', (c, s) => {
    expect(cameraStanding(c)).toBe(s);
  });
});

describe('deviceOperations', () => {
  it.each([
    ['recorder', [licensed, never], 'licensed', false],
    ['recorder', [lapsed('2027-01-31T14:59:59.999Z'), never], 'lapsed', true],
    ['recorder', [never, never], 'never_licensed', true],
    ['recorder', [], 'never_licensed', true],
    ['camera', [licensed], 'licensed', false],
    ['camera', [lapsed('2027-01-31T14:59:59.999Z')], 'lapsed', true],
  ] as const)('%s %j → %s (blocked %s)', (type, cameras, standing, blocked) => {
    const s = deviceOperations({ type, cameras: [...cameras] });
    expect(s.standing).toBe(standing);
    expect(s.blocked).toBe(blocked);
  });

  it('offers a camera-direct camera only a restart, a recorder everything', () => {
    expect(deviceOperations({ type: 'camera', cameras: [licensed] }).supported).toEqual(['restart']);
    expect(deviceOperations({ type: 'recorder', cameras: [licensed] }).supported).toContain(
      'firmware_update',
    );
  });

  it('dates the lapse by the camera that lapsed last', () => {
    const s = deviceOperations({
      type: 'recorder',
      cameras: [lapsed('2027-01-31T14:59:59.999Z'), lapsed('2027-03-31T14:59:59.999Z')],
    });
    expect(s.lapsedAt).toBe('2027-03-31T14:59:59.999Z');
  });
});

describe('pendingReservation', () => {
  const cmd = (kind: DeviceCommandView['kind'], status: DeviceCommandView['status']) =>
    ({ id: `${kind}-${status}`, kind, status }) as DeviceCommandView;
  it('finds only a pending firmware update', () => {
    expect(pendingReservation([cmd('restart', 'pending'), cmd('firmware_update', 'cancelled')])).toBeNull();
    expect(pendingReservation([cmd('firmware_update', 'pending')])?.id).toBe('firmware_update-pending');
    expect(pendingReservation(undefined)).toBeNull();
  });
});
