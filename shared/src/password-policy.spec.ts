import { describe, expect, it } from '@jest/globals';
import { checkPassword, type PasswordRule } from './password-policy.js';

describe('checkPassword (SPEC §5)', () => {
  const cases: Array<[string, string, { email?: string; name?: string }, PasswordRule[]]> = [
    ['accepts a compliant password', 'Abcdef1!', {}, []],
    ['accepts 32 characters', 'Aa1!' + 'x'.repeat(28), {}, []],
    ['refuses 7 characters', 'Abcde1!', {}, ['length']],
    ['refuses 33 characters', 'Aa1!' + 'x'.repeat(29), {}, ['length']],
    ['needs upper case', 'abcdef1!', {}, ['upper']],
    ['needs lower case', 'ABCDEF1!', {}, ['lower']],
    ['needs a digit', 'Abcdefg!', {}, ['digit']],
    ['needs a listed symbol', 'Abcdefg1', {}, ['symbol']],
    ['accepts every listed symbol', 'Abcdef1@$!%*?&/', {}, []],
    ['refuses unlisted symbols', 'Abcdef1!#', {}, ['allowedChars']],
    [
      'refuses the e-mail local part',
      'Xtaro.y1!',
      { email: 'taro.y@example.com' },
      ['allowedChars', 'containsEmail'],
    ],
    [
      'refuses the local part case-insensitively',
      'HanakoA1!',
      { email: 'hanako@example.com' },
      ['containsEmail'],
    ],
    ['refuses the name', 'Yamada12!a', { name: 'Taro Yamada' }, ['containsName']],
    ['ignores very short name parts', 'Abcdef1!', { name: 'Ab C' }, []],
  ];
  it.each(cases)('%s', (_label, pw, ctx, expected) => {
    const r = checkPassword(pw, ctx);
    expect(r.failures).toEqual(expected);
    expect(r.ok).toBe(expected.length === 0);
  });

  it('treats a non-string as failing every character rule', () => {
    const r = checkPassword(undefined as unknown as string);
    expect(r.ok).toBe(false);
    expect(r.failures).toContain('length');
  });
});
