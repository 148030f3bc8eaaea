import { ErrorCode } from '@lc/shared';
import { isApiError } from '../../api/ApiError';
import { apiErrorMessage } from '../../app/i18n/apiErrorMessage';
import type { MessageKey } from '../../app/i18n/dictionaries';
import type { TFunction } from '../../app/i18n/useT';

const BY_CODE: Partial<Record<number, MessageKey>> = {
  [ErrorCode.RESERVATION_IN_PAST]: 'devices.error.reservationInPast',
  [ErrorCode.DEVICE_SERIAL_TAKEN]: 'devices.error.serialTaken',
  [ErrorCode.CAMERA_ALREADY_LICENSED]: 'devices.error.cameraAlreadyLicensed',
  [ErrorCode.LICENSE_KIND_MISMATCH]: 'devices.error.kindMismatch',
  [ErrorCode.LICENSE_NOT_BOUND]: 'devices.error.licenseNotBound',
  [ErrorCode.DEVICE_EXCHANGE_INVALID]: 'devices.error.exchangeInvalid',
  [ErrorCode.INVALID_CREDENTIALS]: 'devices.error.wrongPassword',
  [ErrorCode.LICENSE_REQUIRED]: 'devices.error.licenseRequired',
  [ErrorCode.OPERATION_NOT_SUPPORTED]: 'devices.error.operationNotSupported',
  [ErrorCode.FIRMWARE_UPDATE_STARTED]: 'devices.error.firmwareStarted',
  [ErrorCode.NO_FIRMWARE_RESERVATION]: 'devices.error.noReservation',
  [ErrorCode.DEALER_NEEDS_MAINTENANCE_LINK]: 'devices.error.dealerNeedsLink',
};

/** Device errors in the current language; everything else as the rest of the console shows it. */
export function deviceErrorMessage(t: TFunction, error: unknown): string {
  const key = isApiError(error) && error.code !== undefined ? BY_CODE[error.code] : undefined;
  return key ? t(key) : apiErrorMessage(t, error);
}
