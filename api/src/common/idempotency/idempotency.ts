import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@lc/shared';
import { AppError } from '../errors/app-error.js';

/** Printable ASCII, 1–200 characters (UUIDs, ULIDs and the like). */
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Reads an optional `Idempotency-Key` header: undefined when absent, else the key; a present
 * but malformed key is a 400 naming the header.
 */
export function idempotencyKey(raw: string | string[] | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (typeof v !== 'string' || !KEY_PATTERN.test(v)) {
    throw AppError.validation('Idempotency-Key', 'must be 1 to 200 printable ASCII characters');
  }
  return v;
}

/** Canonical JSON (object keys sorted) so equal bodies hash equal whatever their key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** The same key was used with another body. */
export function keyReused(): AppError {
  return AppError.conflict(
    ErrorCode.IDEMPOTENCY_KEY_REUSED,
    'Idempotency-Key: was already used with a different request body',
  );
}

/**
 * Serialises requests that carry the same key (for the rest of the caller's transaction), so a
 * second one waits for the first to commit and then finds its result instead of racing it. The
 * unique constraint on the key stays as the backstop.
 */
export async function lockIdempotencyKey(em: EntityManager, scope: string, key: string): Promise<void> {
  await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`idem:${scope}:${key}`]);
}
