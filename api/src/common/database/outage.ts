import { ErrorCode } from '@lc/shared';
import { AppError } from '../errors/app-error.js';

/** Seconds a client is told to wait (`Retry-After`) when the database is briefly unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** Node socket errors that mean "the database server is not there right now". */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
/** SQLSTATEs of a server going away or not yet accepting connections (class 08: connection exception). */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** What `pg` says when a connection drops or cannot be made in time. */
const PG_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /Client was closed and is not queryable/,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/,
  /terminating connection due to (administrator command|unexpected postmaster exit|crash of another server process)/,
];

/**
 * Is `err` (a pg or TypeORM error, possibly wrapped) a database outage rather than a bug?
 * Such errors answer 503 with `Retry-After` instead of 500.
 */
export function isDatabaseOutage(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08/.test(code)) return true;
  // TypeORM releases a query runner whose connection emitted an error; the transaction's next
  // statement then meets this instead of the socket error.
  const name = (err as { name?: unknown }).name;
  if (name === 'QueryRunnerProviderAlreadyReleasedError' || name === 'QueryRunnerAlreadyReleasedError')
    return true;
  const msg = typeof e.message === 'string' ? e.message : '';
  if (PG_MESSAGES.some((re) => re.test(msg))) return true;
  return isDatabaseOutage(e.driverError, depth + 1) || isDatabaseOutage(e.cause, depth + 1);
}

export function databaseUnavailable(): AppError {
  return new AppError(
    503,
    ErrorCode.DATABASE_UNAVAILABLE,
    `database: temporarily unavailable; retry in ${DATABASE_RETRY_AFTER_SECONDS} s`,
    { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
  );
}
