/**
 * Password policy (SPEC §5): 8–32 characters with an upper-case letter, a lower-case
 * letter, a digit and a symbol from `@ $ ! % * ? & /`; only those characters are allowed;
 * must not contain the e-mail's local part or the person's name. Used by the API to
 * refuse and by the web to show live hints.
 */
export const PASSWORD_SYMBOLS = '@$!%*?&/';
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 32;

export type PasswordRule =
  'length' | 'upper' | 'lower' | 'digit' | 'symbol' | 'allowedChars' | 'containsEmail' | 'containsName';

export const PASSWORD_RULES: readonly PasswordRule[] = [
  'length',
  'upper',
  'lower',
  'digit',
  'symbol',
  'allowedChars',
  'containsEmail',
  'containsName',
];

export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

export interface PasswordCheck {
  ok: boolean;
  /** Rules the password breaks, in PASSWORD_RULES order. */
  failures: PasswordRule[];
}

const ALLOWED = /^[A-Za-z0-9@$!%*?&/]*$/;

export function checkPassword(password: string, ctx: PasswordContext = {}): PasswordCheck {
  const failures: PasswordRule[] = [];
  const pw = typeof password === 'string' ? password : '';
  const lower = pw.toLowerCase();
  if (pw.length < PASSWORD_MIN || pw.length > PASSWORD_MAX) failures.push('length');
  if (!/[A-Z]/.test(pw)) failures.push('upper');
  if (!/[a-z]/.test(pw)) failures.push('lower');
  if (!/[0-9]/.test(pw)) failures.push('digit');
  if (![...PASSWORD_SYMBOLS].some((s) => pw.includes(s))) failures.push('symbol');
  if (!ALLOWED.test(pw)) failures.push('allowedChars');
  const local = (ctx.email ?? '').split('@')[0]?.trim().toLowerCase() ?? '';
  if (local.length >= 3 && lower.includes(local)) failures.push('containsEmail');
  const nameParts = (ctx.name ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((p) => p.length >= 3);
  if (nameParts.some((p) => lower.includes(p))) failures.push('containsName');
  return { ok: failures.length === 0, failures };
}

export const PASSWORD_RULE_TEXT: Record<PasswordRule, { en: string; ja: string }> = {
  length: { en: '8 to 32 characters', ja: '8〜32文字' },
  upper: { en: 'an upper-case letter', ja: '英大文字を含む' },
  lower: { en: 'a lower-case letter', ja: '英小文字を含む' },
  digit: { en: 'a digit', ja: '数字を含む' },
  symbol: {
    en: `a symbol (${[...PASSWORD_SYMBOLS].join(' ')})`,
    ja: `記号（${[...PASSWORD_SYMBOLS].join(' ')}）を含む`,
  },
  allowedChars: { en: 'only letters, digits and those symbols', ja: '英数字と上記の記号のみ' },
  containsEmail: { en: 'not your e-mail address', ja: 'メールアドレスを含まない' },
  containsName: { en: 'not your name', ja: '氏名を含まない' },
};
