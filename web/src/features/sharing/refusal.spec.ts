import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@lc/shared';
import { ApiError } from '../../api/ApiError';
import { grantRefusal, sharingErrorKey } from './refusal';

const err = (code: number, details?: Record<string, unknown>) =>
  new ApiError(403, { statusCode: 403, code: code as ErrorCode, message: 'x', details });

describe('grantRefusal', () => {
  const dealer = { companyName: 'Tokyo Cameras', phone: '03-1234-5678' };
  const lastLicense = {
    skuCode: 'EDGE-12M',
    name: { ja: 'エッジ12', en: 'Edge 12' },
    endsAt: '2027-12-31T14:59:59.999Z',
  };
  it.each([
    [
      err(ErrorCode.STREAM_CAMERA_UNLICENSED, { lastLicense, dealer }),
      { kind: 'unlicensed', lastLicense, dealer },
    ],
    [
      err(ErrorCode.STREAM_CAMERA_UNLICENSED, { lastLicense: null, dealer }),
      { kind: 'unlicensed', lastLicense: null, dealer },
    ],
    [
      err(ErrorCode.SHARED_PERMISSION_MISSING, { permission: 'playback' }),
      { kind: 'permission', permission: 'playback' },
    ],
    [err(ErrorCode.SHARED_PERMISSION_MISSING, { permission: 'deviceManagement' }), { kind: 'other' }],
    [err(ErrorCode.CAMERA_NOT_SHARED), { kind: 'notShared' }],
    [err(ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION), { kind: 'proxy' }],
    [err(ErrorCode.FORBIDDEN), { kind: 'other' }],
    [new Error('boom'), { kind: 'other' }],
  ])('%#', (e, expected) => {
    expect(grantRefusal(e)).toEqual(expected);
  });
});

describe('sharingErrorKey', () => {
  it.each([
    [ErrorCode.NAME_MISSING, 'sharing.err.nameMissing'],
    [ErrorCode.NAME_TOO_LONG, 'sharing.err.nameTooLong'],
    [ErrorCode.ALREADY_REGISTERED, 'sharing.err.emailTaken'],
    [ErrorCode.SHARED_USER_LIMIT, 'sharing.err.limit'],
    [ErrorCode.INVALID_CREDENTIALS, 'sharing.err.password'],
    [ErrorCode.FOLDER_TOO_DEEP, 'folders.err.tooDeep'],
    [ErrorCode.FOLDER_FULL, 'folders.err.full'],
    [ErrorCode.VALIDATION, undefined],
  ])('%s → %s', (code, key) => {
    expect(sharingErrorKey(err(code))).toBe(key);
  });
});
