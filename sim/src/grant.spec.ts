import { describe, expect, it } from '@jest/globals';
import { sign } from 'node:crypto';
import type { StreamGrantPayload } from '@lc/shared';
import { keyView, makeKey, type TestKey } from './testing/fake-server.js';
import { checkGrant } from './grant.js';
import { KeyRing } from './verify.js';

const key = makeKey();
const ring = new KeyRing([keyView(key)]);
const NOW = new Date('2027-03-01T10:00:00.000Z');

function payload(over: Partial<StreamGrantPayload> = {}): StreamGrantPayload {
  return {
    typ: 'stream-grant',
    grantId: 'g-1',
    keyId: key.keyId,
    deviceId: 'dev-1',
    cameraId: 'cam-1',
    mode: 'live',
    userId: 'u-1',
    customerId: 'c-1',
    issuedAt: '2027-03-01T09:59:00.000Z',
    expiresAt: '2027-03-01T10:01:00.000Z',
    ...over,
  };
}

function token(p: StreamGrantPayload, k: TestKey = key): string {
  const json = Buffer.from(JSON.stringify(p), 'utf8');
  return `${json.toString('base64url')}.${sign(null, json, k.privateKey).toString('base64url')}`;
}

const expectOk = { deviceId: 'dev-1', cameraIds: new Set(['cam-1', 'cam-2']), now: NOW };

describe('stream grant verification', () => {
  it('accepts a genuine grant for this device and camera, through its expiry instant', () => {
    expect(checkGrant(token(payload()), ring, expectOk)).toEqual({ ok: true, payload: payload() });
    expect(
      checkGrant(token(payload()), ring, { ...expectOk, now: new Date('2027-03-01T10:01:00.000Z') }).ok,
    ).toBe(true);
  });

  it.each<[string, () => string, object?]>([
    ['malformed', () => 'not-a-grant'],
    ['malformed', () => token(payload()).split('.')[0]],
    [
      'bad signature',
      () => {
        const [, sig] = token(payload()).split('.');
        const forged = Buffer.from(JSON.stringify(payload({ mode: 'download' }))).toString('base64url');
        return `${forged}.${sig}`;
      },
    ],
    [
      'bad signature',
      () => {
        const other = makeKey();
        return token(payload(), { ...other, keyId: key.keyId });
      },
    ],
    ['unknown key', () => token(payload({ keyId: 'nope' }))],
    ['expired', () => token(payload({ expiresAt: '2027-03-01T09:59:59.999Z' }))],
    [
      'not yet valid',
      () => token(payload({ issuedAt: '2027-03-01T10:05:00.000Z', expiresAt: '2027-03-01T10:07:00.000Z' })),
    ],
    ['other device', () => token(payload({ deviceId: 'dev-2' }))],
    ['unknown camera', () => token(payload({ cameraId: 'cam-9' }))],
  ])('refuses: %s', (reason, make) => {
    expect(checkGrant(make(), ring, expectOk)).toEqual({ ok: false, reason });
  });
});
