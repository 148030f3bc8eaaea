import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ErrorCode, type ErrorBody } from '@lc/shared';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { AppError } from './app-error.js';
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailable, isDatabaseOutage } from '../database/outage.js';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.ROUTE_NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  429: ErrorCode.RATE_LIMITED,
};

/** Turns every error into `{statusCode, code, message}`; unknown errors are logged with an id. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = toBody(err, this.logger);
    if (res.headersSent) return;
    const retryAfter =
      body.code === ErrorCode.DATABASE_UNAVAILABLE
        ? DATABASE_RETRY_AFTER_SECONDS
        : body.details?.retryAfterSeconds;
    if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
    res.status(body.statusCode).json(body);
  }
}

export function toBody(err: unknown, logger: Logger): ErrorBody {
  // A database outage (restart, failover) is not a bug: 503, retry shortly (logged as a warning).
  if (!(err instanceof AppError) && isDatabaseOutage(err)) {
    logger.warn(`database unavailable: ${err instanceof Error ? err.message : String(err)}`);
    err = databaseUnavailable();
  }
  if (err instanceof AppError) {
    return {
      statusCode: err.status,
      code: err.code,
      message: err.message,
      ...(err.details ? { details: err.details } : {}),
    };
  }
  // body-parser errors (malformed JSON, too large) arrive as plain errors with a status/type.
  const e = err as { type?: string; status?: number; statusCode?: number };
  if (
    e &&
    typeof e === 'object' &&
    typeof e.type === 'string' &&
    (e.status ?? 0) >= 400 &&
    (e.status ?? 0) < 500
  ) {
    if (e.type === 'entity.parse.failed') {
      return { statusCode: 400, code: ErrorCode.MALFORMED_JSON, message: 'body: is not valid JSON' };
    }
    if (e.type === 'entity.too.large') {
      return { statusCode: 413, code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'body: is too large' };
    }
    return { statusCode: e.status!, code: ErrorCode.VALIDATION, message: `body: ${e.type}` };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    if (status < 500) {
      const r = err.getResponse();
      const msg =
        typeof r === 'string'
          ? r
          : Array.isArray((r as { message?: unknown }).message)
            ? (r as { message: string[] }).message.join('; ')
            : String((r as { message?: unknown }).message ?? err.message);
      const code = STATUS_CODES[status] ?? ErrorCode.VALIDATION;
      return {
        statusCode: status,
        code,
        message: status === 404 && code === ErrorCode.ROUTE_NOT_FOUND ? 'No such route' : msg,
      };
    }
  }
  const errorId = randomUUID();
  logger.error(`errorId=${errorId} ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return {
    statusCode: 500,
    code: ErrorCode.INTERNAL,
    message: `An unexpected error occurred. Quote error id ${errorId} when reporting it.`,
    errorId,
  };
}
