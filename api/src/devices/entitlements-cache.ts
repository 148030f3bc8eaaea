/** One signed document, serialised once: what `GET /api/device/entitlements` sends. */
export interface CachedEntitlements {
  deviceId: string;
  version: number;
  keyId: string;
  /** The JSON text of the signed document (payload, signature, keyId). */
  body: string;
  /** When it was signed (ms): the payload's `issuedAt`. */
  issuedAt: number;
  /**
   * Until when (ms, exclusive) its `licensed` flags stay true without a write: the earliest
   * `validUntil` among its licensed cameras (Infinity when none is licensed). A lapse by time
   * alone does not bump the version, so the document is signed again once this instant came.
   */
  freshUntil: number;
}

/**
 * Signed entitlement documents per device, in this process: signed once per (device, version,
 * signing key) and served as bytes until the version moves on. Any replica rebuilds its own from
 * the database, so nothing has to be shared: the version — bumped by `bumpEntitlementsVersion`
 * in the same transaction as every binding change, never repeated — is the key. At most `max`
 * devices are kept (least recently used goes first).
 */
export class EntitlementsCache {
  private readonly docs = new Map<string, CachedEntitlements>();

  constructor(private readonly max = 50_000) {}

  /** The document for this version and key, if it is still true at `now`. */
  get(deviceId: string, version: number, keyId: string, now: Date): CachedEntitlements | undefined {
    const d = this.docs.get(deviceId);
    const t = now.getTime();
    if (!d || d.version !== version || d.keyId !== keyId || t >= d.freshUntil || t < d.issuedAt)
      return undefined;
    // Most recently used last.
    this.docs.delete(deviceId);
    this.docs.set(deviceId, d);
    return d;
  }

  put(d: CachedEntitlements): void {
    const old = this.docs.get(d.deviceId);
    // Never replace a newer version by an older one (a slow reader finishing late).
    if (old && old.version > d.version) return;
    this.docs.delete(d.deviceId);
    this.docs.set(d.deviceId, d);
    if (this.docs.size > this.max) this.docs.delete(this.docs.keys().next().value!);
  }

  get size(): number {
    return this.docs.size;
  }
}
