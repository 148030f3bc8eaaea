import { verify } from 'node:crypto';
import { parseStreamGrant, type StreamGrantPayload } from '@lc/shared';
import type { KeyRing } from './verify.js';

/** Why a stream grant was refused by the device. */
export type GrantRefusal =
  | 'malformed'
  | 'unknown key'
  | 'bad signature'
  | 'expired'
  | 'not yet valid'
  | 'other device'
  | 'unknown camera';

/**
 * What the device checks before it streams (SPEC §8): a grant token
 * `<base64url(payload JSON)>.<base64url(Ed25519 signature)>` signed by a published key (the
 * entitlements key), addressed to this device and one of its cameras, and not expired by the
 * device's own clock. Pure; the simulator then also requires the camera's remote capability.
 */
export function checkGrant(
  token: unknown,
  keys: KeyRing,
  expect: { deviceId: string | null; cameraIds: ReadonlySet<string>; now: Date },
): { ok: true; payload: StreamGrantPayload } | { ok: false; reason: GrantRefusal } {
  const parsed = typeof token === 'string' ? parseStreamGrant(token.trim()) : null;
  if (!parsed) return { ok: false, reason: 'malformed' };
  const { payload, payloadBytes, signature } = parsed;
  const key = typeof payload.keyId === 'string' ? keys.get(payload.keyId) : undefined;
  if (!key) return { ok: false, reason: 'unknown key' };
  let genuine: boolean;
  try {
    genuine = verify(null, Buffer.from(payloadBytes, 'utf8'), key, Buffer.from(signature, 'base64url'));
  } catch {
    genuine = false;
  }
  if (!genuine) return { ok: false, reason: 'bad signature' };
  const expires = Date.parse(payload.expiresAt);
  if (!Number.isFinite(expires) || expect.now.getTime() > expires) return { ok: false, reason: 'expired' };
  const issued = Date.parse(payload.issuedAt);
  // A little tolerance for clocks that run slightly apart.
  if (Number.isFinite(issued) && issued - expect.now.getTime() > 60_000)
    return { ok: false, reason: 'not yet valid' };
  if (!expect.deviceId || payload.deviceId !== expect.deviceId) return { ok: false, reason: 'other device' };
  if (!expect.cameraIds.has(payload.cameraId)) return { ok: false, reason: 'unknown camera' };
  return { ok: true, payload };
}
