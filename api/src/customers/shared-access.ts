import type { EntityManager } from 'typeorm';
import {
  ErrorCode,
  NO_SHARED_PERMISSIONS,
  type SharedPermissionKey,
  type SharedPermissions,
} from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';

/**
 * What a shared user may see and do, read fresh from the database on every request (a change by
 * the contract holder applies at once, without new tokens). Plain functions taking the caller's
 * EntityManager, so devices, portal and stream grants use them inside their own queries.
 */

export interface PermissionRow {
  can_playback: boolean;
  can_download: boolean;
  can_camera_control: boolean;
  can_event_search: boolean;
  can_camera_settings: boolean;
}

export const permissionsOf = (r: PermissionRow): SharedPermissions => ({
  playback: r.can_playback,
  download: r.can_download,
  cameraControl: r.can_camera_control,
  eventSearch: r.can_event_search,
  cameraSettings: r.can_camera_settings,
});

/** The shared user's permissions (none when the row is gone, e.g. deleted meanwhile). */
export async function sharedPermissions(em: EntityManager, userId: string): Promise<SharedPermissions> {
  const [r] = await rows<PermissionRow>(em, `SELECT * FROM shared_user WHERE user_id = $1`, [userId]);
  return r ? permissionsOf(r) : { ...NO_SHARED_PERMISSIONS };
}

/** Ids of the live cameras shared with the user. */
export async function sharedCameraIds(em: EntityManager, userId: string): Promise<string[]> {
  const r = await rows<{ camera_id: string }>(
    em,
    `SELECT s.camera_id FROM shared_user_camera s JOIN camera c ON c.id = s.camera_id AND c.deleted_at IS NULL
      WHERE s.user_id = $1 ORDER BY s.camera_id`,
    [userId],
  );
  return r.map((x) => x.camera_id);
}

/** Refuses (403 500302) a shared user without the permission; anyone else passes. */
export async function requireSharedPermission(
  em: EntityManager,
  user: AuthUser,
  permission: SharedPermissionKey,
): Promise<void> {
  if (user.role !== 'shared_user') return;
  const p = await sharedPermissions(em, user.id);
  if (!p[permission]) {
    throw AppError.forbidden(
      `permissions: the contract holder has not granted you ${permission}`,
      ErrorCode.SHARED_PERMISSION_MISSING,
    );
  }
}

/** The camera filter of a caller: null for the contract holder (everything), else the shared ids. */
export async function cameraFilter(em: EntityManager, user: AuthUser): Promise<Set<string> | null> {
  if (user.role !== 'shared_user') return null;
  return new Set(await sharedCameraIds(em, user.id));
}

/**
 * Device deletion and exchange: the cameras of these devices stop being shared, favored and
 * filed (the caller deletes the devices in the same transaction).
 */
export async function removeSharingOfDevices(em: EntityManager, deviceIds: string[]): Promise<void> {
  if (!deviceIds.length) return;
  await em.query(
    `DELETE FROM shared_user_camera WHERE camera_id IN (SELECT id FROM camera WHERE device_id = ANY($1::uuid[]))`,
    [deviceIds],
  );
  await em.query(
    `DELETE FROM favorite_camera WHERE camera_id IN (SELECT id FROM camera WHERE device_id = ANY($1::uuid[]))`,
    [deviceIds],
  );
  await em.query(`DELETE FROM folder_device WHERE device_id = ANY($1::uuid[])`, [deviceIds]);
}

/**
 * Customer deactivation: every shared user of the customer is deleted (sessions revoked first,
 * e-mail address free again), and the customer's folders and favorites go. Returns the deleted ids.
 */
export async function removeSharedUsersOfCustomer(
  em: EntityManager,
  customerId: string,
  now: Date,
): Promise<string[]> {
  const users = await rows<{ id: string }>(
    em,
    `SELECT id FROM app_user WHERE customer_id = $1 AND role = 'shared_user' FOR UPDATE`,
    [customerId],
  );
  const ids = users.map((u) => u.id);
  await em.query(
    `UPDATE auth_session SET revoked_at = $2, revoke_reason = 'customer_deactivated'
      WHERE user_id = ANY($1::uuid[]) AND revoked_at IS NULL`,
    [ids, now],
  );
  await em.query(`DELETE FROM app_user WHERE id = ANY($1::uuid[])`, [ids]);
  await em.query(
    `DELETE FROM favorite_camera WHERE camera_id IN (SELECT id FROM camera WHERE customer_id = $1)`,
    [customerId],
  );
  await em.query(
    `DELETE FROM folder_device WHERE folder_id IN (SELECT id FROM folder WHERE customer_id = $1)`,
    [customerId],
  );
  // One statement: the parent_id foreign key (NO ACTION) is checked at its end.
  await em.query(`DELETE FROM folder WHERE customer_id = $1`, [customerId]);
  return ids;
}

/** The device tree as a shared user sees it: only devices with a shared camera, only those cameras. */
export function treeForSharedUser<T extends { cameras: Array<{ id: string }> }>(
  devices: T[],
  cameraIds: ReadonlySet<string>,
): T[] {
  return devices
    .map((d) => ({ ...d, cameras: d.cameras.filter((c) => cameraIds.has(c.id)) }))
    .filter((d) => d.cameras.length > 0);
}

/**
 * Device exchange: sharing and favorites follow each camera to the replacement's camera on the
 * same channel, and the replacement takes the old device's folder.
 */
export async function moveSharingOnExchange(
  em: EntityManager,
  oldDeviceId: string,
  newDeviceId: string,
): Promise<void> {
  const pairs = `SELECT o.id AS old_id, n.id AS new_id FROM camera o
                   JOIN camera n ON n.device_id = $2 AND n.channel = o.channel AND n.deleted_at IS NULL
                  WHERE o.device_id = $1`;
  await em.query(
    `INSERT INTO shared_user_camera (user_id, camera_id, created_at)
     SELECT s.user_id, p.new_id, s.created_at FROM shared_user_camera s JOIN (${pairs}) p ON p.old_id = s.camera_id
     ON CONFLICT DO NOTHING`,
    [oldDeviceId, newDeviceId],
  );
  await em.query(
    `INSERT INTO favorite_camera (user_id, camera_id, created_at)
     SELECT f.user_id, p.new_id, f.created_at FROM favorite_camera f JOIN (${pairs}) p ON p.old_id = f.camera_id
     ON CONFLICT DO NOTHING`,
    [oldDeviceId, newDeviceId],
  );
  await em.query(
    `INSERT INTO folder_device (device_id, folder_id) SELECT $2, folder_id FROM folder_device WHERE device_id = $1
     ON CONFLICT (device_id) DO NOTHING`,
    [oldDeviceId, newDeviceId],
  );
  await removeSharingOfDevices(em, [oldDeviceId]);
}
