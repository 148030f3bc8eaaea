import { useCallback } from 'react';
import type { Language } from '@lc/shared';
import { useSession } from '../../features/auth/hooks/useSession';
import { useUpdateLanguage } from '../../features/auth/hooks/useUpdateLanguage';
import { useLang } from './useLang';

/** Switches the language here and, when someone is signed in, saves it on the account. */
export function useSwitchLanguage(): (lang: Language) => void {
  const { setLang } = useLang();
  const { user } = useSession();
  const { mutate } = useUpdateLanguage();
  const signedIn = user !== null;
  return useCallback(
    (lang: Language) => {
      setLang(lang);
      if (signedIn) mutate(lang);
    },
    [setLang, signedIn, mutate],
  );
}
