import { isApiError } from './ApiError';

/** The field an API validation error names (`details.field`), if any. */
export function errorField(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  const field = error.details?.field;
  return typeof field === 'string' ? field : undefined;
}
