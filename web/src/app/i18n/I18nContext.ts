import { createContext } from 'react';
import type { Language } from '@lc/shared';

export interface I18nState {
  lang: Language;
  /** Switches the language and remembers it on this device. */
  setLang: (lang: Language) => void;
}

export const I18nContext = createContext<I18nState | null>(null);
