import { createHash, randomBytes } from 'node:crypto';

/** A new device credential: 32 random bytes, base64url. Only its SHA-256 is stored. */
export function newCredential(): { credential: string; hash: string } {
  const credential = randomBytes(32).toString('base64url');
  return { credential, hash: credentialHash(credential) };
}

export function credentialHash(credential: string): string {
  return createHash('sha256').update(credential, 'utf8').digest('hex');
}

export type { AuthDevice } from '../common/auth/device-verifier.js';
