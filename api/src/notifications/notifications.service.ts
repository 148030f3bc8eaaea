import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PAGE_SIZE_DEFAULT, type NotificationSettings, type NotificationView, type Page } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import type { NotificationQueryDto } from './notifications.dto.js';

interface Row {
  id: string;
  kind: NotificationView['kind'];
  threshold: NotificationView['threshold'];
  recipient_kind: 'dealer' | 'customer';
  to_address: string;
  language: 'ja' | 'en';
  customer_id: string | null;
  customer_name: string | null;
  created_at: Date;
  status: NotificationView['status'];
  sent_at: Date | null;
  license_count: number;
  licenses: Array<{
    licenseId: string;
    skuCode: string;
    customerId: string;
    customerName: string;
    cameraId: string | null;
    cameraName: string | null;
    endsAt: string;
  }>;
}

export const NOTIFICATIONS_CSV_HEADER = [
  'sentAt',
  'kind',
  'threshold',
  'recipient',
  'to',
  'language',
  'status',
  'licenseId',
  'skuCode',
  'customer',
  'camera',
  'endsAt',
] as const;

/** The e-mails the jobs sent about a dealer's licenses; tenancy is in every query. */
@Injectable()
export class NotificationsService {
  constructor(private readonly ds: DataSource) {}

  private where(dealerId: string, q: NotificationQueryDto): { where: string; params: unknown[] } {
    const params: unknown[] = [dealerId];
    const parts = ['n.dealer_id = $1'];
    if (q.kind) parts.push(`n.kind = $${params.push(q.kind)}`);
    if (q.from) parts.push(`n.created_at >= $${params.push(new Date(q.from))}`);
    if (q.to) parts.push(`n.created_at < $${params.push(new Date(q.to))}`);
    return { where: `WHERE ${parts.join(' AND ')}`, params };
  }

  private select(where: string, params: unknown[], tail: string): Promise<Row[]> {
    return rows<Row>(
      this.ds.manager,
      `SELECT n.id, n.kind, n.threshold, n.recipient_kind, n.to_address, n.language, n.customer_id,
              cu.name AS customer_name, n.created_at, m.status, m.sent_at, n.license_count,
              COALESCE((
                SELECT json_agg(json_build_object(
                         'licenseId', l.id, 'skuCode', s.code, 'customerId', l.customer_id, 'customerName', lc.name,
                         'cameraId', cam.id,
                         'cameraName', COALESCE(cam.name, COALESCE(dev.name, dev.serial) || ' / CH' || cam.channel),
                         'endsAt', l.ends_at) ORDER BY lc.name, l.ends_at, l.id)
                  FROM unnest(n.license_ids) AS nl(license_id)
                  JOIN license l ON l.id = nl.license_id
                  JOIN sku s ON s.id = l.sku_id
                  JOIN customer lc ON lc.id = l.customer_id
                  LEFT JOIN camera cam ON cam.id = l.camera_id -- expired licenses keep their camera
                  LEFT JOIN device dev ON dev.id = cam.device_id
               ), '[]') AS licenses
         FROM notification n
         LEFT JOIN customer cu ON cu.id = n.customer_id
         LEFT JOIN mail_outbox m ON m.id = n.mail_id
         ${where}
        ORDER BY n.created_at DESC, n.id ${tail}`,
      params,
    );
  }

  private dealerOf(user: AuthUser): string {
    if (!user.dealerId) throw AppError.forbidden('Dealers only');
    return user.dealerId;
  }

  async list(user: AuthUser, q: NotificationQueryDto): Promise<Page<NotificationView>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? PAGE_SIZE_DEFAULT;
    const { where, params } = this.where(this.dealerOf(user), q);
    const [{ total }] = await rows<{ total: number }>(
      this.ds.manager,
      `SELECT count(*)::int AS total FROM notification n ${where}`,
      params,
    );
    const items = await this.select(where, params, `LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
    return { items: items.map(view), total, page, pageSize };
  }

  /** One CSV line per (e-mail, license). */
  async exportRows(user: AuthUser, q: NotificationQueryDto): Promise<unknown[][]> {
    const { where, params } = this.where(this.dealerOf(user), q);
    const items = await this.select(where, params, 'LIMIT 20000');
    return items.flatMap((n) =>
      n.licenses.map((l) => [
        n.created_at,
        n.kind,
        n.threshold,
        n.recipient_kind,
        n.to_address,
        n.language,
        n.status,
        l.licenseId,
        l.skuCode,
        l.customerName,
        l.cameraName,
        l.endsAt,
      ]),
    );
  }

  async settings(user: AuthUser): Promise<NotificationSettings> {
    const [u] = await rows<{ license_reminders: boolean }>(
      this.ds.manager,
      `SELECT license_reminders FROM app_user WHERE id = $1 AND role = 'dealer'`,
      [user.id],
    );
    if (!u) throw AppError.notFound('Member');
    return { licenseReminders: u.license_reminders };
  }

  /** A member's own opt-in; inside a proxy session nobody reaches this (dealer role only). */
  async updateSettings(user: AuthUser, s: NotificationSettings): Promise<NotificationSettings> {
    const [u] = await rows<{ license_reminders: boolean }>(
      this.ds.manager,
      `UPDATE app_user SET license_reminders = $2 WHERE id = $1 AND role = 'dealer' RETURNING license_reminders`,
      [user.id, s.licenseReminders],
    );
    if (!u) throw AppError.notFound('Member');
    return { licenseReminders: u.license_reminders };
  }
}

function view(n: Row): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    threshold: n.threshold,
    recipientKind: n.recipient_kind,
    to: n.to_address,
    language: n.language,
    customerId: n.customer_id,
    customerName: n.customer_name,
    createdAt: n.created_at.toISOString(),
    status: n.status,
    sentAt: n.sent_at ? n.sent_at.toISOString() : null,
    licenseCount: n.license_count,
    licenses: n.licenses.map((l) => ({ ...l, endsAt: new Date(l.endsAt).toISOString() })),
  };
}
