import type { Language } from '@lc/shared';
import { dictionaries, type MessageKey } from './dictionaries';

export type MessageVars = Record<string, string | number>;

/**
 * Looks a message up and fills `{name}` placeholders. `{name|one|other}` picks a word by the number
 * in `name` (1 → `one`, else `other`): `'{count} {count|license|licenses}'` reads "1 license" and
 * "2 licenses" (English; Japanese needs no plural).
 */
export function translate(lang: Language, key: MessageKey, vars?: MessageVars): string {
  const text: string = dictionaries[lang][key] ?? dictionaries.en[key] ?? key;
  if (!vars) return text;
  return text
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, name: string, one: string, other: string) =>
      name in vars ? (Number(vars[name]) === 1 ? one : other) : m,
    )
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
