import { RENEWAL_WINDOWS, type Language, type RenewalWindow } from '@lc/shared';

/** A `YYYY-MM` month as people read it: "Dec 2026" / "2026年12月". */
export function monthLabel(ym: string, lang: Language): string {
  const [y, m] = ym.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, 1));
}

/**
 * The renewals window (30/60/90 days) that shows the licenses of the chart's bar `index`
 * (0 = this month): this month fits in 30 days, next month in 60, later ones in 90 (the widest).
 */
export function renewalWindowForBar(index: number): RenewalWindow {
  return RENEWAL_WINDOWS[Math.min(Math.max(index, 0), RENEWAL_WINDOWS.length - 1)];
}
