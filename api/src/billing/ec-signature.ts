import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signed requests older or newer than this (vs the service clock) are refused. */
export const EC_SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** Hex HMAC-SHA256 of `"<t>.<raw body>"` with the dealer's secret. */
export function signEcPayload(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The header value a shop sends: `t=<unix seconds>,v1=<hex>`. */
export function ecSignatureHeader(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return `t=${timestamp},v1=${signEcPayload(secret, timestamp, rawBody)}`;
}

export type EcSignatureCheck = 'ok' | 'malformed' | 'stale' | 'mismatch';

/**
 * Checks `X-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]` (several v1 values are allowed so
 * a shop can send signatures with an old and a new secret while rotating). The timestamp must
 * be within the tolerance of `nowMs`; signatures are compared in constant time.
 */
export function verifyEcSignature(
  header: string | undefined,
  rawBody: Buffer | undefined,
  secret: string | null,
  nowMs: number,
  toleranceSeconds = EC_SIGNATURE_TOLERANCE_SECONDS,
): EcSignatureCheck {
  if (!header || !rawBody) return 'malformed';
  let t: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const i = part.indexOf('=');
    if (i < 0) return 'malformed';
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    if (k === 't') {
      if (!/^\d{1,12}$/.test(v)) return 'malformed';
      t = Number(v);
    } else if (k === 'v1') {
      if (!/^[0-9a-fA-F]{64}$/.test(v)) return 'malformed';
      v1.push(v.toLowerCase());
    }
  }
  if (t === null || v1.length === 0) return 'malformed';
  if (Math.abs(nowMs / 1000 - t) > toleranceSeconds) return 'stale';
  if (!secret) return 'mismatch';
  const expected = Buffer.from(signEcPayload(secret, t, rawBody), 'hex');
  return v1.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected)) ? 'ok' : 'mismatch';
}
