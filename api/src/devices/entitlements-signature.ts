import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { EntitlementsDocument, EntitlementsPayload } from '@lc/shared';

/** The bytes that are signed: the compact JSON of the payload, keys in the order built. */
export function signedBytes(payload: EntitlementsPayload): Buffer {
  return Buffer.from(JSON.stringify(payload), 'utf8');
}

/** base64 Ed25519 signature of the payload. */
export function signPayload(payload: EntitlementsPayload, privateKey: KeyObject | string): string {
  return sign(null, signedBytes(payload), privateKey).toString('base64');
}

/**
 * Checks an entitlements document against a published public key (PEM). Pure: used by the
 * tests and by the device simulator. A payload changed in any byte fails.
 */
export function verifyEntitlements(doc: EntitlementsDocument, publicKeyPem: string): boolean {
  try {
    return verify(
      null,
      signedBytes(doc.payload),
      createPublicKey(publicKeyPem),
      Buffer.from(doc.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** A key id: the first 16 hex digits of the SHA-256 of the public key PEM. */
export function keyIdOf(publicKeyPem: string): string {
  return createHash('sha256').update(publicKeyPem).digest('hex').slice(0, 16);
}
