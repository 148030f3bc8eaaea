import { describe, expect, it } from 'vitest';
import { formatDateTime } from './formatDateTime';

describe('formatDateTime', () => {
  const iso = '2027-12-31T14:59:59.999Z'; // 2027-12-31 23:59:59 in Tokyo, 2027-12-31 14:59 UTC
  it.each([
    ['en', 'Asia/Tokyo', {}, '2027-12-31 23:59'],
    ['ja', 'Asia/Tokyo', {}, '2027-12-31 23:59'],
    ['en', 'UTC', {}, '2027-12-31 14:59'],
    ['ja', 'Asia/Tokyo', { seconds: true }, '2027-12-31 23:59:59'],
    ['en', 'America/New_York', { dateOnly: true }, '2027-12-31'],
    ['ja', 'Asia/Tokyo', { dateOnly: true }, '2027-12-31'],
  ] as const)('%s in %s %j → %s', (lang, tz, opts, expected) => {
    expect(formatDateTime(iso, lang, tz, opts)).toBe(expected);
  });

  it('writes midnight as 00:00 and leaves empty or broken input alone', () => {
    expect(formatDateTime('2027-01-01T15:00:00Z', 'en', 'Asia/Tokyo')).toBe('2027-01-02 00:00');
    expect(formatDateTime(null, 'en', 'UTC')).toBe('');
    expect(formatDateTime('not a date', 'ja', 'UTC')).toBe('not a date');
  });
});
