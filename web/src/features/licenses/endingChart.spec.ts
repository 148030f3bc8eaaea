import { describe, expect, it } from 'vitest';
import { monthLabel, renewalWindowForBar } from './endingChart';

describe('monthLabel', () => {
  it.each([
    ['2026-12', 'en', 'Dec 2026'],
    ['2026-12', 'ja', '2026年12月'],
    ['2027-01', 'en', 'Jan 2027'],
    ['2027-01', 'ja', '2027年1月'],
  ] as const)('%s in %s → %s', (ym, lang, label) => {
    expect(monthLabel(ym, lang)).toBe(label);
  });
});

describe('renewalWindowForBar', () => {
  it.each([
    [0, 30],
    [1, 60],
    [2, 90],
    [11, 90],
    [-1, 30],
  ])('bar %i → %i days', (i, days) => {
    expect(renewalWindowForBar(i)).toBe(days);
  });
});
