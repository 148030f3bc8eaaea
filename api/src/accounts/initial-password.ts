import { randomInt } from 'node:crypto';
import { checkPassword, PASSWORD_SYMBOLS, type PasswordContext } from '@lc/shared';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const ALL = UPPER + LOWER + DIGITS + PASSWORD_SYMBOLS;

/**
 * A random initial password that satisfies the password policy for this user (SPEC §5):
 * 14 characters, at least one of each class, no look-alike characters (I l 1 O 0).
 */
export function generateInitialPassword(
  ctx: PasswordContext,
  rnd: (max: number) => number = randomInt,
): string {
  const pick = (set: string) => set[rnd(set.length)];
  for (;;) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(PASSWORD_SYMBOLS)];
    while (chars.length < 14) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = rnd(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    const pw = chars.join('');
    if (checkPassword(pw, ctx).ok) return pw;
  }
}
