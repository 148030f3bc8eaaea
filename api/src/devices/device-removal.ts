import type { EntityManager } from 'typeorm';
import { rows } from '../common/database/database.js';

/**
 * Owner functions of the device tables (device, camera, device_command) for use cases of other
 * features that remove devices, e.g. customer deactivation. Each takes the caller's transaction.
 */

/** Locks the customer's live devices (FOR UPDATE) and returns their ids. */
export async function lockLiveDevicesOfCustomer(em: EntityManager, customerId: string): Promise<string[]> {
  const devices = await rows<{ id: string }>(
    em,
    `SELECT id FROM device WHERE customer_id = $1 AND deleted_at IS NULL FOR UPDATE`,
    [customerId],
  );
  return devices.map((d) => d.id);
}

/** Soft-deletes these devices and their cameras. */
export async function deleteDevicesAndCameras(
  em: EntityManager,
  deviceIds: string[],
  now: Date,
): Promise<void> {
  await em.query(
    `UPDATE camera SET deleted_at = $2 WHERE device_id = ANY($1::uuid[]) AND deleted_at IS NULL`,
    [deviceIds, now],
  );
  await em.query(
    `UPDATE device SET deleted_at = $2, status = 'deleted', updated_at = $2 WHERE id = ANY($1::uuid[])`,
    [deviceIds, now],
  );
}

/** Cancels the pending and delivered commands of these devices; returns the cancelled ids. */
export async function cancelOpenCommandsOfDevices(em: EntityManager, deviceIds: string[]): Promise<string[]> {
  const cancelled = await rows<{ id: string }>(
    em,
    `UPDATE device_command SET status = 'cancelled'
      WHERE device_id = ANY($1::uuid[]) AND status IN ('pending', 'delivered') RETURNING id`,
    [deviceIds],
  );
  return cancelled.map((c) => c.id);
}
