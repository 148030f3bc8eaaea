import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '@lc/shared';
import { AppError } from '../errors/app-error.js';
import { uniqueViolation } from '../database/unique-violation.js';

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

export interface IdempotentCreate<T> {
  /** Key namespace, e.g. `order:<dealerId>`. */
  scope: string;
  key: string | undefined;
  body: unknown;
  /** The unique constraint on the stored key (the backstop when two requests race). */
  constraint: string;
  /** The earlier request stored under this key, if any. */
  find(em: EntityManager, key: string): Promise<{ id: string; request_hash: string } | undefined>;
  /** The answer for a stored request. */
  load(em: EntityManager, id: string): Promise<T>;
  /** Does the work, storing the key and hash with it. */
  create(em: EntityManager, key: string | null, hash: string | null): Promise<T>;
}

/**
 * One transaction that creates something at most once per Idempotency-Key: the same key and
 * body replay the stored answer (`created: false`), the same key with another body is refused.
 */
export async function runIdempotent<T>(
  ds: DataSource,
  s: IdempotentCreate<T>,
): Promise<{ created: boolean; value: T }> {
  const { key } = s;
  const hash = key ? requestHash(s.body) : null;
  const replay = async (em: EntityManager, k: string) => {
    const earlier = await s.find(em, k);
    if (!earlier) return null;
    if (earlier.request_hash !== hash) throw keyReused();
    return { created: false, value: await s.load(em, earlier.id) };
  };
  try {
    return await ds.transaction(async (em) => {
      if (key) {
        await lockIdempotencyKey(em, s.scope, key);
        const r = await replay(em, key);
        if (r) return r;
      }
      return { created: true, value: await s.create(em, key ?? null, hash) };
    });
  } catch (e) {
    // Two requests with one key at once: the loser's insert met the unique constraint.
    if (key && uniqueViolation(e) === s.constraint) {
      const r = await replay(ds.manager, key);
      if (r) return r;
    }
    throw e;
  }
}
