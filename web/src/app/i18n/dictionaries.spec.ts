import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { translate } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  it('ja and en have identical key sets', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('no message is empty', () => {
    for (const dict of [en, ja]) {
      for (const [key, text] of Object.entries(dict)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('each message uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'login.reason.idle', { minutes: 30 })).toBe(
      'You were signed out after 30 minutes of inactivity. Please sign in again.',
    );
    expect(translate('ja', 'nav.customers')).toBe('顧客');
  });
});
