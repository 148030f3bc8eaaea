import type { Language } from '@lc/shared';
import { dictionaries, type MessageKey } from './dictionaries';

export type MessageVars = Record<string, string | number>;

/** Looks a message up and fills `{name}` placeholders. */
export function translate(lang: Language, key: MessageKey, vars?: MessageVars): string {
  const text: string = dictionaries[lang][key] ?? dictionaries.en[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
