import { describe, expect, it } from '@jest/globals';
import { DISABLE_AFTER_MS, nextAttemptAt, RETRY_FOR_MS, retryDelayMs } from './retry.js';

describe('webhook retry rules', () => {
  it.each([
    [1, 0.5, 30_000],
    [2, 0.5, 60_000],
    [3, 0.5, 120_000],
    [10, 0.5, 15_360_000],
    [11, 0.5, 21_600_000],
    [30, 0.5, 21_600_000],
    [1, 0, 24_000],
    [1, 0.999999, 36_000],
  ])('attempt %i with random %f waits %i ms', (attempt, random, ms) => {
    expect(retryDelayMs(attempt, random)).toBe(ms);
  });

  it('keeps trying for at least 3 days, then gives up', () => {
    const created = new Date('2027-01-01T00:00:00Z');
    let now = created;
    let attempt = 0;
    for (;;) {
      attempt++;
      const next = nextAttemptAt(created, attempt, now, 0);
      if (!next) break;
      now = next;
    }
    expect(now.getTime() - created.getTime()).toBeGreaterThanOrEqual(RETRY_FOR_MS);
    expect(now.getTime() - created.getTime()).toBeLessThan(RETRY_FOR_MS + 6 * 3_600_000);
    expect(attempt).toBeGreaterThan(15);
    expect(DISABLE_AFTER_MS).toBeGreaterThan(RETRY_FOR_MS);
  });
});
