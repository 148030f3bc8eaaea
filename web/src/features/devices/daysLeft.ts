import type { TFunction } from '../../app/i18n/useT';

/**
 * "123 days left" / "1 day left" / "ends today" / "ended"; an em dash when there is no license.
 * `days` is the API's `daysLeft` (rounded up, 0 once ended).
 */
export function formatDaysLeft(t: TFunction, days: number | null | undefined): string {
  if (days === null || days === undefined) return '—';
  if (days <= 0) return t('devices.daysLeft.ended');
  if (days === 1) return t('devices.daysLeft.one');
  return t('devices.daysLeft.many', { days });
}
