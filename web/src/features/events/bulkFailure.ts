import { ErrorCode, type BulkCommandResult } from '@lc/shared';
import type { MessageKey } from '../../app/i18n/dictionaries';

const WORDS: Partial<Record<number, MessageKey>> = {
  [ErrorCode.BULK_NOT_A_RECORDER]: 'bulk.err.notRecorder',
  [ErrorCode.BULK_DEVICE_NOT_FOUND]: 'bulk.err.notFound',
  [ErrorCode.RESERVATION_IN_PAST]: 'bulk.err.past',
};

/** Why one device of a bulk operation failed, in the user's words (the API's message otherwise). */
export function bulkFailure(t: (key: MessageKey) => string, r: BulkCommandResult): string {
  const key = r.code === null ? undefined : WORDS[r.code];
  return key ? t(key) : (r.message ?? '');
}
