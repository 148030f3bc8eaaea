/**
 * What is wrong with a typed form value, as pure rules shared by the console (errors next to
 * the field, before sending) and the API's validators. One problem per field: the first found.
 */

/** A phone number: digits, spaces, hyphens, parentheses, an optional leading + (as the API checks). */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{5,30}$/;

/** An e-mail address as people type it: one @, no spaces, a dot in the domain. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Longest e-mail address (RFC 5321). */
export const EMAIL_MAX = 254;

export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'tooLong'; max: number; length: number }
  | { kind: 'email' }
  | { kind: 'phone' }
  | { kind: 'wholeNumber' }
  | { kind: 'range'; min: number; max: number };

/** Characters as people count them (a surrogate pair is one). */
export function charLength(s: string): number {
  return [...s].length;
}

export interface TextRule {
  required?: boolean;
  max?: number;
}

/** A free text: blank when required, or longer than `max` characters (after trimming). */
export function textProblem(value: string, rule: TextRule): FieldProblem | null {
  const v = value.trim();
  if (v === '') return rule.required ? { kind: 'required' } : null;
  const length = charLength(v);
  if (rule.max !== undefined && length > rule.max) return { kind: 'tooLong', max: rule.max, length };
  return null;
}

export function emailProblem(value: string, required = true): FieldProblem | null {
  const v = value.trim();
  if (v === '') return required ? { kind: 'required' } : null;
  if (v.length > EMAIL_MAX) return { kind: 'tooLong', max: EMAIL_MAX, length: v.length };
  return EMAIL_PATTERN.test(v) ? null : { kind: 'email' };
}

export function phoneProblem(value: string, required = true): FieldProblem | null {
  const v = value.trim();
  if (v === '') return required ? { kind: 'required' } : null;
  return PHONE_PATTERN.test(v) ? null : { kind: 'phone' };
}

/** A whole number typed as digits (yen, months) between `min` and `max`. */
export function wholeNumberProblem(value: string, min: number, max: number): FieldProblem | null {
  const v = value.trim();
  if (v === '') return { kind: 'required' };
  if (!/^\d+$/.test(v)) return { kind: 'wholeNumber' };
  const n = Number(v);
  return n < min || n > max ? { kind: 'range', min, max } : null;
}
