import type { EntityManager } from 'typeorm';
import { rows } from '../common/database/database.js';

/** Owner functions of `customer` and `app_user` for customer deactivation (caller's transaction). */

/** Marks the customer deactivated. */
export async function markCustomerDeactivated(
  em: EntityManager,
  customerId: string,
  now: Date,
): Promise<void> {
  await em.query(`UPDATE customer SET deactivated_at = $2, updated_at = $2 WHERE id = $1`, [customerId, now]);
}

/** Deactivates every active user of the customer; returns their ids. */
export async function deactivateUsersOfCustomer(
  em: EntityManager,
  customerId: string,
  now: Date,
): Promise<string[]> {
  const users = await rows<{ id: string }>(
    em,
    `UPDATE app_user SET active = false, updated_at = $2 WHERE customer_id = $1 AND active RETURNING id`,
    [customerId, now],
  );
  return users.map((u) => u.id);
}
