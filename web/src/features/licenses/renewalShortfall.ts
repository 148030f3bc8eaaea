import type { RenewalCustomerRow } from '@lc/shared';

/**
 * The order lines that cover one customer's shortfall: for each kind short of renewals, the SKU
 * of its earliest-ending license of that kind, times the shortfall.
 */
export function shortfallLines(row: RenewalCustomerRow): Array<{ skuCode: string; quantity: number }> {
  const lines: Array<{ skuCode: string; quantity: number }> = [];
  for (const k of row.kinds) {
    if (k.shortfall <= 0) continue;
    const first = [...row.licenses]
      .filter((l) => l.kind === k.kind)
      .sort((a, b) => a.endsAt.localeCompare(b.endsAt))[0];
    if (first) lines.push({ skuCode: first.skuCode, quantity: k.shortfall });
  }
  return lines;
}
