import { describe, expect, it } from '@jest/globals';
import { SingleFlight } from './single-flight.js';

/** A read that resolves (or rejects) when told to, counting how often it was started. */
function gate<V>() {
  let started = 0;
  const pending: Array<{ resolve: (v: V) => void; reject: (e: Error) => void }> = [];
  const read = () => {
    started++;
    return new Promise<V>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return { read, pending, started: () => started };
}

describe('SingleFlight', () => {
  it('shares one read among the callers of a key while it is in flight', async () => {
    const sf = new SingleFlight<number>();
    const g = gate<number>();
    const a = sf.run('s1', g.read);
    const b = sf.run('s1', g.read);
    expect(g.started()).toBe(1);
    g.pending[0].resolve(7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    expect(sf.size).toBe(0);
  });

  it('reads again once the shared read has answered, and never shares across keys', async () => {
    const sf = new SingleFlight<number>();
    const g = gate<number>();
    const first = sf.run('s1', g.read);
    const other = sf.run('s2', g.read);
    expect(g.started()).toBe(2);
    g.pending[0].resolve(1);
    g.pending[1].resolve(2);
    expect([await first, await other]).toEqual([1, 2]);
    const later = sf.run('s1', g.read);
    expect(g.started()).toBe(3);
    g.pending[2].resolve(3);
    expect(await later).toBe(3);
  });

  it('gives every sharer the error and forgets the failed read', async () => {
    const sf = new SingleFlight<number>();
    const g = gate<number>();
    const a = sf.run('s1', g.read);
    const b = sf.run('s1', g.read);
    g.pending[0].reject(new Error('connection lost'));
    await expect(a).rejects.toThrow('connection lost');
    await expect(b).rejects.toThrow('connection lost');
    expect(sf.size).toBe(0);
    const retry = sf.run('s1', g.read);
    expect(g.started()).toBe(2);
    g.pending[1].resolve(5);
    expect(await retry).toBe(5);
  });
});
