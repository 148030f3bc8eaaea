import { describe, expect, it } from 'vitest';
import { CAPABILITY_KEYS, capabilitiesFor } from '@lc/shared';
import { cameraLicenseStatus, capabilityLines, lapseCause, lapseExplanation } from './lapse';
import { testCamera } from './testCamera';

describe('lapseExplanation', () => {
  it('a lapsed camera: edge recording and the four remote features stopped, HDMI and SD kept (SPEC §3)', () => {
    const { stopped, kept } = lapseExplanation('en', capabilitiesFor(false));
    expect(stopped.map((s) => s.key)).toEqual([
      'edgeRecording',
      'remoteLive',
      'remotePlayback',
      'remoteNotification',
      'remoteMaintenance',
    ]);
    expect(kept.map((k) => k.key)).toEqual(['hdmiLive', 'hdmiPlayback', 'hdmiEvents', 'sdExport']);
  });

  it('labels in the requested language', () => {
    const en = lapseExplanation('en');
    const ja = lapseExplanation('ja');
    expect(en.kept[0].label).toBe('Live view on the recorder HDMI monitor');
    expect(ja.kept[0].label).toBe('レコーダーのHDMIモニターでのライブ映像');
    expect(ja.stopped[0].label).toBe('エッジ録画（レコーダー／SDカード）');
  });

  it('a licensed camera has nothing stopped', () => {
    const { stopped, kept } = lapseExplanation('en', capabilitiesFor(true));
    expect(stopped).toEqual([]);
    expect(kept).toHaveLength(CAPABILITY_KEYS.length);
  });

  it('follows what the device was told, not the matrix, when they differ', () => {
    const caps = { ...capabilitiesFor(true), remoteLive: false };
    expect(lapseExplanation('en', caps).stopped.map((s) => s.key)).toEqual(['remoteLive']);
  });
});

describe('capabilityLines', () => {
  it('lists every capability in matrix order with on/off and whether it survives a lapse', () => {
    const lines = capabilityLines(capabilitiesFor(false), 'en');
    expect(lines.map((l) => l.key)).toEqual([...CAPABILITY_KEYS]);
    expect(lines.filter((l) => l.on).every((l) => l.keptWhenLapsed)).toBe(true);
    expect(lines.filter((l) => !l.on).some((l) => l.keptWhenLapsed)).toBe(false);
  });
});

describe('cameraLicenseStatus', () => {
  it.each([
    [{ licensed: true, daysLeft: 400 }, 'licensed'],
    [{ licensed: true, daysLeft: 31 }, 'licensed'],
    [{ licensed: true, daysLeft: 30 }, 'endingSoon'],
    [{ licensed: true, daysLeft: 1 }, 'endingSoon'],
    [{ licensed: false, daysLeft: null }, 'lapsed'],
  ] as const)('%o → %s', (camera, status) => {
    expect(cameraLicenseStatus(camera)).toBe(status);
  });
});

describe('lapseCause', () => {
  it('none while licensed', () => {
    expect(lapseCause(testCamera())).toBeNull();
  });

  it('never licensed: the API reports lapsedAt = registeredAt', () => {
    expect(lapseCause(testCamera({ licensed: false }))).toEqual({ kind: 'neverLicensed' });
    expect(lapseCause(testCamera({ licensed: false, lapsedAt: null }))).toEqual({ kind: 'neverLicensed' });
  });

  it('a license that ended or moved away: since then', () => {
    const at = '2027-12-31T14:59:59.999Z';
    expect(lapseCause(testCamera({ licensed: false, lapsedAt: at }))).toEqual({ kind: 'since', at });
  });
});
