import { describe, expect, it } from '@jest/globals';
import { isValidLoginId, isValidTimeZone } from './accounts.js';

describe('dealer login ID (SPEC §1)', () => {
  it.each([
    ['abc', true],
    ['A-Z_a-z0-9', true],
    ['x'.repeat(16), true],
    ['ab', false],
    ['x'.repeat(17), false],
    ['has space', false],
    ['ドット', false],
    ['a.b', false],
  ])('%s → %s', (id, ok) => expect(isValidLoginId(id)).toBe(ok));
});

describe('time zones', () => {
  it.each([
    ['Asia/Tokyo', true],
    ['Europe/Berlin', true],
    ['Mars/Base', false],
    ['', false],
  ])('%s → %s', (tz, ok) => expect(isValidTimeZone(tz)).toBe(ok));
});
