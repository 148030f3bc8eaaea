import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { EntitlementsDocument, SigningKeyView } from '@lc/shared';

/** Why a document was refused (or `null` when it is genuine). */
export type Refusal =
  'not a document' | 'unsigned' | 'unknown key' | 'bad signature' | 'other device' | 'older version';

/** The published public keys by key id (current and retired ones: old documents stay checkable). */
export class KeyRing {
  private readonly keys = new Map<string, KeyObject>();

  constructor(keys: readonly SigningKeyView[] = []) {
    this.replace(keys);
  }

  replace(keys: readonly SigningKeyView[]): void {
    this.keys.clear();
    for (const k of keys) {
      try {
        this.keys.set(k.keyId, createPublicKey(k.publicKeyPem));
      } catch {
        // A key that does not parse can verify nothing: leave it out.
      }
    }
  }

  has(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  get(keyId: string): KeyObject | undefined {
    return this.keys.get(keyId);
  }

  get size(): number {
    return this.keys.size;
  }
}

function isDocumentShape(doc: unknown): doc is EntitlementsDocument {
  if (!doc || typeof doc !== 'object') return false;
  const d = doc as Record<string, unknown>;
  const p = d.payload as Record<string, unknown> | undefined;
  return (
    !!p &&
    typeof p === 'object' &&
    typeof p.deviceId === 'string' &&
    typeof p.issuedAt === 'string' &&
    Number.isSafeInteger(p.version) &&
    Array.isArray(p.cameras)
  );
}

/**
 * Checks an entitlements document against the published keys: an Ed25519 signature (base64) by
 * the key named in `keyId`, over the UTF-8 bytes of `JSON.stringify(payload)` — exactly the bytes
 * the server signed, so a payload changed in any byte fails. Returns why it is refused, or null.
 */
export function checkSignature(doc: unknown, keys: KeyRing): Refusal | null {
  if (!isDocumentShape(doc)) return 'not a document';
  if (typeof doc.signature !== 'string' || !doc.signature || typeof doc.keyId !== 'string' || !doc.keyId) {
    return 'unsigned';
  }
  const key = keys.get(doc.keyId);
  if (!key) return 'unknown key';
  try {
    const ok = verify(
      null,
      Buffer.from(JSON.stringify(doc.payload), 'utf8'),
      key,
      Buffer.from(doc.signature, 'base64'),
    );
    return ok ? null : 'bad signature';
  } catch {
    return 'bad signature';
  }
}

/**
 * Everything a device checks before it obeys a document: genuine signature, addressed to this
 * device, and not older than the one it already holds (a replayed old document could switch a
 * camera back on).
 */
export function checkDocument(
  doc: unknown,
  keys: KeyRing,
  expect: { deviceId: string | null; heldVersion: number | null },
): Refusal | null {
  const signature = checkSignature(doc, keys);
  if (signature) return signature;
  const d = doc as EntitlementsDocument;
  if (expect.deviceId && d.payload.deviceId !== expect.deviceId) return 'other device';
  if (expect.heldVersion !== null && d.payload.version < expect.heldVersion) return 'older version';
  return null;
}
