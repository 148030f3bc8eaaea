import type { ErrorBody } from '@lc/shared';

/**
 * An error answered by the API (`{statusCode, code, message, errorId?, details?}`) or a request that
 * never got an answer (`status` 0, no `code`).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: number | undefined;
  readonly errorId: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, body: Partial<ErrorBody> & { message: string }) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.errorId = body.errorId;
    this.details = body.details;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  static async fromResponse(res: Response): Promise<ApiError> {
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    if (isErrorBody(body)) return new ApiError(res.status, body);
    return new ApiError(res.status, {
      statusCode: res.status,
      message: res.statusText || `HTTP ${res.status}`,
    });
  }

  static network(cause: unknown): ApiError {
    const err = new ApiError(0, { message: cause instanceof Error ? cause.message : 'Network error' });
    err.cause = cause;
    return err;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function isErrorBody(v: unknown): v is ErrorBody {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ErrorBody).message === 'string' &&
    typeof (v as ErrorBody).code === 'number'
  );
}
