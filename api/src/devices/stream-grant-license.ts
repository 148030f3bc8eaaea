import type { EntityManager } from 'typeorm';
import { rows } from '../common/database/database.js';

/**
 * MERGE NOTE (issue 13 ↔ engineer `lapse`): a small private license check for stream grants.
 * The coordinator swaps this for the shared server-side capability check at merge; keep the
 * signature (em, cameraId, now) → boolean so only this file changes.
 *
 * A camera may stream remotely when a license is bound to it that is valid at `now`:
 * assigned_at ≤ now ≤ ends_at (valid up to and including ends_at, SPEC §2).
 */
export async function cameraLicenseValidAt(em: EntityManager, cameraId: string, now: Date): Promise<boolean> {
  const r = await rows(
    em,
    `SELECT 1 FROM license WHERE camera_id = $1 AND state = 'bound' AND assigned_at <= $2 AND ends_at >= $2 LIMIT 1`,
    [cameraId, now],
  );
  return r.length > 0;
}
