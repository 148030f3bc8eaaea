import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { PASSWORD_RULE_TEXT, PASSWORD_RULES, type PasswordRule } from '@lc/shared';
import type { Language } from '@lc/shared';
import { I18nProvider } from '../../../app/i18n/I18nProvider';
import { PasswordHints } from './PasswordHints';

afterEach(cleanup);

function metRules(password: string, ctx: { email?: string; name?: string } = {}, lang: Language = 'en') {
  const { container } = render(
    <I18nProvider initial={lang}>
      <PasswordHints password={password} email={ctx.email} name={ctx.name} />
    </I18nProvider>,
  );
  const items = [...container.querySelectorAll<HTMLElement>('[data-rule]')];
  const state = Object.fromEntries(items.map((el) => [el.dataset.rule, el.dataset.met === 'true']));
  return { state: state as Record<PasswordRule, boolean>, container };
}

describe('PasswordHints', () => {
  it('lists every rule of the policy', () => {
    const { state } = metRules('');
    expect(Object.keys(state)).toEqual([...PASSWORD_RULES]);
  });

  it('marks every rule unmet while the field is empty', () => {
    const { state } = metRules('');
    expect(Object.values(state).every((met) => !met)).toBe(true);
  });

  it('marks every rule met for a compliant password', () => {
    const { state } = metRules('Abcdef1!');
    expect(Object.values(state).every(Boolean)).toBe(true);
  });

  it.each<[string, string, PasswordRule[]]>([
    ['too short', 'Ab1!', ['length']],
    ['no upper case', 'abcdef1!', ['upper']],
    ['no digit', 'Abcdefg!', ['digit']],
    ['no symbol', 'Abcdefg1', ['symbol']],
    ['an unlisted symbol', 'Abcdef1!#', ['allowedChars']],
  ])('marks only the broken rule unmet: %s', (_label, password, unmet) => {
    const { state } = metRules(password);
    for (const rule of PASSWORD_RULES) expect(state[rule], rule).toBe(!unmet.includes(rule));
  });

  it('checks the e-mail local part and the name', () => {
    const { state } = metRules('Hanako1!Yamada', { email: 'hanako@example.com', name: 'Taro Yamada' });
    expect(state.containsEmail).toBe(false);
    expect(state.containsName).toBe(false);
    expect(state.length).toBe(true);
  });

  it('shows the rule texts in the current language', () => {
    const { container } = metRules('x', {}, 'ja');
    expect(container.textContent).toContain(PASSWORD_RULE_TEXT.upper.ja);
    expect(container.textContent).not.toContain(PASSWORD_RULE_TEXT.upper.en);
  });
});
