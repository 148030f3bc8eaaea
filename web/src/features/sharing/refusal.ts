import { ErrorCode, SHARED_PERMISSION_KEYS, type SharedPermissionKey } from '@lc/shared';
import { isApiError } from '../../api/ApiError';

/** Why the API refused a stream grant, in words the camera page can say (SPEC §3, §8). */
export type GrantRefusal =
  | {
      kind: 'unlicensed';
      /** The camera's latest license (which one lapsed), or null when it never had one. */
      lastLicense: { skuCode: string; name: { ja: string; en: string }; endsAt: string } | null;
      /** The selling dealer to ask for a license. */
      dealer: { companyName: string; phone: string } | null;
    }
  | { kind: 'permission'; permission: SharedPermissionKey }
  | { kind: 'notShared' }
  | { kind: 'proxy' }
  | { kind: 'other' };

const isPermission = (p: unknown): p is SharedPermissionKey =>
  typeof p === 'string' && (SHARED_PERMISSION_KEYS as readonly string[]).includes(p);

export function grantRefusal(error: unknown): GrantRefusal {
  if (!isApiError(error)) return { kind: 'other' };
  const d = error.details ?? {};
  switch (error.code) {
    case ErrorCode.STREAM_CAMERA_UNLICENSED:
      return {
        kind: 'unlicensed',
        lastLicense: (d.lastLicense as Extract<GrantRefusal, { kind: 'unlicensed' }>['lastLicense']) ?? null,
        dealer: (d.dealer as Extract<GrantRefusal, { kind: 'unlicensed' }>['dealer']) ?? null,
      };
    case ErrorCode.SHARED_PERMISSION_MISSING:
      return isPermission(d.permission)
        ? { kind: 'permission', permission: d.permission }
        : { kind: 'other' };
    case ErrorCode.CAMERA_NOT_SHARED:
      return { kind: 'notShared' };
    case ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION:
      return { kind: 'proxy' };
    default:
      return { kind: 'other' };
  }
}

/** The message key for the seed §7.2 codes of the shared-user forms; undefined for others. */
export function sharingErrorKey(
  error: unknown,
):
  | 'sharing.err.nameMissing'
  | 'sharing.err.nameTooLong'
  | 'sharing.err.emailTaken'
  | 'sharing.err.limit'
  | 'sharing.err.password'
  | 'folders.err.tooDeep'
  | 'folders.err.full'
  | undefined {
  if (!isApiError(error)) return undefined;
  switch (error.code) {
    case ErrorCode.NAME_MISSING:
      return 'sharing.err.nameMissing';
    case ErrorCode.NAME_TOO_LONG:
      return 'sharing.err.nameTooLong';
    case ErrorCode.ALREADY_REGISTERED:
      return 'sharing.err.emailTaken';
    case ErrorCode.SHARED_USER_LIMIT:
      return 'sharing.err.limit';
    case ErrorCode.INVALID_CREDENTIALS:
      return 'sharing.err.password';
    case ErrorCode.FOLDER_TOO_DEEP:
      return 'folders.err.tooDeep';
    case ErrorCode.FOLDER_FULL:
      return 'folders.err.full';
    default:
      return undefined;
  }
}
