import { useCallback } from 'react';
import type { MessageKey } from './dictionaries';
import { translate, type MessageVars } from './translate';
import { useLang } from './useLang';

export type TFunction = (key: MessageKey, vars?: MessageVars) => string;

/** `const t = useT(); t('nav.customers')` — every visible string goes through here. */
export function useT(): TFunction {
  const { lang } = useLang();
  return useCallback((key: MessageKey, vars?: MessageVars) => translate(lang, key, vars), [lang]);
}
