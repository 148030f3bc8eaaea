import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReminderThreshold } from '@lc/shared';
import { rows } from '../common/database/database.js';
import { validAt } from '../licenses/validity.js';
import {
  CAMERA_LABEL_SQL,
  customerRecipients,
  dealerRecipients,
  JobOutbox,
  type JobMail,
  type Recipient,
} from './outbox.js';
import { licensesExpiringEvents } from '../integrations/events.js';

interface DueRow {
  id: string;
  customer_id: string;
  customer_name: string;
  dealer_id: string;
  sku_code: string;
  ends_at: Date;
  camera_label: string | null;
  renewal: boolean | null;
  dealer_t: ReminderThreshold;
  customer_t: ReminderThreshold | null;
}

/** E-mails (recipient × threshold groups) per transaction. */
const GROUPS_PER_TX = 200;

/**
 * The `reminders` job (SPEC §4). For every valid license ending within 90 days it takes the
 * most recent threshold that is due — dealer 90d/60d/30d/14d/24h, customer 14d/24h — so after
 * downtime only the latest is sent, never a stale one. Per recipient address and threshold it
 * sends one e-mail listing every license that reached it. Exactly once per (license, threshold,
 * recipient): the rows of `license_reminder` (its primary key) are inserted in the same
 * transaction as the e-mail; a key that is already there (an earlier run, another process) is
 * skipped, and an e-mail whose licenses were all taken is not sent.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: JobOutbox,
  ) {}

  async run(now: Date): Promise<{ licenses: number; reminders: number; mails: number }> {
    await licensesExpiringEvents(this.ds.manager, now);
    const due = await rows<DueRow>(
      this.ds.manager,
      `WITH lic AS (
         SELECT l.*, l.ends_at - $1::timestamptz AS left_
           FROM license l
          WHERE l.state IN ('assigned', 'bound') AND ${validAt('l.ends_at', '$1')} AND l.ends_at <= $1::timestamptz + interval '90 days'
       )
       SELECT l.id, l.customer_id, cu.name AS customer_name, l.selling_dealer_id AS dealer_id, s.code AS sku_code,
              l.ends_at, ${CAMERA_LABEL_SQL} AS camera_label,
              CASE WHEN l.state = 'bound' THEN
                (SELECT count(*) FROM license p WHERE p.customer_id = l.customer_id AND p.kind = l.kind
                    AND p.state = 'assigned' AND p.ends_at > l.ends_at)
                >= (SELECT count(*) FROM license b WHERE b.customer_id = l.customer_id AND b.kind = l.kind
                    AND b.state = 'bound' AND (b.ends_at, b.assigned_at, b.id) <= (l.ends_at, l.assigned_at, l.id))
              END AS renewal,
              CASE WHEN l.left_ <= interval '24 hours' THEN '24h' WHEN l.left_ <= interval '14 days' THEN '14d'
                   WHEN l.left_ <= interval '30 days' THEN '30d' WHEN l.left_ <= interval '60 days' THEN '60d'
                   ELSE '90d' END AS dealer_t,
              CASE WHEN l.left_ <= interval '24 hours' THEN '24h' WHEN l.left_ <= interval '14 days' THEN '14d'
                   END AS customer_t
         FROM lic l
         JOIN customer cu ON cu.id = l.customer_id
         JOIN sku s ON s.id = l.sku_id
         LEFT JOIN camera cam ON cam.id = l.camera_id
         LEFT JOIN device dev ON dev.id = cam.device_id
        ORDER BY cu.name, l.customer_id, l.ends_at, camera_label NULLS LAST, l.id`,
      [now],
    );
    if (!due.length) return { licenses: 0, reminders: 0, mails: 0 };
    const dealers = await dealerRecipients(this.ds.manager, [...new Set(due.map((d) => d.dealer_id))]);
    const customers = await customerRecipients(this.ds.manager, [...new Set(due.map((d) => d.customer_id))]);
    // Keys sent before are skipped here already (cheap); the insert below is what guarantees it.
    const sent = new Set(
      (
        await rows<{ k: string }>(
          this.ds.manager,
          `SELECT license_id || '|' || threshold || '|' || recipient AS k FROM license_reminder
            WHERE license_id = ANY($1::uuid[])`,
          [due.map((d) => d.id)],
        )
      ).map((r) => r.k),
    );

    // One e-mail per (recipient, threshold); dealer e-mails per dealer account (tenancy).
    const groups = new Map<
      string,
      { mail: Omit<JobMail, 'data' | 'licenseIds' | 'dedupeKey'>; items: DueRow[] }
    >();
    const add = (
      key: string,
      to: Recipient,
      threshold: ReminderThreshold,
      r: DueRow,
      recipientKind: 'dealer' | 'customer',
    ) => {
      if (sent.has(`${r.id}|${threshold}|${to.key}`)) return;
      let g = groups.get(key);
      if (!g) {
        g = {
          mail: {
            kind: 'reminder',
            threshold,
            dealerId: r.dealer_id,
            customerId: recipientKind === 'customer' ? r.customer_id : null,
            recipientKind,
            to,
            template: 'license-reminder',
          },
          items: [],
        };
        groups.set(key, g);
      }
      g.items.push(r);
    };
    for (const r of due) {
      for (const to of dealers.get(r.dealer_id) ?? [])
        add(`d|${r.dealer_id}|${to.key}|${r.dealer_t}`, to, r.dealer_t, r, 'dealer');
      const c = customers.get(r.customer_id);
      if (c && r.customer_t)
        add(`c|${r.customer_id}|${c.key}|${r.customer_t}`, c, r.customer_t, r, 'customer');
    }

    let reminders = 0;
    let mails = 0;
    const all = [...groups.values()];
    for (let i = 0; i < all.length; i += GROUPS_PER_TX) {
      const chunk = all.slice(i, i + GROUPS_PER_TX).map((g) => ({ ...g, nid: randomUUID() }));
      const r = await this.ds.transaction(async (em) => {
        // Claim (license, threshold, recipient); keys already there were sent before.
        const claimed = await rows<{ license_id: string; notification_id: string }>(
          em,
          `INSERT INTO license_reminder (license_id, threshold, recipient, notification_id, created_at)
           SELECT * , $5::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[])
           ON CONFLICT DO NOTHING RETURNING license_id, notification_id`,
          [
            chunk.flatMap((g) => g.items.map((it) => it.id)),
            chunk.flatMap((g) => g.items.map(() => g.mail.threshold)),
            chunk.flatMap((g) => g.items.map(() => g.mail.to.key)),
            chunk.flatMap((g) => g.items.map(() => g.nid)),
            now,
          ],
        );
        const got = new Set(claimed.map((c) => `${c.notification_id}|${c.license_id}`));
        const mailsToSend: JobMail[] = [];
        for (const g of chunk) {
          const items = g.items.filter((it) => got.has(`${g.nid}|${it.id}`));
          if (!items.length) continue;
          const forDealer = g.mail.recipientKind === 'dealer';
          mailsToSend.push({
            ...g.mail,
            notificationId: g.nid,
            licenseIds: items.map((it) => it.id),
            dedupeKey: `reminder:${g.mail.threshold}:${g.mail.to.key}:${g.nid}`,
            data: {
              forDealer,
              threshold: g.mail.threshold,
              within24h: g.mail.threshold === '24h',
              thresholdDays: g.mail.threshold === '24h' ? null : parseInt(g.mail.threshold!, 10),
              customerName: items[0].customer_name,
              count: items.length,
              renewalCount: items.filter((it) => it.renewal).length,
              items: items.map((it) => ({
                customerName: it.customer_name,
                camera: it.camera_label,
                skuCode: it.sku_code,
                endsAt: it.ends_at.toISOString(),
                renewal: it.renewal === true,
                lapses: it.renewal === false,
                unbound: it.renewal === null,
              })),
            },
          });
        }
        const sent = await this.outbox.queue(em, mailsToSend);
        return { reminders: claimed.length, mails: sent };
      });
      reminders += r.reminders;
      mails += r.mails;
    }
    return { licenses: due.length, reminders, mails };
  }
}
