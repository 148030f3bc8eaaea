import { describe, expect, it } from '@jest/globals';
import { Clock } from './clock.js';

describe('Clock', () => {
  it('tells real time until set', () => {
    const c = new Clock();
    const before = Date.now();
    const t = c.now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
    expect(c.overridden).toBe(false);
  });

  it('stands still when frozen and moves by advance', () => {
    const c = new Clock();
    c.set(new Date('2026-11-22T01:00:00Z'), true);
    expect(c.now().toISOString()).toBe('2026-11-22T01:00:00.000Z');
    expect(c.now().toISOString()).toBe('2026-11-22T01:00:00.000Z');
    c.advance(15 * 60_000);
    expect(c.now().toISOString()).toBe('2026-11-22T01:15:00.000Z');
    expect(c.overridden).toBe(true);
  });

  it('runs on from a set instant when not frozen', () => {
    const c = new Clock();
    c.set(new Date('2030-01-01T00:00:00Z'));
    const t = c.now().getTime();
    expect(t).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00Z'));
    expect(t).toBeLessThan(Date.parse('2030-01-01T00:00:05Z'));
  });

  it('returns to real time on null', () => {
    const c = new Clock();
    c.set(new Date('2001-01-01T00:00:00Z'), true);
    c.set(null);
    expect(c.overridden).toBe(false);
    expect(Math.abs(c.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
