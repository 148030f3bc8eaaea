import { isValidTimeZone, type Language } from '@lc/shared';

const LOCALES: Record<Language, string> = { en: 'en-US', ja: 'ja-JP' };

export interface FormatOptions {
  seconds?: boolean;
  dateOnly?: boolean;
}

/**
 * Formats an ISO instant for people in `timeZone` (the browser's when not valid or not given) in
 * one unambiguous form for both languages: `YYYY-MM-DD HH:mm` (`:ss` with `seconds`), or
 * `YYYY-MM-DD` with `dateOnly`. `lang` is kept for callers; the form does not depend on it.
 */
export function formatDateTime(
  iso: string | null | undefined,
  lang: Language,
  timeZone: string | undefined,
  opts: FormatOptions = {},
): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const tz = timeZone && isValidTimeZone(timeZone) ? timeZone : undefined;
  const parts = new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  if (opts.dateOnly) return date;
  const time = `${part('hour')}:${part('minute')}`;
  return `${date} ${opts.seconds ? `${time}:${part('second')}` : time}`;
}
