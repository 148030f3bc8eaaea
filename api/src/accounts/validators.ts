/**
 * class-validator decorators for account fields, built on the shared rules. A `context.code`
 * makes the global validation pipe answer with that stable code instead of the generic one.
 */
import { Transform } from 'class-transformer';
import { buildMessage, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { ErrorCode, isValidLoginId, isValidTimeZone } from '@lc/shared';

/** Strip surrounding blanks from a string (other types pass through to the type check). */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * May be left out, but when present (even null) it is validated: for PATCH fields that cannot
 * be cleared (class-validator's IsOptional would let null through to a NOT NULL column).
 */
export const OmitOrValid = () => ValidateIf((_: unknown, v: unknown) => v !== undefined);

export const withCode = (code: ErrorCode, opts: ValidationOptions = {}): ValidationOptions => ({
  ...opts,
  context: { code },
});

/** Dealer login ID (SPEC §1): 3–16 of A-Z a-z 0-9 _ -. Answers with LOGIN_ID_INVALID. */
export function IsLoginId(opts?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLoginId',
      validator: {
        validate: (v: unknown) => isValidLoginId(v),
        defaultMessage: buildMessage(
          () => '$property must be 3 to 16 characters of A-Z a-z 0-9 _ - (case-sensitive)',
          opts,
        ),
      },
    },
    withCode(ErrorCode.LOGIN_ID_INVALID, opts),
  );
}

export function IsTimeZone(opts?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (v: unknown) => isValidTimeZone(v) && (v as string).length <= 64,
        defaultMessage: buildMessage(() => '$property must be an IANA time zone such as Asia/Tokyo', opts),
      },
    },
    opts,
  );
}

/** A field that exists on the record but can never be changed (e.g. the dealer login ID). */
export function Immutable(opts?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'immutable',
      validator: {
        validate: () => false,
        defaultMessage: buildMessage(() => '$property cannot be changed', opts),
      },
    },
    opts,
  );
}

/** Phone numbers as people type them: digits with optional +, spaces, hyphens, parentheses. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{5,30}$/;
export const PHONE_MESSAGE = '$property must be a phone number (digits, spaces, hyphens, parentheses)';
