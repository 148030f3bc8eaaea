/**
 * License term arithmetic (SPEC §2), shared by the API and the web wizard.
 *
 * Calendar rules run in the customer's IANA time zone; instants are UTC `Date`s. Only `Intl`
 * is used (no date library): the local year/month of an instant comes from
 * `Intl.DateTimeFormat#formatToParts`, and the UTC instant of a local wall-clock time is found
 * by iterating the zone's offset (with a search for wall times skipped by a DST jump).
 *
 * A license assigned at local time t (month M of year Y):
 *   - is free until the last instant of month M+1               (`freeUntil`)
 *   - its paid term starts at the first instant of month M+2    (`termStartsAt`)
 *   - it ends at the last instant of month M+1+termMonths      (`endsAt`)
 * "Last instant" = one millisecond before the next month's first instant (…23:59:59.999).
 */

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

export interface LicenseTerm {
  assignedAt: Date;
  freeUntil: Date;
  termStartsAt: Date;
  endsAt: Date;
}

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock fields of an instant in a zone (milliseconds kept from the instant). */
function wallFields(instantMs: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const ms = ((instantMs % 1000) + 1000) % 1000;
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    ms,
  };
}

/** Wall clock of an instant in a zone, expressed as "the same fields read as UTC" milliseconds. */
function wallMs(instantMs: number, timeZone: string): number {
  const w = wallFields(instantMs, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
}

/** The zone's offset from UTC at an instant, in milliseconds (JST: +9 h). */
export function zoneOffsetMs(instant: Date | number, timeZone: string): number {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  return wallMs(t, timeZone) - t;
}

/** Local calendar date of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  const w = wallFields(instant.getTime(), timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

/**
 * The UTC instant at which the zone's clocks read the given wall time. When the wall time
 * occurs twice (clocks set back) the earlier instant; when it does not exist (clocks set
 * forward) the first instant after the jump, i.e. the earliest instant whose local time is
 * not before the wall time. `month` may be outside 1–12 (it rolls over into other years).
 */
export function zonedTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The real instant is within ±18 h of `wall`; offsets on both sides give the candidates.
  const offsets = new Set([
    zoneOffsetMs(wall - DAY_MS, timeZone),
    zoneOffsetMs(wall, timeZone),
    zoneOffsetMs(wall + DAY_MS, timeZone),
  ]);
  const valid: number[] = [];
  for (const o of offsets) {
    let t = wall - o;
    // Iterate the offset at the candidate until it is self-consistent (twice is plenty).
    for (let i = 0; i < 3; i++) {
      const next = wall - zoneOffsetMs(t, timeZone);
      if (next === t) break;
      t = next;
    }
    if (wallMs(t, timeZone) === wall) valid.push(t);
  }
  if (valid.length) return new Date(Math.min(...valid));
  // A gap: find the first instant whose wall time is at or after `wall` by bisection.
  let lo = wall - Math.max(...offsets) - DAY_MS;
  let hi = wall - Math.min(...offsets) + DAY_MS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallMs(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** First instant of a local month (`month` may roll over, e.g. 14 = February of next year). */
export function startOfLocalMonth(year: number, month: number, timeZone: string): Date {
  return zonedTimeToUtc(year, month, 1, 0, 0, timeZone);
}

/** Last instant (…23:59:59.999) of a local month (`month` may roll over). */
export function endOfLocalMonth(year: number, month: number, timeZone: string): Date {
  return new Date(startOfLocalMonth(year, month + 1, timeZone).getTime() - 1);
}

/** The dates of a license assigned at `assignedAt` in the customer's zone (SPEC §2). */
export function computeTerm(assignedAt: Date, termMonths: number, timeZone = DEFAULT_TIME_ZONE): LicenseTerm {
  if (!Number.isInteger(termMonths) || termMonths < 1) {
    throw new RangeError(`termMonths must be a positive whole number (got ${termMonths})`);
  }
  const { year, month } = localDate(assignedAt, timeZone);
  const termStartsAt = startOfLocalMonth(year, month + 2, timeZone);
  return {
    assignedAt: new Date(assignedAt.getTime()),
    freeUntil: new Date(termStartsAt.getTime() - 1),
    termStartsAt,
    endsAt: endOfLocalMonth(year, month + 1 + termMonths, timeZone),
  };
}

/** Whole days between two local calendar dates (b − a). */
function calendarDaysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/**
 * `overlapDays` of the assignment preview (SPEC §2): how many days of the new license's paid
 * term the customer's earliest-ending valid license of the same kind still covers.
 *
 * Defined as calendar days in the customer's zone: from the local date of `termStartsAt` to the
 * local date of the existing `endsAt`, both included, when the paid term starts before that
 * license ends; otherwise 0 (and 0 when there is no such license). With the usual month-end
 * `endsAt` this is the number of whole local days of overlap, also across DST changes.
 */
export function overlapDays(
  termStartsAt: Date,
  existingEndsAt: Date | null | undefined,
  timeZone = DEFAULT_TIME_ZONE,
): number {
  if (!existingEndsAt || termStartsAt.getTime() >= existingEndsAt.getTime()) return 0;
  return calendarDaysBetween(localDate(termStartsAt, timeZone), localDate(existingEndsAt, timeZone)) + 1;
}

/**
 * Days left until `endsAt`, rounded up (a license ending later today has 1 day left); 0 once
 * it has ended.
 */
export function daysLeft(endsAt: Date, now: Date): number {
  const ms = endsAt.getTime() - now.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / DAY_MS);
}

/** `YYYY-MM` of an instant in a zone. */
export function localMonthKey(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const { year, month } = localDate(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}`;
}
