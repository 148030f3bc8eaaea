import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { rows } from '../common/database/database.js';
import { CAMERA_LABEL_SQL, customerRecipients, dealerRecipients, JobOutbox, type JobMail } from './outbox.js';

interface NoticeRow {
  id: string;
  kind: 'lapse' | 'auto_assign';
  license_id: string;
  customer_id: string;
  customer_name: string;
  dealer_id: string;
  at: Date;
  camera_label: string;
  sku_code: string;
  ends_at: Date;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Customers (or dealers) whose pending notices one transaction mails. */
const BATCH = 500;

/**
 * Mails the lapse and auto-assignment notices the expiry sweep recorded (SPEC §4): one e-mail
 * per customer and kind to the customer, and one per dealer, kind and recipient to the dealer.
 * Each side claims its pending notices with row locks (SKIP LOCKED) and marks them mailed in
 * the same transaction that queues the e-mails, so every notice is mailed once per side.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: JobOutbox,
  ) {}

  async mailPending(now: Date): Promise<{ noticeMails: number }> {
    let noticeMails = 0;
    noticeMails += await this.side('customer', now);
    noticeMails += await this.side('dealer', now);
    return { noticeMails };
  }

  private async side(side: 'customer' | 'dealer', now: Date): Promise<number> {
    const col = side === 'customer' ? 'customer_mailed_at' : 'dealer_mailed_at';
    const by = side === 'customer' ? 'customer_id' : 'dealer_id';
    let mails = 0;
    for (let guard = 0; guard < 100_000; guard++) {
      const n = await this.ds.transaction(async (em) => {
        const owners = await rows<{ id: string }>(
          em,
          `SELECT DISTINCT ${by} AS id FROM license_notice WHERE ${col} IS NULL ORDER BY 1 LIMIT ${BATCH}`,
        );
        if (!owners.length) return null;
        const claimed = await rows<{ id: string }>(
          em,
          // The UPDATE locks what it claims; a concurrent claimer waits, re-checks and skips them.
          `UPDATE license_notice SET ${col} = $2 WHERE ${by} = ANY($1::uuid[]) AND ${col} IS NULL RETURNING id`,
          [owners.map((o) => o.id), now],
        );
        if (!claimed.length) return 0;
        const notices = await this.load(
          em,
          claimed.map((c) => c.id),
        );
        return this.outbox.queue(em, await this.build(em, side, notices));
      });
      if (n === null) break;
      mails += n;
    }
    return mails;
  }

  private load(em: EntityManager, ids: string[]): Promise<NoticeRow[]> {
    return rows<NoticeRow>(
      em,
      `SELECT n.id, n.kind, n.license_id, n.customer_id, cu.name AS customer_name, n.dealer_id, n.at,
              ${CAMERA_LABEL_SQL} AS camera_label, s.code AS sku_code, l.ends_at
         FROM license_notice n
         JOIN license l ON l.id = n.license_id
         JOIN sku s ON s.id = l.sku_id
         JOIN customer cu ON cu.id = n.customer_id
         JOIN camera cam ON cam.id = n.camera_id
         JOIN device dev ON dev.id = cam.device_id
        WHERE n.id = ANY($1::bigint[])`,
      [ids],
    ).then((r) =>
      // Customers by name, their cameras by label (sorted here: cheaper than in SQL).
      r.sort(
        (a, b) =>
          cmp(a.customer_name, b.customer_name) ||
          cmp(a.customer_id, b.customer_id) ||
          cmp(a.camera_label, b.camera_label) ||
          Number(a.id) - Number(b.id),
      ),
    );
  }

  private async build(
    em: EntityManager,
    side: 'customer' | 'dealer',
    notices: NoticeRow[],
  ): Promise<JobMail[]> {
    const groups = new Map<string, NoticeRow[]>();
    for (const n of notices) {
      const k = `${side === 'customer' ? n.customer_id : n.dealer_id}|${n.kind}`;
      const list = groups.get(k);
      if (list) list.push(n);
      else groups.set(k, [n]);
    }
    const out: JobMail[] = [];
    const item = (n: NoticeRow) => ({
      customerName: n.customer_name,
      camera: n.camera_label,
      skuCode: n.sku_code,
      at: n.at.toISOString(),
      endsAt: n.ends_at.toISOString(),
    });
    if (side === 'customer') {
      const who = await customerRecipients(em, [...new Set(notices.map((n) => n.customer_id))]);
      for (const list of groups.values()) {
        const to = who.get(list[0].customer_id);
        if (!to) continue;
        out.push({
          kind: list[0].kind,
          threshold: null,
          dealerId: list[0].dealer_id,
          customerId: list[0].customer_id,
          recipientKind: 'customer',
          to,
          template: list[0].kind === 'lapse' ? 'license-lapsed' : 'license-auto-assigned',
          data: {
            forDealer: false,
            customerName: list[0].customer_name,
            count: list.length,
            items: list.map(item),
          },
          licenseIds: list.map((n) => n.license_id),
          dedupeKey: `notice:${list[0].kind}:c:${list[0].id}:${to.key}`,
        });
      }
    } else {
      const who = await dealerRecipients(em, [...new Set(notices.map((n) => n.dealer_id))]);
      for (const list of groups.values()) {
        // One data object per group: the outbox renders it once per language and zone.
        const data = { forDealer: true, count: list.length, items: list.map(item) };
        const licenseIds = list.map((n) => n.license_id);
        for (const to of who.get(list[0].dealer_id) ?? []) {
          out.push({
            kind: list[0].kind,
            threshold: null,
            dealerId: list[0].dealer_id,
            customerId: null,
            recipientKind: 'dealer',
            to,
            template: list[0].kind === 'lapse' ? 'license-lapsed' : 'license-auto-assigned',
            data,
            licenseIds,
            dedupeKey: `notice:${list[0].kind}:d:${list[0].id}:${to.key}`,
          });
        }
      }
    }
    return out;
  }
}
