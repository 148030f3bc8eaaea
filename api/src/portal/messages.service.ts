import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Language, MessageCategory, Page, PortalMessageView } from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import type { AuthUser } from '../common/auth/decorators.js';
import { refuseInProxy } from '../accounts/actor.js';

interface Row {
  id: string;
  category: MessageCategory;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

const MAINTENANCE_TITLE: Record<Language, Record<string, string>> = {
  en: { firmware_update: 'Firmware update reserved', restart: 'Restart' },
  ja: { firmware_update: 'ファームウェア更新予約', restart: '再起動' },
};

const view = (r: Row, lang: Language): PortalMessageView => {
  if (r.category === 'maintenance') {
    const d = r.data as { deviceName?: string; dealerName?: string };
    r = {
      ...r,
      title: `${MAINTENANCE_TITLE[lang][r.kind] ?? r.kind}: ${d.deviceName ?? ''}`,
      body:
        lang === 'ja'
          ? `保守契約の販売店（${d.dealerName ?? ''}）がリモート保守で実施しました。`
          : `Done by your maintaining dealer (${d.dealerName ?? ''}) through remote maintenance.`,
    };
  }
  return {
    id: r.id,
    category: r.category,
    kind: r.kind,
    title: r.title,
    body: r.body,
    data: r.data,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  };
};

/**
 * Every message a user may read, one row shape, from three sources (seed 001 §5.7, §5.8.2):
 * notices about the customer's account (`portal_message`, contract holder only), operator
 * announcements for the user's audience once published, and the maintenance history (firmware
 * updates and restarts the maintaining dealer ran through a maintenance link). $1 = user id,
 * $2 = now. Read marks: `portal_message.read_at`, else `message_read` per user.
 */
const MESSAGES = `
  WITH me AS (SELECT id, role, customer_id, language FROM app_user WHERE id = $1)
  SELECT m.id, 'notice' AS category, m.kind, m.title, m.body, m.data, m.created_at, m.read_at
    FROM portal_message m JOIN me ON me.role = 'customer' AND m.customer_id = me.customer_id
  UNION ALL
  SELECT a.id, 'announcement', 'announcement',
         CASE WHEN me.language = 'ja' THEN a.title_ja ELSE a.title_en END,
         CASE WHEN me.language = 'ja' THEN a.body_ja ELSE a.body_en END,
         jsonb_build_object('audience', a.audience), a.publish_at, r.read_at
    FROM announcement a CROSS JOIN me
    LEFT JOIN message_read r ON r.user_id = me.id AND r.message_id = a.id
   WHERE a.publish_at <= $2
     AND (a.audience = 'all'
          OR (a.audience = 'customers' AND me.role IN ('customer', 'shared_user'))
          OR (a.audience = 'dealers' AND me.role = 'dealer'))
  UNION ALL
  SELECT k.id, 'maintenance', k.kind, '', '',
         jsonb_build_object('deviceId', d.id, 'deviceName', COALESCE(d.name, d.serial),
                            'dealerName', dl.company_name, 'notBefore', k.not_before, 'status', k.status),
         k.created_at, r.read_at
    FROM me JOIN device d ON me.role = 'customer' AND d.customer_id = me.customer_id
    JOIN device_command k ON k.device_id = d.id AND k.kind IN ('firmware_update', 'restart')
    JOIN app_user u ON u.id = k.created_by_user_id AND u.role = 'dealer'
    JOIN dealer dl ON dl.id = u.dealer_id
    LEFT JOIN message_read r ON r.user_id = me.id AND r.message_id = k.id`;

/** Messages of the portal and console: written in the transaction of the event, read newest first. */
@Injectable()
export class PortalMessages {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async post(
    em: EntityManager,
    m: { customerId: string; kind: string; title: string; body: string; data?: Record<string, unknown> },
  ): Promise<string> {
    const [r] = await rows<{ id: string }>(
      em,
      `INSERT INTO portal_message (customer_id, kind, title, body, data, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [m.customerId, m.kind, m.title, m.body, JSON.stringify(m.data ?? {}), this.clock.now()],
    );
    return r.id;
  }

  /** The caller's messages newest first, with the unread count (of the category, when given). */
  async list(
    actor: AuthUser,
    page: number,
    pageSize: number,
    category?: MessageCategory,
  ): Promise<Page<PortalMessageView> & { unread: number }> {
    if (actor.role === 'operator')
      throw AppError.forbidden('Operators write announcements; they have no messages');
    const now = this.clock.now();
    const [me] = await rows<{ language: Language }>(
      this.ds.manager,
      `SELECT language FROM app_user WHERE id = $1`,
      [actor.id],
    );
    const items = await rows<Row>(
      this.ds.manager,
      `SELECT * FROM (${MESSAGES}) x WHERE ($3::text IS NULL OR category = $3)
        ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5`,
      [actor.id, now, category ?? null, pageSize, (page - 1) * pageSize],
    );
    const [c] = await rows<{ total: number; unread: number }>(
      this.ds.manager,
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
         FROM (${MESSAGES}) x WHERE ($3::text IS NULL OR category = $3)`,
      [actor.id, now, category ?? null],
    );
    const lang = me?.language ?? 'ja';
    return { items: items.map((r) => view(r, lang)), total: c.total, unread: c.unread, page, pageSize };
  }

  /** The user marks a message read; not from a proxy session (the notice must stay unread). */
  async markRead(actor: AuthUser, id: string): Promise<void> {
    refuseInProxy(actor, 'Marking messages read');
    const now = this.clock.now();
    await this.ds.transaction(async (em) => {
      if (actor.role === 'customer') {
        const r = await rows<{ id: string }>(
          em,
          `UPDATE portal_message SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND customer_id = $2 RETURNING id`,
          [id, actor.customerId, now],
        );
        if (r.length) return;
      }
      // Announcements and maintenance entries: only one the user can see.
      const r = await rows<{ id: string }>(
        em,
        `INSERT INTO message_read (user_id, message_id, read_at)
         SELECT $1, x.id, $2 FROM (${MESSAGES}) x WHERE x.id = $3 AND x.category <> 'notice'
         ON CONFLICT (user_id, message_id) DO NOTHING RETURNING message_id`,
        [actor.id, now, id],
      );
      if (!r.length) {
        const [seen] = await rows<{ n: number }>(
          em,
          `SELECT count(*)::int AS n FROM message_read WHERE user_id = $1 AND message_id = $2`,
          [actor.id, id],
        );
        if (!seen.n) throw AppError.notFound('Message');
      }
    });
  }
}
