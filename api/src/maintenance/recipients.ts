import type { EntityManager } from 'typeorm';
import type { Language } from '@lc/shared';
import { rows } from '../common/database/database.js';

/** Where a dealer's maintenance e-mails go, and in which language. */
export interface MaintenanceRecipients {
  dealerId: string;
  loginId: string;
  companyName: string;
  /** The maintenance contacts; the notification e-mail when none are set. */
  emails: string[];
  language: Language;
  timeZone: string;
}

export async function maintenanceRecipients(
  em: EntityManager,
  dealerIds: string[],
): Promise<Map<string, MaintenanceRecipients>> {
  if (!dealerIds.length) return new Map();
  const r = await rows<{
    id: string;
    login_id: string;
    company_name: string;
    emails: string[];
    language: Language | null;
    time_zone: string | null;
  }>(
    em,
    `SELECT d.id, d.login_id, d.company_name,
            CASE WHEN cardinality(d.maintenance_emails) > 0 THEN d.maintenance_emails
                 ELSE ARRAY[d.notification_email] END AS emails,
            o.language, o.time_zone
       FROM dealer d
       LEFT JOIN LATERAL (SELECT language, time_zone FROM app_user
                           WHERE dealer_id = d.id AND member_role = 'owner' AND active
                           ORDER BY created_at LIMIT 1) o ON true
      WHERE d.id = ANY($1::uuid[])`,
    [dealerIds],
  );
  return new Map(
    r.map((d) => [
      d.id,
      {
        dealerId: d.id,
        loginId: d.login_id,
        companyName: d.company_name,
        emails: d.emails,
        language: d.language ?? 'ja',
        timeZone: d.time_zone ?? 'Asia/Tokyo',
      },
    ]),
  );
}

/**
 * SQL condition: link `l` covers device `d` — all the customer's devices, or a chosen one. A
 * chosen device that was exchanged stays covered through its replacements (the old device's
 * `replaced_by_device_id` chain), as its licenses move to the replacement.
 */
export function linkCovers(l: string, d: string): string {
  return `(${l}.all_devices OR EXISTS (
      WITH RECURSIVE lineage(id) AS (
        SELECT ${d}.id
        UNION
        SELECT o.id FROM device o JOIN lineage p ON o.replaced_by_device_id = p.id
      )
      SELECT 1 FROM maintenance_link_device ld JOIN lineage ON lineage.id = ld.device_id
       WHERE ld.link_id = ${l}.id))`;
}

/**
 * `FROM … WHERE …` of the devices a dealer may see: live devices of customers with a live link to
 * it, either all of the customer's devices or the chosen ones; `d` device, `l` link, `c` customer.
 * `dealer` is the placeholder of the dealer id; `joins` are added before the WHERE.
 */
export function linkedDevicesFrom(dealer: string, joins = ''): string {
  return `FROM device d
    JOIN maintenance_link l ON l.customer_id = d.customer_id AND l.dealer_id = ${dealer} AND l.removed_at IS NULL
    JOIN customer c ON c.id = d.customer_id
    ${joins}
   WHERE d.deleted_at IS NULL AND ${linkCovers('l', 'd')}`;
}
