import type { EntityManager } from 'typeorm';

/**
 * Ends every open session of these users, also proxy sessions opened into them
 * (`acting_user_id`), with this reason (caller's transaction).
 */
export async function revokeSessionsOfUsers(
  em: EntityManager,
  userIds: string[],
  now: Date,
  reason: string,
): Promise<void> {
  await em.query(
    `UPDATE auth_session SET revoked_at = $2, revoke_reason = $3
      WHERE (user_id = ANY($1::uuid[]) OR acting_user_id = ANY($1::uuid[])) AND revoked_at IS NULL`,
    [userIds, now, reason],
  );
}
