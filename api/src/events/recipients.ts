import type { EntityManager } from 'typeorm';
import type { Language } from '@lc/shared';
import { rows } from '../common/database/database.js';
import { cameraLicensedSql, deviceLicensedSql } from '../licenses/validity.js';

export interface EventRecipient {
  userId: string;
  email: string;
  language: Language;
  timeZone: string;
}

/**
 * WHO MAY RECEIVE A CAMERA'S EVENT E-MAIL — the one place that decides it (issues #13, #15).
 *
 * The active contract holder(s) (`role = 'customer'`) of the customer owning the device, while the
 * customer is not deactivated; and the customer's active shared users who hold the event-search
 * permission and have that camera shared with them (for a recorder's own event, `cameraId` null:
 * any live camera of that recorder). Their own settings, language and zone are read per user.
 */
export async function recipientsForCameraEvent(
  em: EntityManager,
  deviceId: string,
  cameraId: string | null,
): Promise<EventRecipient[]> {
  const r = await rows<{ id: string; email: string; language: Language; time_zone: string }>(
    em,
    `SELECT u.id, u.email, u.language, u.time_zone
       FROM device d
       JOIN customer c ON c.id = d.customer_id AND c.deactivated_at IS NULL
       JOIN app_user u ON u.customer_id = c.id AND u.active
      WHERE d.id = $1 AND d.deleted_at IS NULL
        AND (u.role = 'customer'
             OR (u.role = 'shared_user'
                 AND EXISTS (SELECT 1 FROM shared_user su WHERE su.user_id = u.id AND su.can_event_search)
                 AND EXISTS (SELECT 1 FROM shared_user_camera sc
                               JOIN camera cam ON cam.id = sc.camera_id AND cam.deleted_at IS NULL
                              WHERE sc.user_id = u.id AND cam.device_id = d.id
                                AND ($2::uuid IS NULL OR cam.id = $2))))
      ORDER BY u.created_at, u.id`,
    [deviceId, cameraId],
  );
  return r.map((u) => ({ userId: u.id, email: u.email, language: u.language, timeZone: u.time_zone }));
}

/**
 * LICENSE VALIDITY FOR REMOTE NOTIFICATION (SPEC §3): the same SQL rule as heartbeat intake,
 * event search and the CapabilityGate (`licenses/validity.ts`). A camera's event needs the camera
 * licensed at `at` (valid up to and including `ends_at`); a recorder's own event (cameraId null)
 * needs at least one licensed camera of the recorder.
 */
export async function licensedForNotification(
  em: EntityManager,
  deviceId: string,
  cameraId: string | null,
  at: Date,
): Promise<boolean> {
  const [r] = await rows<{ ok: boolean }>(
    em,
    `SELECT CASE WHEN $2::uuid IS NULL
                 THEN EXISTS (SELECT 1 FROM device d WHERE d.id = $1 AND ${deviceLicensedSql('d', '$3')})
                 ELSE EXISTS (SELECT 1 FROM camera c WHERE c.id = $2 AND c.device_id = $1 AND c.deleted_at IS NULL
                                AND ${cameraLicensedSql('c', '$3')}) END AS ok`,
    [deviceId, cameraId, at],
  );
  return r.ok;
}
