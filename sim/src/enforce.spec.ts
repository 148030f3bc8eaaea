import { describe, expect, it } from '@jest/globals';
import { capabilitiesFor } from '@lc/shared';
import { enforce, enforceCamera, learnCameraIds, type SimCamera } from './enforce.js';
import { payloadFor } from './testing/fake-server.js';

const cams = (): SimCamera[] => [
  { channel: 1, model: 'C', cameraId: 'cam-1' },
  { channel: 2, model: 'C', cameraId: 'cam-2' },
];
const until = '2027-01-01T00:00:00.000Z';
const before = new Date('2026-12-31T23:59:59.000Z');
const after = new Date('2027-01-01T00:00:00.000Z');
const doc = payloadFor('dev', 1, [
  { cameraId: 'cam-1', validUntil: until },
  { cameraId: 'cam-2', validUntil: null },
]);

describe('per-camera enforcement (SPEC §3)', () => {
  it('a licensed camera records and streams remotely; HDMI live is on', () => {
    const [c] = enforce(cams(), doc, before);
    expect(c).toMatchObject({ recording: true, remoteStreaming: true, hdmiLive: true, reason: 'licensed' });
    expect(c.capabilities).toEqual(capabilitiesFor(true));
  });

  it('an unlicensed camera neither records nor streams remotely; HDMI live and SD export stay', () => {
    const [, c] = enforce(cams(), doc, before);
    expect(c).toMatchObject({
      recording: false,
      remoteStreaming: false,
      hdmiLive: true,
      reason: 'not licensed',
    });
    expect(c.capabilities).toEqual(capabilitiesFor(false));
  });

  it('a licensed camera stops recording once its validUntil passes by the device clock', () => {
    const [c] = enforce(cams(), doc, after);
    expect(c).toMatchObject({
      recording: false,
      remoteStreaming: false,
      hdmiLive: true,
      licensed: true,
      reason: 'validity passed',
    });
    expect(c.capabilities).toEqual(capabilitiesFor(false));
  });

  it('without a document, or for a camera the document does not list, only the kept capabilities', () => {
    expect(enforce(cams(), null, before).map((c) => [c.recording, c.hdmiLive, c.reason])).toEqual([
      [false, true, 'no entitlements'],
      [false, true, 'no entitlements'],
    ]);
    const stranger = enforceCamera({ channel: 3, model: 'C', cameraId: 'cam-x' }, doc, before);
    expect(stranger).toMatchObject({ recording: false, hdmiLive: true, reason: 'no entitlements' });
  });

  it('never grants more than the document: licensed without validUntil, or capabilities withheld', () => {
    const odd = payloadFor('dev', 1, [{ cameraId: 'cam-1', validUntil: until }]);
    odd.cameras[0].capabilities = { ...capabilitiesFor(true), remoteLive: false };
    expect(enforceCamera(cams()[0], odd, before)).toMatchObject({ recording: true, remoteStreaming: false });
    odd.cameras[0].validUntil = null;
    expect(enforceCamera(cams()[0], odd, before)).toMatchObject({
      recording: false,
      reason: 'validity passed',
    });
  });

  it('learns ids of cameras registered by heartbeat in channel order', () => {
    const list: SimCamera[] = [
      { channel: 1, model: 'C', cameraId: 'cam-1' },
      { channel: 5, model: 'C', cameraId: null },
      { channel: 3, model: 'C', cameraId: null },
    ];
    const p = payloadFor('dev', 2, [
      { cameraId: 'cam-1', validUntil: null },
      { cameraId: 'cam-3', validUntil: null },
      { cameraId: 'cam-5', validUntil: null },
    ]);
    expect(learnCameraIds(list, p)).toBe(true);
    expect(list.map((c) => [c.channel, c.cameraId])).toEqual([
      [1, 'cam-1'],
      [5, 'cam-5'],
      [3, 'cam-3'],
    ]);
    expect(learnCameraIds(list, p)).toBe(false);
  });
});
