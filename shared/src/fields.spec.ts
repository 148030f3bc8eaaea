import { describe, expect, it } from '@jest/globals';
import { emailProblem, phoneProblem, textProblem, wholeNumberProblem } from './fields.js';

describe('form field rules', () => {
  it.each([
    ['', true, 'required'],
    ['', false, null],
    ['  Sakura  ', true, null],
    ['x'.repeat(32), true, null],
    ['x'.repeat(33), true, 'tooLong'],
    ['😀'.repeat(32), true, null],
  ])('text %j (required %s) → %s', (value, required, kind) => {
    expect(textProblem(value, { required, max: 32 })?.kind ?? null).toBe(kind);
  });

  it('says the limit and the length of a too long text', () => {
    expect(textProblem('abcdef', { max: 4 })).toEqual({ kind: 'tooLong', max: 4, length: 6 });
  });

  it.each([
    ['a@example.com', null],
    [' a@example.com ', null],
    ['a@example', 'email'],
    ['a example.com', 'email'],
    ['a@@example.com', 'email'],
    ['', 'required'],
    [`${'a'.repeat(250)}@x.jp`, 'tooLong'],
  ])('e-mail %j → %s', (value, kind) => {
    expect(emailProblem(value)?.kind ?? null).toBe(kind);
  });

  it.each([
    ['03-1234-5678', null],
    ['+81 3 1234 5678', null],
    ['03 (1234) 5678', null],
    ['(03) 1234-5678', 'phone'],
    ['03-1234-567x', 'phone'],
    ['12', 'phone'],
    ['', 'required'],
  ])('phone %j → %s', (value, kind) => {
    expect(phoneProblem(value)?.kind ?? null).toBe(kind);
  });

  it.each([
    ['12', null],
    ['0', 'range'],
    ['121', 'range'],
    ['1.5', 'wholeNumber'],
    ['-3', 'wholeNumber'],
    ['１２', 'wholeNumber'],
    ['abc', 'wholeNumber'],
    ['', 'required'],
  ])('term %j → %s', (value, kind) => {
    expect(wholeNumberProblem(value, 1, 120)?.kind ?? null).toBe(kind);
  });
});
