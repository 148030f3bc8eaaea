import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@lc/shared';
import { translate } from '../../app/i18n/translate';
import { bulkFailure } from './bulkFailure';

const base = { deviceId: 'd', deviceName: 'Store', ok: false, commandId: null };

describe('bulkFailure', () => {
  const cases: Array<[number | null, string | null, string]> = [
    [
      ErrorCode.BULK_NOT_A_RECORDER,
      'deviceIds: …',
      'レコーダーではありません。カメラは一括操作に対応していません。',
    ],
    [ErrorCode.RESERVATION_IN_PAST, 'at: must be in the future', '予約日時が過去です。'],
    [
      ErrorCode.BULK_DEVICE_NOT_FOUND,
      'Device not found',
      '機器が見つかりません（削除済みの可能性があります）。',
    ],
    [100409, 'something else', 'something else'],
  ];
  it.each(cases)('code %s', (code, message, expected) => {
    expect(bulkFailure((k) => translate('ja', k), { ...base, code, message })).toBe(expected);
  });
});
