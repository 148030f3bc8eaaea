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

  it('picks the English word by the number: 1 license, 2 licenses (issue 14 §2.10)', () => {
    expect(translate('en', 'licenses.wizard.done', { count: 1, name: 'Aoba' })).toBe(
      '1 license was assigned to Aoba.',
    );
    expect(translate('en', 'licenses.wizard.done', { count: 3, name: 'Aoba' })).toBe(
      '3 licenses were assigned to Aoba.',
    );
    expect(translate('en', 'sharing.cameraCount', { count: 1 })).toBe('1 camera');
    expect(translate('en', 'sharing.cameraCount', { count: 0 })).toBe('0 cameras');
    expect(translate('ja', 'licenses.wizard.done', { count: 1, name: 'Aoba' })).toBe(
      'Aoba に 1 件のライセンスを割り当てました。',
    );
  });

  it('no English count is followed by a fixed plural or "(s)"', () => {
    // Counts that are never 1: the 30/60/90-day windows, limits of characters and results.
    const neverOne = new Set<string>([
      'licenses.dashboard.soonSubtitle',
      'licenses.dashboard.soonNone',
      'licenses.renewals.days',
      'licenses.renewals.empty',
      'ann.tooLong',
      'devices.daysLeft.many',
      'devices.rename.count',
      'devices.events.subtitle',
      'renewalRequests.noteHelp',
      'licenses.wizard.overlap',
      'evn.rule',
      'devices.tree.lapsedMany',
    ]);
    const plural =
      /\{(\w+)\} (?:[a-z-]+ )?(licenses|cameras|devices|recorders|users|months|hours|minutes|days|customers|items|e-mails)\b/;
    const offenders = (Object.keys(en) as Array<keyof typeof en>).filter(
      (k) => !neverOne.has(k) && (plural.test(en[k]) || en[k].includes('(s)')),
    );
    expect(offenders).toEqual([]);
  });

  it('no message shows developer commands (customers read these pages)', () => {
    for (const dict of [en, ja]) {
      for (const [key, text] of Object.entries(dict)) expect(text, key).not.toMatch(/npm (run|ci|test)/);
    }
  });

  it('Japanese keeps one term per concept: 機器 (not デバイス), 発注 (not 注文), 割り当て', () => {
    for (const [key, text] of Object.entries(ja)) expect(text, key).not.toMatch(/デバイス|注文|割当[^て]/);
  });

  it('every Japanese message is translated (only names, codes and symbols stay as in English)', () => {
    const sameInBoth = new Set<string>([
      'language.en',
      'language.ja',
      'mailbox.filterPlaceholder',
      'mailbox.viewHtml',
      'customers.detail.none',
      'account.profile.empty',
      'licenses.wizard.licenseOrdinal',
      'licenses.col.sku',
      'integrations.col.url',
      'integrations.field.url',
      'bulk.on',
      'bulk.off',
    ]);
    const untranslated = (Object.keys(en) as Array<keyof typeof en>).filter(
      (k) => en[k] === ja[k] && !sameInBoth.has(k),
    );
    expect(untranslated).toEqual([]);
  });
});
