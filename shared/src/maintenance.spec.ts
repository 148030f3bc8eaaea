import { describe, expect, it } from '@jest/globals';
import { phoneDigits, samePhone } from './maintenance.js';

describe('phone numbers compare by digits only (seed 004 linking)', () => {
  const cases: Array<[string | null, string | null, boolean]> = [
    ['03-1234-5678', '0312345678', true],
    ['(03) 1234 5678', '03-1234-5678', true],
    ['+81 3 1234 5678', '81312345678', true],
    ['03-1234-5678', '03-1234-5679', false],
    ['03-1234-5678', '3-1234-5678', false],
    [null, '', false],
    ['---', '()', false],
    ['03-1234-5678', null, false],
  ];
  it.each(cases)('%s vs %s → %s', (a, b, same) => {
    expect(samePhone(a, b)).toBe(same);
  });

  it('keeps only the digits', () => {
    expect(phoneDigits(' +81 (3) 1234-5678 ')).toBe('81312345678');
    expect(phoneDigits(undefined)).toBe('');
  });
});
