import { ErrorCode } from '@lc/shared';
import { isApiError } from '../../api/ApiError';
import type { MessageKey } from '../../app/i18n/dictionaries';
import { apiErrorMessage } from '../../app/i18n/apiErrorMessage';
import type { TFunction } from '../../app/i18n/useT';

const STATUS_KEYS: Record<string, MessageKey> = {
  online: 'maintenance.status.online',
  normal: 'maintenance.status.normal',
  communication_error: 'maintenance.status.communication_error',
  recorder_error: 'maintenance.status.recorder_error',
  alarm: 'maintenance.status.alarm',
};

export const STATUS_FILTERS = Object.keys(STATUS_KEYS);

/** A device status word in the current language (unknown words as reported). */
export function statusLabel(t: TFunction, status: string): string {
  const key = STATUS_KEYS[status];
  return key ? t(key) : status;
}

export function statusColor(status: string): 'success' | 'error' | 'warning' | 'default' {
  if (status === 'online' || status === 'normal') return 'success';
  if (status === 'communication_error') return 'error';
  if (status === 'recorder_error' || status === 'alarm') return 'warning';
  return 'default';
}

/** Maintenance error codes in the current language; others as everywhere else. */
export function maintenanceErrorMessage(t: TFunction, error: unknown, fmt?: (iso: string) => string): string {
  if (isApiError(error)) {
    switch (error.code) {
      case ErrorCode.MAINTENANCE_DEALER_MISMATCH:
        return t('maintenance.error.mismatch');
      case ErrorCode.MAINTENANCE_LINK_RATE_LIMITED: {
        const at = typeof error.details?.retryAt === 'string' ? error.details.retryAt : '';
        return t('maintenance.error.rateLimited', { time: fmt && at ? fmt(at) : at });
      }
      case ErrorCode.MAINTENANCE_CONTACTS_LIMIT:
        return t('maintenance.error.contactsLimit');
      case ErrorCode.MAINTENANCE_CONTACT_DUPLICATE:
        return t('maintenance.error.duplicate');
      case ErrorCode.MAINTENANCE_UNLICENSED:
        return t('maintenance.error.unlicensed');
      case ErrorCode.RESERVATION_IN_PAST:
        return t('maintenance.error.reservationInPast');
    }
  }
  return apiErrorMessage(t, error);
}
