import { CAMERA_NAME_MAX } from '@lc/shared';

/** Characters as people count them (a surrogate pair is one). */
export function charCount(s: string): number {
  return [...s].length;
}

export type CameraNameError = 'required' | 'tooLong';

/** A camera name: not blank, at most 20 characters (SPEC §8). */
export function cameraNameError(name: string): CameraNameError | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'required';
  if (charCount(trimmed) > CAMERA_NAME_MAX) return 'tooLong';
  return null;
}

export type ReservationError = 'required' | 'invalid' | 'past';

/**
 * A firmware-update reservation typed in a `datetime-local` field (the browser's zone): it must
 * be a time in the future (the API refuses others with 50401).
 */
export function reservationError(local: string, now: Date): ReservationError | null {
  if (!local) return 'required';
  const at = new Date(local);
  if (Number.isNaN(at.getTime())) return 'invalid';
  return at.getTime() <= now.getTime() ? 'past' : null;
}

export { localInputToIso } from '../../app/i18n/localInputToIso';

/** The typed confirmation of a deletion must repeat the device's serial exactly (ignoring spaces around). */
export function deletionConfirmed(typed: string, serial: string): boolean {
  return typed.trim() === serial;
}

const MAC = /^[0-9A-Fa-f]{2}([:-]?[0-9A-Fa-f]{2}){5}$/;
const SERIAL = /^[A-Za-z0-9._:-]{1,64}$/;

export interface ExchangeForm {
  serial: string;
  model: string;
  mac: string;
  firmware: string;
}

export type ExchangeFieldError = 'required' | 'invalid' | 'sameSerial';

/** The replacement device's fields, checked as the API checks them (DeviceSpecDto). */
export function exchangeErrors(
  form: ExchangeForm,
  currentSerial: string,
): Partial<Record<keyof ExchangeForm, ExchangeFieldError>> {
  const errors: Partial<Record<keyof ExchangeForm, ExchangeFieldError>> = {};
  const serial = form.serial.trim();
  if (!serial) errors.serial = 'required';
  else if (!SERIAL.test(serial)) errors.serial = 'invalid';
  else if (serial === currentSerial) errors.serial = 'sameSerial';
  if (!form.model.trim()) errors.model = 'required';
  else if (form.model.trim().length > 64) errors.model = 'invalid';
  if (!form.mac.trim()) errors.mac = 'required';
  else if (!MAC.test(form.mac.trim())) errors.mac = 'invalid';
  if (!form.firmware.trim()) errors.firmware = 'required';
  else if (form.firmware.trim().length > 64) errors.firmware = 'invalid';
  return errors;
}
