import { describe, expect, it } from 'vitest';
import { contactsProblems } from './contactsDraft';

describe('contactsProblems', () => {
  it('flags malformed addresses and later duplicates, ignoring case and blanks', () => {
    expect(
      contactsProblems({
        emails: ['a@example.jp', 'nope', ' A@Example.jp ', 'b@example.jp'],
        phone: '03-1234-5678',
      }),
    ).toEqual({ emails: [null, 'invalid', 'duplicate', null], phone: false });
  });

  it.each([
    ['03-1234-5678', false],
    ['03 (1234) 5678', false],
    ['(03) 1234 5678', true], // as the server: starts with a digit or +
    ['+81 3 1234 5678', false],
    ['phone', true],
    ['', true],
  ])('phone %s → problem %s', (phone, problem) => {
    expect(contactsProblems({ emails: [], phone }).phone).toBe(problem);
  });
});
