import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Page, PortalMessageView } from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import type { AuthUser } from '../common/auth/decorators.js';
import { refuseInProxy } from '../accounts/actor.js';

interface Row {
  id: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

const view = (r: Row): PortalMessageView => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  data: r.data,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/** Messages of the customer portal: written in the transaction of the event, read newest first. */
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

  async list(
    actor: AuthUser,
    page: number,
    pageSize: number,
  ): Promise<Page<PortalMessageView> & { unread: number }> {
    const customerId = actor.customerId;
    if (!customerId) throw AppError.forbidden('Only customers have portal messages');
    const items = await rows<Row>(
      this.ds.manager,
      `SELECT id, kind, title, body, data, created_at, read_at FROM portal_message
        WHERE customer_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [customerId, pageSize, (page - 1) * pageSize],
    );
    const [c] = await rows<{ total: number; unread: number }>(
      this.ds.manager,
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
         FROM portal_message WHERE customer_id = $1`,
      [customerId],
    );
    return { items: items.map(view), total: c.total, unread: c.unread, page, pageSize };
  }

  /** The customer marks a message read; not from a proxy session (the notice must stay unread). */
  async markRead(actor: AuthUser, id: string): Promise<void> {
    refuseInProxy(actor, 'Marking messages read');
    const r = await rows<{ id: string }>(
      this.ds.manager,
      `UPDATE portal_message SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND customer_id = $2 RETURNING id`,
      [id, actor.customerId, this.clock.now()],
    );
    if (!r.length) throw AppError.notFound('Message');
  }
}
