import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, eventSearchQuery, filtersFromParams, type EventFilters } from './eventSearch';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const NOW = new Date('2026-11-30T16:00:00Z'); // Tue 01:00 JST

describe('eventSearchQuery', () => {
  const cases: Array<[string, Partial<EventFilters>, Record<string, string>]> = [
    ['nothing chosen', {}, {}],
    [
      'several devices and types',
      { deviceIds: [A, B], types: ['motion', 'audio'] },
      { deviceIds: `${A},${B}`, types: 'motion,audio' },
    ],
    [
      'today in the user zone',
      { period: 'today' },
      { from: '2026-11-30T15:00:00.000Z', to: '2026-12-01T15:00:00.000Z' },
    ],
    [
      'yesterday',
      { period: 'yesterday' },
      { from: '2026-11-29T15:00:00.000Z', to: '2026-11-30T15:00:00.000Z' },
    ],
    [
      'last 7 days',
      { period: 'last7days' },
      { from: '2026-11-24T15:00:00.000Z', to: '2026-12-01T15:00:00.000Z' },
    ],
    [
      'custom range',
      { period: 'custom', from: '2026-11-01T00:00:00.000Z', to: '' },
      { from: '2026-11-01T00:00:00.000Z' },
    ],
    ['custom dates ignored unless custom', { period: 'any', from: '2026-11-01T00:00:00.000Z' }, {}],
  ];
  it.each(cases)('%s', (_l, f, expected) => {
    expect(eventSearchQuery({ ...EMPTY_FILTERS, ...f }, NOW, 'Asia/Tokyo')).toEqual(expected);
  });
});

describe('filtersFromParams (the e-mail link)', () => {
  it('reads devices, types and the range, dropping malformed parts', () => {
    const p = new URLSearchParams(
      `deviceIds=${A},nope&types=motion,BAD&from=2027-03-01T01:00:00.000Z&to=2027-03-01T01:10:00.000Z`,
    );
    expect(filtersFromParams(p)).toEqual({
      deviceIds: [A],
      types: ['motion'],
      period: 'custom',
      from: '2027-03-01T01:00:00.000Z',
      to: '2027-03-01T01:10:00.000Z',
    });
    expect(filtersFromParams(new URLSearchParams(''))).toEqual(EMPTY_FILTERS);
  });
});
