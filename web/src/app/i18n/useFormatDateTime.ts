import { useCallback } from 'react';
import { useSession } from '../../features/auth/hooks/useSession';
import { formatDateTime, type FormatOptions } from './formatDateTime';
import { useLang } from './useLang';

/** Formats instants in the signed-in user's time zone and the current language. */
export function useFormatDateTime(): (iso: string | null | undefined, opts?: FormatOptions) => string {
  const { lang } = useLang();
  const { user } = useSession();
  const timeZone = user?.timeZone;
  return useCallback(
    (iso: string | null | undefined, opts?: FormatOptions) => formatDateTime(iso, lang, timeZone, opts),
    [lang, timeZone],
  );
}
