import { describe, expect, it } from 'vitest';
import {
  cameraNameError,
  charCount,
  deletionConfirmed,
  exchangeErrors,
  reservationError,
} from './validation';

describe('cameraNameError (≤ 20 characters, SPEC §8)', () => {
  it.each([
    ['Entrance', null],
    ['12345678901234567890', null],
    ['123456789012345678901', 'tooLong'],
    ['', 'required'],
    ['   ', 'required'],
    ['  Entrance  ', null],
    ['入口カメラ入口カメラ入口カメラ入口カメラ', null],
    ['入口カメラ入口カメラ入口カメラ入口カメラ入', 'tooLong'],
  ])('%j → %s', (name, error) => {
    expect(cameraNameError(name)).toBe(error);
  });

  it('counts a surrogate pair as one character', () => {
    expect(charCount('📷'.repeat(20))).toBe(20);
    expect(cameraNameError('📷'.repeat(20))).toBeNull();
  });
});

describe('reservationError (firmware update: future only)', () => {
  const now = new Date(2026, 10, 22, 10, 0, 0);
  it.each([
    ['2026-11-22T10:01', null],
    ['2026-11-22T10:00', 'past'],
    ['2026-11-21T23:00', 'past'],
    ['', 'required'],
    ['not a date', 'invalid'],
  ])('%j → %s', (local, error) => {
    expect(reservationError(local, now)).toBe(error);
  });
});

describe('deletionConfirmed', () => {
  it('needs the serial typed exactly', () => {
    expect(deletionConfirmed('SN-0001', 'SN-0001')).toBe(true);
    expect(deletionConfirmed(' SN-0001 ', 'SN-0001')).toBe(true);
    expect(deletionConfirmed('sn-0001', 'SN-0001')).toBe(false);
    expect(deletionConfirmed('', 'SN-0001')).toBe(false);
  });
});

describe('exchangeErrors', () => {
  const ok = { serial: 'SN-0002', model: 'REC-8', mac: '00:11:22:33:44:55', firmware: '1.0.0' };
  it('accepts a valid replacement', () => {
    expect(exchangeErrors(ok, 'SN-0001')).toEqual({});
    expect(exchangeErrors({ ...ok, mac: '001122334455' }, 'SN-0001')).toEqual({});
  });

  it('names each wrong field', () => {
    expect(exchangeErrors({ serial: '', model: ' ', mac: 'zz', firmware: '' }, 'SN-0001')).toEqual({
      serial: 'required',
      model: 'required',
      mac: 'invalid',
      firmware: 'required',
    });
    expect(exchangeErrors({ ...ok, serial: 'bad serial!' }, 'SN-0001')).toEqual({ serial: 'invalid' });
  });

  it('refuses the serial being replaced', () => {
    expect(exchangeErrors({ ...ok, serial: 'SN-0001' }, 'SN-0001')).toEqual({ serial: 'sameSerial' });
  });
});
