import { describe, expect, it } from 'vitest';
import { translate } from '../../app/i18n/translate';
import type { TFunction } from '../../app/i18n/useT';
import { formatDaysLeft } from './daysLeft';

const en: TFunction = (key, vars) => translate('en', key, vars);
const ja: TFunction = (key, vars) => translate('ja', key, vars);

describe('formatDaysLeft', () => {
  it.each([
    [404, '404 days'],
    [2, '2 days'],
    [1, '1 day'],
    [0, 'Ended'],
    [null, '—'],
    [undefined, '—'],
  ])('%s → %s', (days, text) => {
    expect(formatDaysLeft(en, days)).toBe(text);
  });

  it('in Japanese', () => {
    expect(formatDaysLeft(ja, 30)).toBe('30日');
    expect(formatDaysLeft(ja, 0)).toBe('終了');
  });
});
