import { describe, expect, it } from '@jest/globals';
import { computeTax, type TaxableLine } from './tax.js';

describe('computeTax (SPEC §6: per rate, rounded down once per invoice)', () => {
  // [label, lines, subtotal, taxes, tax, total]
  const cases: Array<[string, TaxableLine[], number, Array<[number, number, number]>, number, number]> = [
    ['no lines', [], 0, [], 0, 0],
    ['one line at 10 %', [{ amount: 9_000, rate: 10 }], 9_000, [[10, 9_000, 900]], 900, 9_900],
    ['rounds down', [{ amount: 1_999, rate: 10 }], 1_999, [[10, 1_999, 199]], 199, 2_198],
    [
      'rounds once on the sum, not per line (3 × 199 → 59, not 3 × 19 = 57)',
      [
        { amount: 199, rate: 10 },
        { amount: 199, rate: 10 },
        { amount: 199, rate: 10 },
      ],
      597,
      [[10, 597, 59]],
      59,
      656,
    ],
    [
      'per rate: 10 % and the reduced 8 % each rounded down',
      [
        { amount: 1_005, rate: 10 },
        { amount: 1_005, rate: 8 },
        { amount: 3_333, rate: 10 },
      ],
      5_343,
      [
        [10, 4_338, 433],
        [8, 1_005, 80],
      ],
      513,
      5_856,
    ],
    ['zero-rated', [{ amount: 5_000, rate: 0 }], 5_000, [[0, 5_000, 0]], 0, 5_000],
    [
      'large orders stay exact',
      [{ amount: 66_700 * 1000, rate: 10 }],
      66_700_000,
      [[10, 66_700_000, 6_670_000]],
      6_670_000,
      73_370_000,
    ],
  ];
  it.each(cases)('%s', (_label, lines, subtotal, taxes, tax, total) => {
    expect(computeTax(lines)).toEqual({
      subtotal,
      taxes: taxes.map(([rate, taxable, t]) => ({ rate, taxable, tax: t })),
      tax,
      total,
    });
  });

  it('refuses fractional or negative amounts and odd rates', () => {
    expect(() => computeTax([{ amount: 1.5, rate: 10 }])).toThrow(RangeError);
    expect(() => computeTax([{ amount: -1, rate: 10 }])).toThrow(RangeError);
    expect(() => computeTax([{ amount: 100, rate: 7.5 }])).toThrow(RangeError);
  });
});
