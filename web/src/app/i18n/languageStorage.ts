import { LANGUAGES, type Language } from '@lc/shared';

export const LANG_KEY = 'lc.lang';

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** The language chosen on this device, if any. */
export function readStoredLanguage(): Language | null {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

export function storeLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
}

export function browserLanguage(): Language {
  const langs = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const l of langs) {
    const base = l?.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
