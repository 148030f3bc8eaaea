import { describe, expect, it } from '@jest/globals';
import { capabilitiesFor } from '@lc/shared';
import { keyView, makeKey, payloadFor, signDoc } from './testing/fake-server.js';
import { checkDocument, checkSignature, KeyRing } from './verify.js';

const key = makeKey();
const ring = new KeyRing([keyView(key)]);
const genuine = () =>
  signDoc(
    payloadFor('dev-1', 3, [
      { cameraId: 'cam-1', validUntil: '2027-01-01T00:00:00.000Z' },
      { cameraId: 'cam-2', validUntil: null },
    ]),
    key,
  );

describe('entitlement signature verification', () => {
  it('accepts a genuine document signed by a published key', () => {
    expect(checkSignature(genuine(), ring)).toBeNull();
    expect(checkDocument(genuine(), ring, { deviceId: 'dev-1', heldVersion: 3 })).toBeNull();
  });

  it.each([
    [
      'a camera switched to licensed',
      (d: ReturnType<typeof genuine>) => {
        d.payload.cameras[1] = {
          ...d.payload.cameras[1],
          licensed: true,
          capabilities: capabilitiesFor(true),
        };
      },
    ],
    [
      'a later validUntil',
      (d: ReturnType<typeof genuine>) => {
        d.payload.cameras[0].validUntil = '2099-01-01T00:00:00.000Z';
      },
    ],
    [
      'a higher version',
      (d: ReturnType<typeof genuine>) => {
        d.payload.version = 4;
      },
    ],
    [
      'a capability turned on',
      (d: ReturnType<typeof genuine>) => {
        d.payload.cameras[1].capabilities.edgeRecording = true;
      },
    ],
  ])('refuses a tampered payload: %s', (_what, tamper) => {
    const d = genuine();
    tamper(d);
    expect(checkSignature(d, ring)).toBe('bad signature');
  });

  it('refuses a document signed by another key under a published key id', () => {
    const other = makeKey();
    const d = signDoc(genuine().payload, other);
    d.keyId = key.keyId;
    expect(checkSignature(d, ring)).toBe('bad signature');
  });

  it('refuses a document whose key id is not published', () => {
    const other = makeKey();
    expect(checkSignature(signDoc(genuine().payload, other), ring)).toBe('unknown key');
  });

  it('refuses unsigned documents and garbage', () => {
    const d = genuine();
    expect(checkSignature({ ...d, signature: '' }, ring)).toBe('unsigned');
    expect(checkSignature({ payload: d.payload, keyId: d.keyId }, ring)).toBe('unsigned');
    expect(checkSignature({ ...d, keyId: undefined }, ring)).toBe('unsigned');
    expect(checkSignature({ ...d, signature: 'not base64 at all!' }, ring)).toBe('bad signature');
    expect(checkSignature(null, ring)).toBe('not a document');
    expect(checkSignature({ signature: d.signature, keyId: d.keyId }, ring)).toBe('not a document');
  });

  it('refuses a genuine document for another device or older than the one held', () => {
    expect(checkDocument(genuine(), ring, { deviceId: 'dev-2', heldVersion: null })).toBe('other device');
    expect(checkDocument(genuine(), ring, { deviceId: 'dev-1', heldVersion: 4 })).toBe('older version');
  });

  it('skips keys that do not parse', () => {
    const r = new KeyRing([{ ...keyView(key), keyId: 'broken', publicKeyPem: 'nonsense' }, keyView(key)]);
    expect(r.has('broken')).toBe(false);
    expect(checkSignature(genuine(), r)).toBeNull();
  });
});
