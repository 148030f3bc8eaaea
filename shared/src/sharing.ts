/**
 * Shared users, camera sharing, folders, favorites and stream grants (SPEC §5, §8; seed 001
 * §4.1.2, §4.3, §4.4, §5.5). Pure rules here; the API enforces them, the portal explains them.
 */

/** Permissions the contract holder may grant a shared user. Live view is always granted. */
export const SHARED_PERMISSION_KEYS = [
  'playback',
  'download',
  'cameraControl',
  'eventSearch',
  'cameraSettings',
] as const;
export type SharedPermissionKey = (typeof SHARED_PERMISSION_KEYS)[number];
export type SharedPermissions = Record<SharedPermissionKey, boolean>;

export const NO_SHARED_PERMISSIONS: SharedPermissions = {
  playback: false,
  download: false,
  cameraControl: false,
  eventSearch: false,
  cameraSettings: false,
};

/** Shared-user names are required and at most 32 characters (seed 001 §4.3.1, codes 400249/400250). */
export const SHARED_USER_NAME_MAX = 32;
/** The default of the `SHARED_USER_LIMIT` setting (seed 001 §2.1: 200 per customer). */
export const SHARED_USER_LIMIT_DEFAULT = 200;

export type SharedUserStatus = 'invited' | 'active';

/** `GET /api/shared-users` item. */
export interface SharedUserView {
  id: string;
  name: string;
  email: string;
  language: 'ja' | 'en';
  permissions: SharedPermissions;
  cameraIds: string[];
  status: SharedUserStatus;
  createdAt: string;
}

/** What a stream grant lets the portal do with a camera. */
export const STREAM_MODES = ['live', 'playback', 'download', 'control'] as const;
export type StreamMode = (typeof STREAM_MODES)[number];

/** The shared-user permission a mode needs (live needs none: it is always granted). */
export function permissionForMode(mode: StreamMode): SharedPermissionKey | null {
  switch (mode) {
    case 'live':
      return null;
    case 'playback':
      return 'playback';
    case 'download':
      return 'download';
    case 'control':
      return 'cameraControl';
  }
}

/** May a shared user with these permissions use this mode? (The contract holder may use every mode.) */
export function sharedUserMay(permissions: SharedPermissions, mode: StreamMode): boolean {
  const p = permissionForMode(mode);
  return p === null || permissions[p];
}

/** Seconds a stream grant stays valid for the device to accept it. */
export const STREAM_GRANT_TTL_SECONDS = 120;

/**
 * The signed content of a stream grant. The token is `<base64url(JSON.stringify(payload))>.<base64url(Ed25519 signature of those JSON bytes)>`,
 * signed with the entitlements key (`GET /api/device/keys`, `keyId`).
 */
export interface StreamGrantPayload {
  typ: 'stream-grant';
  grantId: string;
  keyId: string;
  deviceId: string;
  cameraId: string;
  mode: StreamMode;
  userId: string;
  customerId: string;
  issuedAt: string;
  expiresAt: string;
}

export interface StreamGrant {
  token: string;
  expiresAt: string;
}

/** Splits a grant token into its payload (parsed, unverified) and signature; null when malformed. */
export function parseStreamGrant(
  token: string,
): { payload: StreamGrantPayload; payloadBytes: string; signature: string } | null {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  try {
    const json = base64UrlToUtf8(parts[0]);
    const payload = JSON.parse(json) as StreamGrantPayload;
    if (!payload || payload.typ !== 'stream-grant') return null;
    return { payload, payloadBytes: json, signature: parts[1] };
  } catch {
    return null;
  }
}

function base64UrlToUtf8(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Folders (seed 001 §4.4): at most 3 levels, at most 100 entries (devices + subfolders) each. */
export const FOLDER_MAX_DEPTH = 3;
export const FOLDER_MAX_ENTRIES = 100;
export const FOLDER_NAME_MAX = 32;

export interface FolderView {
  id: string;
  name: string;
  parentId: string | null;
  deviceIds: string[];
}

/** Depth of a folder (1 = top level) from a parent map; null when the chain is broken or loops. */
export function folderDepth(id: string, parentOf: ReadonlyMap<string, string | null>): number | null {
  let depth = 0;
  let cur: string | null | undefined = id;
  const seen = new Set<string>();
  while (cur) {
    if (seen.has(cur) || !parentOf.has(cur)) return null;
    seen.add(cur);
    depth++;
    cur = parentOf.get(cur);
  }
  return depth;
}

/**
 * The folders a shared user sees: those holding a device with a camera shared with them, and
 * their ancestors (so the tree stays a tree). Pure; the API applies it to the customer's folders.
 */
export function foldersVisibleTo(
  folders: readonly FolderView[],
  visibleDeviceIds: ReadonlySet<string>,
): FolderView[] {
  const byId = new Map(folders.map((f) => [f.id, f]));
  const keep = new Set<string>();
  for (const f of folders) {
    if (!f.deviceIds.some((d) => visibleDeviceIds.has(d))) continue;
    let cur: FolderView | undefined = f;
    while (cur && !keep.has(cur.id)) {
      keep.add(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
  }
  return folders
    .filter((f) => keep.has(f.id))
    .map((f) => ({ ...f, deviceIds: f.deviceIds.filter((d) => visibleDeviceIds.has(d)) }));
}
