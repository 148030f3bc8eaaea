import { describe, expect, it } from '@jest/globals';
import { CAPABILITY_DESCRIPTIONS, CAPABILITY_KEYS, capabilitiesFor } from './capabilities.js';

describe('capabilitiesFor (SPEC §3)', () => {
  it.each([
    ['hdmiLive', true, true],
    ['hdmiPlayback', true, true],
    ['hdmiEvents', true, true],
    ['sdExport', true, true],
    ['edgeRecording', true, false],
    ['remoteLive', true, false],
    ['remotePlayback', true, false],
    ['remoteNotification', true, false],
    ['remoteMaintenance', true, false],
  ] as const)('%s: licensed %s, lapsed %s', (key, licensed, lapsed) => {
    expect(capabilitiesFor(true)[key]).toBe(licensed);
    expect(capabilitiesFor(false)[key]).toBe(lapsed);
  });

  it('builds its keys in the documented order (the signed JSON depends on it)', () => {
    expect(Object.keys(capabilitiesFor(true))).toEqual([...CAPABILITY_KEYS]);
    expect(Object.keys(capabilitiesFor(false))).toEqual([...CAPABILITY_KEYS]);
  });

  it('describes every capability in both languages, agreeing with the matrix', () => {
    expect(CAPABILITY_DESCRIPTIONS.map((d) => d.key)).toEqual([...CAPABILITY_KEYS]);
    for (const d of CAPABILITY_DESCRIPTIONS) {
      expect(d.keptWhenLapsed).toBe(capabilitiesFor(false)[d.key]);
      expect(d.label.ja.length).toBeGreaterThan(0);
      expect(d.label.en.length).toBeGreaterThan(0);
    }
  });
});
