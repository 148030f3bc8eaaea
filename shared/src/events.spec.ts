import { describe, expect, it } from '@jest/globals';
import {
  eventPeriod,
  eventTypeLabel,
  insideSchedule,
  scheduleProblem,
  type NotificationSchedule,
} from './events.js';

describe('insideSchedule (issue #15, times in the user zone)', () => {
  const weekdays9to18: NotificationSchedule = { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' };
  const nights: NotificationSchedule = { days: [5], from: '22:00', to: '06:00' };
  const allFriday: NotificationSchedule = { days: [5], from: '00:00', to: '00:00' };
  // [label, schedule, instant (UTC), zone, expected]
  const cases: Array<[string, NotificationSchedule | null, string, string, boolean]> = [
    ['null is always', null, '2026-11-29T03:00:00Z', 'Asia/Tokyo', true],
    ['Mon 09:00 JST is inside (from inclusive)', weekdays9to18, '2026-11-30T00:00:00Z', 'Asia/Tokyo', true],
    ['Mon 08:59 JST is outside', weekdays9to18, '2026-11-29T23:59:00Z', 'Asia/Tokyo', false],
    ['Mon 18:00 JST is outside (to exclusive)', weekdays9to18, '2026-11-30T09:00:00Z', 'Asia/Tokyo', false],
    ['Sun 12:00 JST is outside (weekday)', weekdays9to18, '2026-11-29T03:00:00Z', 'Asia/Tokyo', false],
    // Mon 00:30 UTC is Mon 09:30 JST but Sun 16:30 in Los Angeles.
    ['the zone decides the weekday', weekdays9to18, '2026-11-30T00:30:00Z', 'America/Los_Angeles', false],
    ['Fri 23:00 JST inside an overnight window', nights, '2026-12-04T14:00:00Z', 'Asia/Tokyo', true],
    ['Sat 05:59 JST still inside (started Friday)', nights, '2026-12-04T20:59:00Z', 'Asia/Tokyo', true],
    ['Sat 06:00 JST outside', nights, '2026-12-04T21:00:00Z', 'Asia/Tokyo', false],
    ['Fri 05:00 JST outside (Thursday not chosen)', nights, '2026-12-03T20:00:00Z', 'Asia/Tokyo', false],
    ['from == to is the whole day', allFriday, '2026-12-04T14:59:00Z', 'Asia/Tokyo', true],
    ['from == to: the next day is not', allFriday, '2026-12-04T15:00:00Z', 'Asia/Tokyo', false],
    [
      'to 24:00 reaches midnight',
      { days: [1], from: '20:00', to: '24:00' },
      '2026-11-30T14:59:00Z',
      'Asia/Tokyo',
      true,
    ],
  ];
  it.each(cases)('%s', (_l, s, at, zone, expected) => {
    expect(insideSchedule(s, new Date(at), zone)).toBe(expected);
  });
});

describe('scheduleProblem', () => {
  const cases: Array<[NotificationSchedule, string | null]> = [
    [{ days: [1], from: '09:00', to: '18:00' }, null],
    [{ days: [], from: '09:00', to: '18:00' }, 'schedule.days'],
    [{ days: [7], from: '09:00', to: '18:00' }, 'schedule.days'],
    [{ days: [1, 1], from: '09:00', to: '18:00' }, 'schedule.days'],
    [{ days: [1], from: '9:00', to: '18:00' }, 'schedule.from'],
    [{ days: [1], from: '24:00', to: '18:00' }, 'schedule.from'],
    [{ days: [1], from: '09:00', to: '24:01' }, 'schedule.to'],
  ];
  it.each(cases)('%j → %s', (s, field) => {
    const p = scheduleProblem(s);
    if (field === null) expect(p).toBeNull();
    else expect(p?.startsWith(field)).toBe(true);
  });
});

describe('eventPeriod presets', () => {
  const now = new Date('2026-11-30T16:00:00Z'); // Tue 01:00 JST, Mon 16:00 UTC
  const cases: Array<[Parameters<typeof eventPeriod>[0], string, string, string]> = [
    ['today', 'Asia/Tokyo', '2026-11-30T15:00:00.000Z', '2026-12-01T15:00:00.000Z'],
    ['yesterday', 'Asia/Tokyo', '2026-11-29T15:00:00.000Z', '2026-11-30T15:00:00.000Z'],
    ['last7days', 'Asia/Tokyo', '2026-11-24T15:00:00.000Z', '2026-12-01T15:00:00.000Z'],
    ['today', 'UTC', '2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
  ];
  it.each(cases)('%s in %s', (preset, zone, from, to) => {
    const p = eventPeriod(preset, now, zone);
    expect([p.from.toISOString(), p.to.toISOString()]).toEqual([from, to]);
  });
});

describe('eventTypeLabel', () => {
  it('gives words, and names unknown types as other', () => {
    expect(eventTypeLabel('motion', 'en')).toBe('Motion detection');
    expect(eventTypeLabel('motion', 'ja')).toBe('動作検知');
    expect(eventTypeLabel('zzz', 'en')).toBe('Other (zzz)');
  });
});
