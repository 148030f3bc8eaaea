import { describe, expect, it } from '@jest/globals';
import { checkPassword } from '@lc/shared';
import { generateInitialPassword } from './initial-password.js';

describe('generateInitialPassword', () => {
  it.each([
    { email: 'aoba@bakery.test', name: 'Aoba Bakery' },
    { email: 'x@y.test', name: '' },
    { email: 'abcdefghijkmnop@x.test', name: 'Qrstuvwxyz Ab' },
  ])('always satisfies the policy for %o', (ctx) => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const pw = generateInitialPassword(ctx);
      expect(checkPassword(pw, ctx)).toEqual({ ok: true, failures: [] });
      expect(pw).toHaveLength(14);
      seen.add(pw);
    }
    expect(seen.size).toBe(300);
  });

  it('retries until the policy holds (a generator that first yields a bad password)', () => {
    let calls = 0;
    // The first round picks index 0 everywhere ("A a 2 @ AAAAAAAAAA"), which is fine; force a
    // rejected round by naming the user after what the first round produces.
    const first = generateInitialPassword({}, () => 0);
    const pw = generateInitialPassword({ name: first.toLowerCase() }, (max) => {
      calls++;
      return calls <= 14 + 13 ? 0 : calls % max;
    });
    expect(pw).not.toBe(first);
    expect(checkPassword(pw, { name: first.toLowerCase() }).ok).toBe(true);
  });
});
