import type { EntityManager } from 'typeorm';
import { rows } from '../common/database/database.js';
import { cameraLicensedSql } from '../licenses/validity.js';

/**
 * Remote live, playback, download and control need the camera licensed now (SPEC §3): the same
 * SQL rule (`licenses/validity.ts`) as the CapabilityGate, entitlements, event intake and search —
 * a bound license valid up to and including its `ends_at`.
 */
export async function cameraLicenseValidAt(em: EntityManager, cameraId: string, now: Date): Promise<boolean> {
  const r = await rows(em, `SELECT 1 FROM camera c WHERE c.id = $1 AND ${cameraLicensedSql('c', '$2')}`, [
    cameraId,
    now,
  ]);
  return r.length > 0;
}
