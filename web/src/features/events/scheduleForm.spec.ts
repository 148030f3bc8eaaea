import { describe, expect, it } from 'vitest';
import { scheduleErrors } from './scheduleForm';

describe('scheduleErrors', () => {
  const cases: Array<[string, { days: number[]; from: string; to: string }, string[]]> = [
    ['a valid window', { days: [1, 2], from: '09:00', to: '18:00' }, []],
    ['overnight is valid', { days: [5], from: '22:00', to: '06:00' }, []],
    ['no weekday', { days: [], from: '09:00', to: '18:00' }, ['days']],
    ['both times wrong', { days: [1], from: '', to: '25:00' }, ['from', 'to']],
    ['every field wrong', { days: [], from: 'x', to: 'y' }, ['days', 'from', 'to']],
  ];
  it.each(cases)('%s', (_label, s, fields) => {
    expect(Object.keys(scheduleErrors(s)).sort()).toEqual(fields);
  });
});
