const YEN = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });

/** Integer yen as money, e.g. `￥12,000` (always ja-JP, JPY). */
export function formatYen(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '';
  return YEN.format(amount);
}
