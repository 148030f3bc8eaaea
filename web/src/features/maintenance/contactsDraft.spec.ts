import { describe, expect, it } from 'vitest';
import { contactsProblems } from './contactsDraft';

describe('contactsProblems', () => {
  it('flags malformed addresses and later duplicates, ignoring case and blanks', () => {
    expect(
      contactsProblems({
        emails: ['a@example.jp', 'nope', ' A@Example.jp ', '', 'b@example.jp'],
        phone: '03-1234-5678',
      }),
    ).toEqual({ emails: [null, { kind: 'email' }, { kind: 'duplicate' }, null, null], phone: null });
  });

  it('says an address longer than 254 characters is too long', () => {
    const long = `${'a'.repeat(250)}@example.jp`;
    expect(contactsProblems({ emails: [long], phone: '03-1234-5678' }).emails[0]).toEqual({
      kind: 'tooLong',
      max: 254,
      length: long.length,
    });
  });

  it.each([
    ['03-1234-5678', null],
    ['03 (1234) 5678', null],
    ['(03) 1234 5678', 'phone'], // as the server: starts with a digit or +
    ['+81 3 1234 5678', null],
    ['phone', 'phone'],
    ['', 'required'],
  ])('phone %s → problem %s', (phone, kind) => {
    expect(contactsProblems({ emails: [], phone }).phone?.kind ?? null).toBe(kind);
  });
});
