import { ErrorCode } from '@lc/shared';
import { isApiError } from '../../api/ApiError';
import type { MessageKey } from './dictionaries';
import type { TFunction } from './useT';

const BY_CODE: Partial<Record<number, MessageKey>> = {
  [ErrorCode.FORBIDDEN]: 'error.forbidden',
  [ErrorCode.DEALER_SUSPENDED]: 'error.dealerSuspended',
  [ErrorCode.NOT_FOUND]: 'error.notFound',
  [ErrorCode.ROUTE_NOT_FOUND]: 'error.notFound',
  [ErrorCode.RATE_LIMITED]: 'error.rateLimited',
  [ErrorCode.INTERNAL]: 'error.internal',
  [ErrorCode.PASSWORD_CHANGE_REQUIRED]: 'error.passwordChangeRequired',
  [ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION]: 'error.notAllowedInProxySession',
  [ErrorCode.SHARED_PERMISSION_MISSING]: 'sharing.err.permissionMissing',
  [ErrorCode.CAMERA_NOT_SHARED]: 'stream.refused.notShared',
  [ErrorCode.RENEWAL_NOT_DUE]: 'renewalRequests.error.notDue',
  [ErrorCode.RENEWAL_ALREADY_REQUESTED]: 'renewalRequests.error.already',
  [ErrorCode.RENEWAL_NOTE_TOO_LONG]: 'renewalRequests.error.noteTooLong',
  [ErrorCode.RENEWAL_REQUEST_HANDLED]: 'renewalRequests.error.handled',
};

/** A message for any error, in the current language where we know the code, else the server's. */
export function apiErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.isNetworkError) return t('error.network');
    const key = error.code !== undefined ? BY_CODE[error.code] : undefined;
    if (key) return t(key);
    if (error.status >= 500) return t('error.internal');
    return error.message || t('error.generic');
  }
  return t('error.generic');
}
