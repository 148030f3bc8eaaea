/**
 * Request coalescing for reads: while a read for a key is in flight, callers asking for the same
 * key share its result (or its error) instead of sending the same statement again. A caller may
 * so get an answer whose statement started shortly before it asked — never one older than one
 * round trip — which is what a read racing with a concurrent write can return anyway. Use it
 * only for reads whose answer does not depend on who asks (issue 16: a burst of requests on one
 * session, or for one dealer's stock, costs one statement per round trip instead of one each).
 */
export class SingleFlight<V> {
  private readonly flying = new Map<string, Promise<V>>();

  run(key: string, read: () => Promise<V>): Promise<V> {
    const inFlight = this.flying.get(key);
    if (inFlight) return inFlight;
    const p = read().finally(() => this.flying.delete(key));
    this.flying.set(key, p);
    return p;
  }

  /** Keys with a read in flight (for tests). */
  get size(): number {
    return this.flying.size;
  }
}
