import type { Language } from '@lc/shared';
import { en } from './en';
import { ja } from './ja';

export type MessageKey = keyof typeof en;

export const dictionaries: Record<Language, Record<MessageKey, string>> = { en, ja };
