import { describe, expect, it } from '@jest/globals';
import { CAPABILITY_KEYS } from './capabilities.js';
import {
  cameraLicenseState,
  cameraMay,
  DEVICE_OPERATIONS,
  deviceLicenseState,
  deviceMay,
  deviceSupports,
  hasLicenseEnded,
  isLicenseValid,
  refusalMessage,
  type LicenseStanding,
} from './license-gate.js';

const ENDS = '2027-12-31T14:59:59.999Z';
const at = (delta: number) => new Date(Date.parse(ENDS) + delta);

describe('isLicenseValid (SPEC §2: valid up to and including ends_at)', () => {
  it.each([
    ['a day before', -86_400_000, true],
    ['1 ms before', -1, true],
    ['at ends_at', 0, true],
    ['1 ms after', 1, false],
    ['a day after', 86_400_000, false],
  ])('%s → %s', (_, delta, valid) => {
    expect(isLicenseValid(ENDS, at(delta))).toBe(valid);
    expect(isLicenseValid(new Date(ENDS), at(delta).toISOString())).toBe(valid);
    expect(hasLicenseEnded(ENDS, at(delta))).toBe(!valid);
  });

  it('no license is never valid', () => {
    expect(isLicenseValid(null, at(0))).toBe(false);
    expect(isLicenseValid(undefined, at(0))).toBe(false);
  });
});

describe('cameraLicenseState', () => {
  it.each([
    [{ boundEndsAt: ENDS, lapsedAt: null }, 0, 'licensed'],
    [{ boundEndsAt: ENDS, lapsedAt: null }, 1, 'lapsed'],
    [{ boundEndsAt: null, lapsedAt: '2027-01-01T00:00:00Z' }, 0, 'lapsed'],
    [{ boundEndsAt: null, lapsedAt: null }, 0, 'never_licensed'],
  ] as const)('%j at ends_at%+d ms → %s', (facts, delta, state) => {
    expect(cameraLicenseState(facts, at(delta))).toBe(state);
  });
});

describe('cameraMay: the SPEC §3 matrix per license state', () => {
  const kept = new Set(['hdmiLive', 'hdmiPlayback', 'hdmiEvents', 'sdExport']);
  for (const cap of CAPABILITY_KEYS) {
    it(`${cap}: licensed yes, lapsed/never ${kept.has(cap) ? 'yes' : 'no'}`, () => {
      expect(cameraMay('licensed', cap)).toBe(true);
      expect(cameraMay('lapsed', cap)).toBe(kept.has(cap));
      expect(cameraMay('never_licensed', cap)).toBe(kept.has(cap));
    });
  }
});

describe('deviceLicenseState: a recorder needs one licensed camera, a camera-direct camera its own', () => {
  it.each([
    ['recorder', ['licensed', 'lapsed'], 'licensed'],
    ['recorder', ['lapsed', 'never_licensed'], 'lapsed'],
    ['recorder', ['never_licensed', 'never_licensed'], 'never_licensed'],
    ['recorder', [], 'never_licensed'],
    ['camera', ['licensed'], 'licensed'],
    ['camera', ['lapsed'], 'lapsed'],
    ['camera', ['never_licensed'], 'never_licensed'],
    ['camera', [], 'never_licensed'],
  ] as const)('%s with %j → %s', (type, cams, state) => {
    expect(deviceLicenseState(type, cams as readonly LicenseStanding[])).toBe(state);
    expect(deviceMay(type, cams as readonly LicenseStanding[], 'remoteMaintenance')).toBe(
      state === 'licensed',
    );
    expect(deviceMay(type, cams as readonly LicenseStanding[], 'hdmiLive')).toBe(true);
  });
});

describe('device operations by type (seed 001 §2.1, §4.2.3)', () => {
  it.each([
    ['recorder', 'restart', true],
    ['recorder', 'firmware_update', true],
    ['recorder', 'alarm_reset', true],
    ['recorder', 'error_recovery', true],
    ['recorder', 'thumbnail_cache', true],
    ['camera', 'restart', true],
    ['camera', 'firmware_update', false],
    ['camera', 'alarm_reset', false],
    ['camera', 'error_recovery', false],
    ['camera', 'thumbnail_cache', false],
  ] as const)('%s %s → %s', (type, kind, ok) => {
    expect(deviceSupports(type, kind)).toBe(ok);
  });

  it('lists the recorder’s operations in menu order', () => {
    expect(DEVICE_OPERATIONS.recorder[0]).toBe('restart');
  });
});

describe('refusalMessage names the field and the license state', () => {
  it.each([
    [{ scope: 'camera', licenseState: 'lapsed', lapsedAt: ENDS }, /^cameraId: .*lapsed.*since 2027-12-31/],
    [{ scope: 'camera', licenseState: 'never_licensed', lapsedAt: null }, /^cameraId: .*never had a license/],
    [
      { scope: 'device', deviceType: 'recorder', licenseState: 'lapsed', lapsedAt: null },
      /^deviceId: .*recorder.*lapsed/,
    ],
    [
      { scope: 'device', deviceType: 'camera', licenseState: 'never_licensed', lapsedAt: null },
      /^deviceId: .*camera-direct.*never/,
    ],
  ] as const)('%j', (r, re) => {
    expect(refusalMessage({ capability: 'remoteMaintenance', ...r })).toMatch(re);
  });
});
