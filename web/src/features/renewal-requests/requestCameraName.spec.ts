import { describe, expect, it } from 'vitest';
import { translate } from '../../app/i18n/translate';
import type { TFunction } from '../../app/i18n/useT';
import { requestCameraName } from './requestCameraName';

const tOf = (lang: 'en' | 'ja') => ((key, vars) => translate(lang, key, vars)) as TFunction;

describe('requestCameraName: the camera of a renewal request by name, never its id', () => {
  it.each([
    ['en', null, 3, 'REC-8 (SIM-REC-8)', 'Camera 3 — REC-8 (SIM-REC-8)'],
    ['ja', null, 3, 'REC-8 (SIM-REC-8)', 'カメラ3 — REC-8 (SIM-REC-8)'],
    ['en', 'Back door', 2, 'Shop recorder', 'Back door — Shop recorder'],
  ] as const)('%s %s ch%d on %s → %s', (lang, name, channel, deviceName, expected) => {
    expect(requestCameraName(tOf(lang), { cameraOwnName: name, cameraChannel: channel, deviceName })).toBe(
      expected,
    );
  });
});
