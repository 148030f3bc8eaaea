import type { EntityManager } from 'typeorm';
import { rows } from '../common/database/database.js';

/**
 * The one writer of `device.entitlements_version`: every change of what a device's cameras may
 * do (bind, expiry, transfer, deletion, exchange, "do not license", deactivation) bumps it here,
 * inside the caller's transaction. The version only ever grows by one, so a (device, version)
 * pair names one document: the entitlements cache keys on it, devices send it back as
 * `waitForVersion` / `If-None-Match`, and the table's trigger notifies the waiting long-polls
 * of every API process at commit.
 *
 * `devices` is a list of ids, or `{ sql }`: a subquery (no parameters) that yields device ids,
 * for set-based callers such as the expiry sweep. Returns how many devices were bumped.
 */
export async function bumpEntitlementsVersion(
  em: EntityManager,
  devices: Iterable<string> | { sql: string },
  now: Date,
): Promise<number> {
  let where: string;
  const params: unknown[] = [now];
  if ('sql' in devices) {
    where = `id IN (${devices.sql})`;
  } else {
    const ids = [...new Set(devices)];
    if (!ids.length) return 0;
    where = `id = ANY($2::uuid[])`;
    params.push(ids);
  }
  const [{ n }] = await rows<{ n: number }>(
    em,
    `WITH d AS (
       UPDATE device SET entitlements_version = entitlements_version + 1, updated_at = $1 WHERE ${where}
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM d`,
    params,
  );
  return n;
}
