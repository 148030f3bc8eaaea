import { describe, expect, it } from '@jest/globals';
import { renewalRequestable } from './renewal-requests.js';

const now = new Date('2026-11-30T00:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('renewalRequestable', () => {
  it.each([
    ['no license bound (never licensed or lapsed)', null, true],
    ['ended yesterday', days(-1), true],
    ['ends right now', days(0), true],
    ['ends tomorrow', days(1), true],
    ['ends in exactly 90 days', days(90), true],
    ['ends in 90 days and a minute', new Date(days(90).getTime() + 60_000), false],
    ['ends in a year', days(365), false],
  ])('%s → %s', (_label, endsAt, expected) => {
    expect(renewalRequestable(endsAt, now)).toBe(expected);
  });
});
