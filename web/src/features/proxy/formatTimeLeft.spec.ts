import { describe, expect, it } from 'vitest';
import { formatTimeLeft } from './formatTimeLeft';

describe('formatTimeLeft', () => {
  it('shows minutes and seconds under an hour, rounding up', () => {
    expect(formatTimeLeft(30 * 60_000)).toBe('30:00');
    expect(formatTimeLeft(61_001)).toBe('01:02');
    expect(formatTimeLeft(0)).toBe('00:00');
  });

  it('adds hours from one hour on', () => {
    expect(formatTimeLeft(8 * 3_600_000)).toBe('8:00:00');
    expect(formatTimeLeft(3_600_000 + 5_000)).toBe('1:00:05');
  });
});
