import { DEALER_SUSPENDED_MESSAGE, ErrorCode, LOCKOUT } from '@lc/shared';

/** A refusal the client can act on: HTTP status + stable numeric code + message naming the field. */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  static badRequest(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    return new AppError(400, code, message, details);
  }
  static validation(field: string, problem: string) {
    return new AppError(400, ErrorCode.VALIDATION, `${field}: ${problem}`, { field });
  }
  static unauthorized(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    return new AppError(401, code, message, details);
  }
  static forbidden(message = 'You may not do this', code: ErrorCode = ErrorCode.FORBIDDEN) {
    return new AppError(403, code, message);
  }
  static notFound(what: string) {
    return new AppError(404, ErrorCode.NOT_FOUND, `${what} not found`);
  }
  /** 423: the account is locked until `until` (sign-in lockout, SPEC §5). */
  static locked(until: Date, now: Date, field = 'login') {
    const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    return new AppError(
      423,
      ErrorCode.ACCOUNT_LOCKED,
      `${field}: the account is locked after ${LOCKOUT.maxFailures} failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes`,
      { lockedUntil: until.toISOString(), retryAfterSeconds: seconds },
    );
  }
  /** The dealer is suspended by the operator: 403 at sign-in, refresh and for API keys; 401 for a session. */
  static dealerSuspended(status: 401 | 403 = 403) {
    return new AppError(status, ErrorCode.DEALER_SUSPENDED, DEALER_SUSPENDED_MESSAGE);
  }
  static conflict(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    return new AppError(409, code, message, details);
  }
}
