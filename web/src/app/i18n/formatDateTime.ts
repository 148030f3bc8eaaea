import { isValidTimeZone, type Language } from '@lc/shared';

const LOCALES: Record<Language, string> = { en: 'en-US', ja: 'ja-JP' };

export interface FormatOptions {
  seconds?: boolean;
  dateOnly?: boolean;
}

/** Formats an ISO instant for people in `timeZone` (the browser's when not valid or not given). */
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
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(opts.dateOnly
      ? {}
      : {
          hour: '2-digit',
          minute: '2-digit',
          second: opts.seconds ? '2-digit' : undefined,
          hourCycle: 'h23',
        }),
  }).format(d);
}
