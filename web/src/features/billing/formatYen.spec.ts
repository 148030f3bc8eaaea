import { describe, expect, it } from 'vitest';
import { formatYen } from './formatYen';

describe('formatYen', () => {
  it('formats integer yen with grouping and the yen sign', () => {
    expect(formatYen(12000)).toBe('￥12,000');
    expect(formatYen(0)).toBe('￥0');
    expect(formatYen(1234567)).toBe('￥1,234,567');
  });

  it('is empty for missing values', () => {
    expect(formatYen(null)).toBe('');
    expect(formatYen(undefined)).toBe('');
    expect(formatYen(Number.NaN)).toBe('');
  });
});
