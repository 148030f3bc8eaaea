import { ErrorCode } from '@lc/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../errors/app-error.js';
import { rows } from './database.js';

/** The constraint (or unique index) named by a PostgreSQL unique violation (23505), else null. */
export function uniqueViolation(e: unknown): string | null {
  if (!e || typeof e !== 'object') return null;
  const err = e as {
    code?: unknown;
    constraint?: unknown;
    driverError?: { code?: unknown; constraint?: unknown };
  };
  const d = err.driverError ?? err;
  return d.code === '23505' ? String(d.constraint ?? '') : null;
}

/**
 * Runs a use case and turns unique violations into 409s: uniqueness is enforced by the
 * database (two requests at once cannot both win), the answer names the field.
 */
export async function mapUniqueViolations<T>(
  fn: () => Promise<T>,
  map: Record<string, () => AppError>,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const c = uniqueViolation(e);
    if (c !== null) {
      const f = map[c];
      throw f ? f() : AppError.conflict(ErrorCode.CONFLICT, 'This record already exists');
    }
    throw e;
  }
}

/** The e-mail index of app_user is unique on lower(email) across every user. */
export const EMAIL_TAKEN = {
  app_user_email_key: () =>
    AppError.conflict(ErrorCode.ALREADY_REGISTERED, 'email: is already registered', { field: 'email' }),
};

/**
 * The friendly early answer for a registered e-mail, so the common case does not reach the
 * database error (whose log line would carry the statement's parameters). The unique index
 * still decides races: wrap the use case in mapUniqueViolations(…, EMAIL_TAKEN) too.
 */
export async function assertEmailFree(em: EntityManager, email: string, field = 'email'): Promise<void> {
  const taken = await rows(em, `SELECT 1 FROM app_user WHERE lower(email) = lower($1) LIMIT 1`, [email]);
  if (taken.length) {
    throw AppError.conflict(ErrorCode.ALREADY_REGISTERED, `${field}: is already registered`, { field });
  }
}
