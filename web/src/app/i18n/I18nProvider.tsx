import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '@lc/shared';
import { I18nContext } from './I18nContext';
import { browserLanguage, readStoredLanguage, storeLanguage } from './languageStorage';
import { translate } from './translate';

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [lang, setLangState] = useState<Language>(() => initial ?? readStoredLanguage() ?? browserLanguage());

  const setLang = useCallback((next: Language) => {
    storeLanguage(next);
    setLangState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.productName');
  }, [lang]);

  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
