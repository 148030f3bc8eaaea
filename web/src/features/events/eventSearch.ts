import { EVENT_PERIOD_PRESETS, eventPeriod, type EventPeriodPreset } from '@lc/shared';

export type PeriodChoice = 'any' | EventPeriodPreset | 'custom';
export const PERIOD_CHOICES: readonly PeriodChoice[] = ['any', ...EVENT_PERIOD_PRESETS, 'custom'];

/** What the event search form holds; `from`/`to` are ISO instants (custom range) or ''. */
export interface EventFilters {
  deviceIds: string[];
  types: string[];
  period: PeriodChoice;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: EventFilters = { deviceIds: [], types: [], period: 'any', from: '', to: '' };

/** The `GET /api/events` query of the filters; presets are calendar days in the user's zone. */
export function eventSearchQuery(
  f: EventFilters,
  now: Date,
  timeZone: string,
): { deviceIds?: string; types?: string; from?: string; to?: string } {
  const out: { deviceIds?: string; types?: string; from?: string; to?: string } = {};
  if (f.deviceIds.length) out.deviceIds = f.deviceIds.join(',');
  if (f.types.length) out.types = f.types.join(',');
  if (f.period === 'custom') {
    if (f.from) out.from = f.from;
    if (f.to) out.to = f.to;
  } else if (f.period !== 'any') {
    const p = eventPeriod(f.period, now, timeZone);
    out.from = p.from.toISOString();
    out.to = p.to.toISOString();
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPE = /^[a-z_]{1,40}$/;
const isIso = (s: string) => s !== '' && !Number.isNaN(new Date(s).getTime());

/** Filters from the page address (the link in an event e-mail); anything malformed is dropped. */
export function filtersFromParams(params: URLSearchParams): EventFilters {
  const list = (name: string, ok: RegExp) =>
    (params.get(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => ok.test(s));
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const custom = isIso(from) || isIso(to);
  return {
    deviceIds: list('deviceIds', UUID),
    types: list('types', TYPE),
    period: custom ? 'custom' : 'any',
    from: isIso(from) ? new Date(from).toISOString() : '',
    to: isIso(to) ? new Date(to).toISOString() : '',
  };
}

/** An ISO instant as a `datetime-local` input value in the browser's zone ('' stays ''). */
export function isoToLocalInput(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
