import { describe, expect, it } from '@jest/globals';
import {
  computeTerm,
  daysLeft,
  endOfLocalMonth,
  localDate,
  localMonthKey,
  overlapDays,
  startOfLocalMonth,
  zonedTimeToUtc,
  zoneOffsetMs,
} from './term.js';

const iso = (d: Date) => d.toISOString();

describe('computeTerm (SPEC §2)', () => {
  // [label, assignedAt (UTC), zone, termMonths, freeUntil, termStartsAt, endsAt]
  const cases: Array<[string, string, string, number, string, string, string]> = [
    [
      'the SPEC example: 2026-11-22 10:00 JST, 12 months',
      '2026-11-22T01:00:00.000Z',
      'Asia/Tokyo',
      12,
      '2026-12-31T14:59:59.999Z',
      '2026-12-31T15:00:00.000Z',
      '2027-12-31T14:59:59.999Z',
    ],
    [
      '36 months',
      '2026-11-22T01:00:00.000Z',
      'Asia/Tokyo',
      36,
      '2026-12-31T14:59:59.999Z',
      '2026-12-31T15:00:00.000Z',
      '2029-12-31T14:59:59.999Z',
    ],
    [
      '60 months',
      '2026-11-22T01:00:00.000Z',
      'Asia/Tokyo',
      60,
      '2026-12-31T14:59:59.999Z',
      '2026-12-31T15:00:00.000Z',
      '2031-12-31T14:59:59.999Z',
    ],
    [
      'the last minute of a month (31 January) → free through February',
      '2026-01-31T14:59:00.000Z', // 23:59 JST
      'Asia/Tokyo',
      12,
      '2026-02-28T14:59:59.999Z',
      '2026-02-28T15:00:00.000Z',
      '2027-02-28T14:59:59.999Z',
    ],
    [
      'the first instant of a month counts as that month',
      '2026-11-30T15:00:00.000Z', // 2026-12-01 00:00 JST
      'Asia/Tokyo',
      12,
      '2027-01-31T14:59:59.999Z',
      '2027-01-31T15:00:00.000Z',
      '2028-01-31T14:59:59.999Z',
    ],
    [
      'the last millisecond of a month counts as that month',
      '2026-11-30T14:59:59.999Z', // 2026-11-30 23:59:59.999 JST
      'Asia/Tokyo',
      12,
      '2026-12-31T14:59:59.999Z',
      '2026-12-31T15:00:00.000Z',
      '2027-12-31T14:59:59.999Z',
    ],
    [
      'December → free through January, paid from February of the next year',
      '2026-12-15T03:00:00.000Z',
      'Asia/Tokyo',
      12,
      '2027-01-31T14:59:59.999Z',
      '2027-01-31T15:00:00.000Z',
      '2028-01-31T14:59:59.999Z',
    ],
    [
      'leap year: free through 29 February 2028',
      '2028-01-05T03:00:00.000Z',
      'Asia/Tokyo',
      12,
      '2028-02-29T14:59:59.999Z',
      '2028-02-29T15:00:00.000Z',
      '2029-02-28T14:59:59.999Z',
    ],
    [
      'leap year: ends on 29 February 2028',
      '2025-01-10T03:00:00.000Z',
      'Asia/Tokyo',
      36,
      '2025-02-28T14:59:59.999Z',
      '2025-02-28T15:00:00.000Z',
      '2028-02-29T14:59:59.999Z',
    ],
    [
      'already December in Tokyo while still November in UTC',
      '2026-11-30T16:00:00.000Z', // 2026-12-01 01:00 JST
      'Asia/Tokyo',
      12,
      '2027-01-31T14:59:59.999Z',
      '2027-01-31T15:00:00.000Z',
      '2028-01-31T14:59:59.999Z',
    ],
    [
      'still November in New York while already December in UTC',
      '2026-12-01T03:00:00.000Z', // 2026-11-30 22:00 EST
      'America/New_York',
      12,
      '2027-01-01T04:59:59.999Z',
      '2027-01-01T05:00:00.000Z',
      '2028-01-01T04:59:59.999Z',
    ],
    [
      'New York, winter → term starting in winter (EST, −5 h)',
      '2026-01-15T17:00:00.000Z',
      'America/New_York',
      12,
      '2026-03-01T04:59:59.999Z',
      '2026-03-01T05:00:00.000Z',
      '2027-03-01T04:59:59.999Z',
    ],
    [
      'New York, summer time (EDT, −4 h)',
      '2026-04-10T16:00:00.000Z',
      'America/New_York',
      12,
      '2026-06-01T03:59:59.999Z',
      '2026-06-01T04:00:00.000Z',
      '2027-06-01T03:59:59.999Z',
    ],
    [
      'New York, assigned in EDT, ends in EST (36 months)',
      '2026-07-10T16:00:00.000Z',
      'America/New_York',
      36,
      '2026-09-01T03:59:59.999Z',
      '2026-09-01T04:00:00.000Z',
      '2029-09-01T03:59:59.999Z',
    ],
    [
      'New York, assigned in EST, free period ends in EDT',
      '2026-02-10T17:00:00.000Z',
      'America/New_York',
      60,
      '2026-04-01T03:59:59.999Z',
      '2026-04-01T04:00:00.000Z',
      '2031-04-01T03:59:59.999Z',
    ],
    [
      'Berlin, free period ends just after the spring change (CEST, +2 h)',
      '2026-02-10T10:00:00.000Z',
      'Europe/Berlin',
      12,
      '2026-03-31T21:59:59.999Z',
      '2026-03-31T22:00:00.000Z',
      '2027-03-31T21:59:59.999Z',
    ],
    [
      'Berlin, assigned in CEST, free period ends in CET (+1 h)',
      '2026-10-20T10:00:00.000Z',
      'Europe/Berlin',
      12,
      '2026-11-30T22:59:59.999Z',
      '2026-11-30T23:00:00.000Z',
      '2027-11-30T22:59:59.999Z',
    ],
    [
      'Berlin, the night of the autumn change (25 Oct 2026, 02:30 CET)',
      '2026-10-25T01:30:00.000Z',
      'Europe/Berlin',
      12,
      '2026-11-30T22:59:59.999Z',
      '2026-11-30T23:00:00.000Z',
      '2027-11-30T22:59:59.999Z',
    ],
  ];

  it.each(cases)('%s', (_label, at, zone, months, freeUntil, termStartsAt, endsAt) => {
    const t = computeTerm(new Date(at), months, zone);
    expect({
      assignedAt: iso(t.assignedAt),
      freeUntil: iso(t.freeUntil),
      termStartsAt: iso(t.termStartsAt),
      endsAt: iso(t.endsAt),
    }).toEqual({ assignedAt: at, freeUntil, termStartsAt, endsAt });
  });

  it('defaults to Asia/Tokyo', () => {
    expect(iso(computeTerm(new Date('2026-11-22T01:00:00Z'), 12).endsAt)).toBe('2027-12-31T14:59:59.999Z');
  });

  it('refuses a non-positive or fractional term and an unknown zone', () => {
    expect(() => computeTerm(new Date(), 0)).toThrow(RangeError);
    expect(() => computeTerm(new Date(), 1.5)).toThrow(RangeError);
    expect(() => computeTerm(new Date(), 12, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('the free period is at least one month and at most two (seed 002 p4)', () => {
    for (let day = 0; day < 366; day += 7) {
      const at = new Date(Date.UTC(2027, 0, 1, 3) + day * 86_400_000);
      const t = computeTerm(at, 12, 'Asia/Tokyo');
      const free = (t.termStartsAt.getTime() - at.getTime()) / 86_400_000;
      expect(free).toBeGreaterThan(28);
      expect(free).toBeLessThanOrEqual(62);
      expect(t.freeUntil.getTime()).toBe(t.termStartsAt.getTime() - 1);
    }
  });
});

describe('zonedTimeToUtc and month boundaries', () => {
  const cases: Array<[string, [number, number, number, number, number], string, string]> = [
    ['Tokyo midnight', [2027, 1, 1, 0, 0], 'Asia/Tokyo', '2026-12-31T15:00:00.000Z'],
    ['month 13 rolls into January', [2026, 13, 1, 0, 0], 'Asia/Tokyo', '2026-12-31T15:00:00.000Z'],
    ['month 0 rolls back into December', [2027, 0, 1, 0, 0], 'Asia/Tokyo', '2026-11-30T15:00:00.000Z'],
    ['New York in EST', [2026, 1, 1, 0, 0], 'America/New_York', '2026-01-01T05:00:00.000Z'],
    ['New York in EDT', [2026, 7, 1, 0, 0], 'America/New_York', '2026-07-01T04:00:00.000Z'],
    [
      'a wall time skipped by the spring change → the first instant after it',
      [2026, 3, 8, 2, 30],
      'America/New_York',
      '2026-03-08T07:00:00.000Z',
    ],
    [
      'a wall time that happens twice in autumn → the earlier one',
      [2026, 11, 1, 1, 30],
      'America/New_York',
      '2026-11-01T05:30:00.000Z',
    ],
    ['Berlin skipped hour', [2026, 3, 29, 2, 30], 'Europe/Berlin', '2026-03-29T01:00:00.000Z'],
    ['Berlin repeated hour', [2026, 10, 25, 2, 30], 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    ['UTC', [2028, 2, 29, 12, 0], 'UTC', '2028-02-29T12:00:00.000Z'],
  ];
  it.each(cases)('%s', (_label, [y, m, d, h, mi], zone, expected) => {
    expect(iso(zonedTimeToUtc(y, m, d, h, mi, zone))).toBe(expected);
  });

  it('start and end of a local month are one millisecond apart from their neighbours', () => {
    for (const zone of ['Asia/Tokyo', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney']) {
      for (let m = 1; m <= 24; m++) {
        const end = endOfLocalMonth(2026, m, zone);
        const next = startOfLocalMonth(2026, m + 1, zone);
        expect(next.getTime() - end.getTime()).toBe(1);
        expect(localDate(next, zone).day).toBe(1);
        expect(localDate(end, zone).day).toBeGreaterThanOrEqual(28);
      }
    }
  });

  it('zone offsets', () => {
    expect(zoneOffsetMs(new Date('2026-06-01T00:00:00Z'), 'Asia/Tokyo')).toBe(9 * 3_600_000);
    expect(zoneOffsetMs(new Date('2026-06-01T00:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(zoneOffsetMs(new Date('2026-12-01T00:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
  });

  it('localMonthKey reads the month in the zone', () => {
    expect(localMonthKey(new Date('2026-11-30T16:00:00Z'), 'Asia/Tokyo')).toBe('2026-12');
    expect(localMonthKey(new Date('2026-11-30T16:00:00Z'), 'UTC')).toBe('2026-11');
    expect(localMonthKey(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
  });
});

describe('overlapDays (SPEC §2: calendar days in the customer zone)', () => {
  // [label, new termStartsAt, existing endsAt | null, zone, expected days]
  const cases: Array<[string, string, string | null, string, number]> = [
    ['no valid license of that kind', '2027-12-31T15:00:00.000Z', null, 'Asia/Tokyo', 0],
    [
      'term starts right after the existing one ends',
      '2027-12-31T15:00:00.000Z',
      '2027-12-31T14:59:59.999Z',
      'Asia/Tokyo',
      0,
    ],
    ['term starts months later', '2028-03-31T15:00:00.000Z', '2027-12-31T14:59:59.999Z', 'Asia/Tokyo', 0],
    [
      'one month early: all of December',
      '2027-11-30T15:00:00.000Z',
      '2027-12-31T14:59:59.999Z',
      'Asia/Tokyo',
      31,
    ],
    [
      'two months early: November and December',
      '2027-10-31T15:00:00.000Z',
      '2027-12-31T14:59:59.999Z',
      'Asia/Tokyo',
      61,
    ],
    ['February of a leap year', '2028-01-31T15:00:00.000Z', '2028-02-29T14:59:59.999Z', 'Asia/Tokyo', 29],
    [
      'New York across the autumn change: 61 days although 61 days + 1 h elapse',
      '2026-10-01T04:00:00.000Z',
      '2026-12-01T04:59:59.999Z',
      'America/New_York',
      61,
    ],
    [
      'Berlin across the spring change: 61 days although 61 days − 1 h elapse',
      '2026-02-28T23:00:00.000Z',
      '2026-04-30T21:59:59.999Z',
      'Europe/Berlin',
      61,
    ],
    [
      'an existing license ending mid-day counts its last day',
      '2027-11-30T15:00:00.000Z',
      '2027-12-01T03:00:00.000Z',
      'Asia/Tokyo',
      1,
    ],
  ];
  it.each(cases)('%s', (_label, start, ends, zone, expected) => {
    expect(overlapDays(new Date(start), ends ? new Date(ends) : null, zone)).toBe(expected);
  });

  it('agrees with a preview computed from computeTerm (assigning 31 days early)', () => {
    const existing = computeTerm(new Date('2026-11-22T01:00:00Z'), 12, 'Asia/Tokyo');
    const renewal = computeTerm(new Date('2027-10-31T03:00:00Z'), 12, 'Asia/Tokyo'); // 31 Oct JST
    expect(overlapDays(renewal.termStartsAt, existing.endsAt, 'Asia/Tokyo')).toBe(31);
    const onTime = computeTerm(new Date('2027-11-01T03:00:00Z'), 12, 'Asia/Tokyo'); // 1 Nov JST
    expect(overlapDays(onTime.termStartsAt, existing.endsAt, 'Asia/Tokyo')).toBe(0);
  });
});

describe('daysLeft', () => {
  const cases: Array<[string, string, string, number]> = [
    ['ended', '2027-01-01T00:00:00Z', '2027-01-02T00:00:00Z', 0],
    ['ends now', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 0],
    ['one millisecond left', '2027-01-01T00:00:00.001Z', '2027-01-01T00:00:00Z', 1],
    ['exactly one day', '2027-01-02T00:00:00Z', '2027-01-01T00:00:00Z', 1],
    ['a day and a bit', '2027-01-02T00:00:01Z', '2027-01-01T00:00:00Z', 2],
  ];
  it.each(cases)('%s', (_label, ends, now, expected) => {
    expect(daysLeft(new Date(ends), new Date(now))).toBe(expected);
  });
});
