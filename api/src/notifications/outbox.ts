import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationKind, ReminderThreshold } from '@lc/shared';
import { AppConfig } from '../common/config/config.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { MailService } from '../common/mail/mail.service.js';
import type { MailLanguage, Rendered } from '../common/mail/templates.js';

/** One address that receives a job's e-mails, in its language and time zone. */
export interface Recipient {
  key: string; // lower-case address
  address: string;
  language: MailLanguage;
  timeZone: string;
}

/** One e-mail a job sends, and what the Notifications page records about it. */
export interface JobMail {
  kind: NotificationKind;
  threshold: ReminderThreshold | null;
  dealerId: string;
  customerId: string | null;
  recipientKind: 'dealer' | 'customer';
  to: Recipient;
  template: string;
  data: Record<string, unknown>;
  licenseIds: string[];
  dedupeKey: string;
  /** Preset id of the notification row (reminders claim their rows with it first). */
  notificationId?: string;
}

/**
 * Queues many job e-mails at once inside the caller's transaction: renders each with the
 * shared templates, then two bulk statements (outbox with dedupe keys, notification with the
 * licenses listed) instead of two per e-mail.
 */
@Injectable()
export class JobOutbox {
  constructor(
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async queue(em: EntityManager, mails: JobMail[]): Promise<number> {
    if (!mails.length) return 0;
    const now = this.clock.now();
    const ids: string[] = [];
    const cols: unknown[][] = [[], [], [], [], [], [], [], [], []];
    // Mails that share one data object (a dealer's recipients) are rendered once per template,
    // language and zone, and their data serialised once.
    const done = new Map<Record<string, unknown>, Map<string, { json: string; r: Rendered }>>();
    for (const m of mails) {
      let byLang = done.get(m.data);
      if (!byLang) done.set(m.data, (byLang = new Map()));
      const k = `${m.template}|${m.to.language}|${m.to.timeZone}`;
      let x = byLang.get(k);
      if (!x) {
        const data = { appUrl: this.config.publicUrl, ...m.data };
        const r = this.mail.renderer.render(m.template, m.to.language, m.to.timeZone, data);
        const prev = byLang.values().next().value;
        x = { json: prev?.json ?? JSON.stringify(data), r };
        byLang.set(k, x);
      }
      const id = randomUUID();
      ids.push(id);
      [
        id,
        m.to.address,
        m.template,
        m.to.language,
        x.json,
        x.r.subject,
        x.r.text,
        x.r.html,
        m.to.timeZone,
      ].forEach((v, i) => cols[i].push(v));
    }
    const inserted = await rows<{ id: string }>(
      em,
      `INSERT INTO mail_outbox (id, to_address, template, language, data, subject, text_body, html_body,
                                time_zone, next_attempt_at, created_at, dedupe_key)
       SELECT id, to_address, template, language, data::jsonb, subject, text_body, html_body, time_zone, $11, $11, dedupe_key
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[])
              AS m(id, to_address, template, language, data, subject, text_body, html_body, time_zone, dedupe_key)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [...cols, mails.map((m) => m.dedupeKey), now],
    );
    const ok = new Set(inserted.map((i) => i.id));
    const sent = mails.map((m, i) => ({ m, mailId: ids[i], nid: m.notificationId ?? randomUUID() }));
    const kept = sent.filter((s) => ok.has(s.mailId));
    if (!kept.length) return 0;
    await em.query(
      `INSERT INTO notification (id, kind, threshold, dealer_id, customer_id, recipient_kind, to_address, language,
                                 time_zone, mail_id, license_count, license_ids, created_at)
       SELECT id, kind, threshold, dealer_id, customer_id, recipient_kind, to_address, language, time_zone, mail_id,
              license_count, string_to_array(license_ids, ',')::uuid[], $13::timestamptz
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::uuid[], $11::int[], $12::text[])
              AS x(id, kind, threshold, dealer_id, customer_id, recipient_kind, to_address, language, time_zone,
                   mail_id, license_count, license_ids)`,
      [
        kept.map((s) => s.nid),
        kept.map((s) => s.m.kind),
        kept.map((s) => s.m.threshold),
        kept.map((s) => s.m.dealerId),
        kept.map((s) => s.m.customerId),
        kept.map((s) => s.m.recipientKind),
        kept.map((s) => s.m.to.address),
        kept.map((s) => s.m.to.language),
        kept.map((s) => s.m.to.timeZone),
        kept.map((s) => s.mailId),
        kept.map((s) => s.m.licenseIds.length),
        kept.map((s) => s.m.licenseIds.join(',')),
        now,
      ],
    );
    return kept.length;
  }
}

/**
 * The recipients of the dealers whose id is `idCondition` (e.g. `= ANY($1::uuid[])`): columns
 * dealer_id, email, language, time_zone (see dealerRecipients).
 */
export const dealerRecipientsSql = (idCondition: string) => `
  SELECT DISTINCT ON (x.dealer_id, lower(x.email)) x.dealer_id, x.email, x.language, x.time_zone
    FROM (
      SELECT u.dealer_id, u.email, u.language, u.time_zone, 0 AS pri
        FROM app_user u
       WHERE u.role = 'dealer' AND u.dealer_id ${idCondition} AND u.active AND u.license_reminders
      UNION ALL
      SELECT d.id, d.notification_email, COALESCE(mu.language, ow.language, 'ja'),
             COALESCE(mu.time_zone, ow.time_zone, 'Asia/Tokyo'), 1
        FROM dealer d
        LEFT JOIN app_user mu ON mu.role = 'dealer' AND mu.dealer_id = d.id
                             AND lower(mu.email) = lower(d.notification_email)
        LEFT JOIN LATERAL (
          SELECT o.language, o.time_zone FROM app_user o
           WHERE o.dealer_id = d.id AND o.member_role = 'owner' ORDER BY o.active DESC, o.created_at LIMIT 1
        ) ow ON true
       WHERE d.id ${idCondition}
    ) x
   ORDER BY x.dealer_id, lower(x.email), x.pri`;

/**
 * The dealer's recipients (SPEC §4): its notification e-mail (in the language and zone of the
 * member with that address, else the owner's) and every active member who opted in; an
 * address that is both is one recipient.
 */
export async function dealerRecipients(
  em: EntityManager,
  dealerIds: string[],
): Promise<Map<string, Recipient[]>> {
  const r = await rows<{ dealer_id: string; email: string; language: MailLanguage; time_zone: string }>(
    em,
    dealerRecipientsSql('= ANY($1::uuid[])'),
    [dealerIds],
  );
  const out = new Map<string, Recipient[]>();
  for (const x of r) {
    const list = out.get(x.dealer_id) ?? [];
    list.push({ key: x.email.toLowerCase(), address: x.email, language: x.language, timeZone: x.time_zone });
    out.set(x.dealer_id, list);
  }
  return out;
}

/** The contract holder of each active customer. */
export async function customerRecipients(
  em: EntityManager,
  customerIds: string[],
): Promise<Map<string, Recipient>> {
  const r = await rows<{ customer_id: string; email: string; language: MailLanguage; time_zone: string }>(
    em,
    `SELECT u.customer_id, u.email, u.language, u.time_zone
       FROM app_user u JOIN customer c ON c.id = u.customer_id
      WHERE u.role = 'customer' AND u.customer_id = ANY($1::uuid[]) AND u.active AND c.deactivated_at IS NULL`,
    [customerIds],
  );
  return new Map(
    r.map((x) => [
      x.customer_id,
      {
        key: x.email.toLowerCase(),
        address: x.email,
        language: x.language,
        timeZone: x.time_zone || 'Asia/Tokyo',
      },
    ]),
  );
}

/** How a camera is named in e-mails: its name, else device name or serial and channel. */
export const CAMERA_LABEL_SQL = `COALESCE(cam.name, COALESCE(dev.name, dev.serial) || ' / CH' || cam.channel)`;
