/**
 * Consumption tax for an invoice (SPEC §6, Japan's qualified-invoice rules): line amounts are
 * summed per tax rate, and the tax of each rate is computed once on that sum and rounded down
 * (never per line). Amounts are integer yen; rates are whole percentages (10, 8, 0).
 */
export interface TaxableLine {
  amount: number;
  rate: number;
}

export interface TaxSummary {
  subtotal: number;
  /** One entry per rate, highest rate first. */
  taxes: Array<{ rate: number; taxable: number; tax: number }>;
  tax: number;
  total: number;
}

export function computeTax(lines: readonly TaxableLine[]): TaxSummary {
  const byRate = new Map<number, number>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount) || l.amount < 0) {
      throw new RangeError(`line amount must be a non-negative whole number of yen (got ${l.amount})`);
    }
    if (!Number.isInteger(l.rate) || l.rate < 0 || l.rate > 100) {
      throw new RangeError(`tax rate must be a whole percentage (got ${l.rate})`);
    }
    byRate.set(l.rate, (byRate.get(l.rate) ?? 0) + l.amount);
  }
  const taxes = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, taxable]) => ({ rate, taxable, tax: Math.floor((taxable * rate) / 100) }));
  const subtotal = taxes.reduce((s, t) => s + t.taxable, 0);
  const tax = taxes.reduce((s, t) => s + t.tax, 0);
  return { subtotal, taxes, tax, total: subtotal + tax };
}
