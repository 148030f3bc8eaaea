import { DEFAULT_TIME_ZONE, zonedTimeToUtc } from '@lc/shared';
import { AppError } from '../common/errors/app-error.js';

/**
 * A `from`/`to` query value: an ISO instant as given, or a date read in `timeZone` — `from` at
 * the start of that day, `to` at the start of the next day (so the whole day is included).
 * Bounds are used as `from <= t < to`.
 */
export function parseBound(
  v: string | undefined,
  field: 'from' | 'to',
  timeZone = DEFAULT_TIME_ZONE,
): Date | null {
  if (v === undefined) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
      throw AppError.validation(field, 'is not a calendar date');
    }
    return zonedTimeToUtc(y, mo, field === 'to' ? d + 1 : d, 0, 0, timeZone);
  }
  const t = new Date(v);
  if (Number.isNaN(t.getTime())) throw AppError.validation(field, 'is not a valid instant');
  return t;
}
