import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  renewalRequestable,
  type DeviceType,
  type RenewalRequestStatus,
  type RenewalRequestView,
} from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { mapUniqueViolations } from '../common/database/unique-violation.js';
import { AppError } from '../common/errors/app-error.js';
import { MailService } from '../common/mail/mail.service.js';
import { refuseInProxy } from '../accounts/actor.js';
import { CAMERA_LABEL_SQL, dealerRecipients } from '../notifications/outbox.js';

interface Row {
  id: string;
  customer_id: string;
  customer_name: string;
  camera_id: string;
  camera_name: string;
  camera_own_name: string | null;
  camera_channel: number;
  device_name: string;
  device_type: DeviceType;
  device_id: string;
  note: string | null;
  status: RenewalRequestStatus;
  license_ends_at: Date | null;
  created_at: Date;
  created_by_name: string | null;
  handled_at: Date | null;
  handled_by_name: string | null;
}

const SELECT = `SELECT r.id, r.customer_id, c.name AS customer_name, r.camera_id, ${CAMERA_LABEL_SQL} AS camera_name,
                       cam.name AS camera_own_name, cam.channel AS camera_channel,
                       COALESCE(dev.name, dev.model || ' (' || dev.serial || ')') AS device_name, dev.type AS device_type,
                       cam.device_id, r.note, r.status, r.license_ends_at, r.created_at, cu.name AS created_by_name,
                       r.handled_at, hu.name AS handled_by_name
                  FROM renewal_request r
                  JOIN customer c ON c.id = r.customer_id
                  JOIN camera cam ON cam.id = r.camera_id
                  JOIN device dev ON dev.id = cam.device_id
                  LEFT JOIN app_user cu ON cu.id = r.created_by_user_id
                  LEFT JOIN app_user hu ON hu.id = r.handled_by_user_id`;

const alreadyRequested = () =>
  AppError.conflict(
    ErrorCode.RENEWAL_ALREADY_REQUESTED,
    'cameraId: a renewal of this camera was already requested and is waiting for the dealer',
  );

const view = (r: Row): RenewalRequestView => ({
  id: r.id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  cameraId: r.camera_id,
  cameraName: r.camera_name,
  cameraOwnName: r.camera_own_name,
  cameraChannel: r.camera_channel,
  deviceName: r.device_name,
  deviceType: r.device_type,
  deviceId: r.device_id,
  note: r.note,
  status: r.status,
  licenseEndsAt: r.license_ends_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
  createdByName: r.created_by_name,
  handledAt: r.handled_at?.toISOString() ?? null,
  handledByName: r.handled_by_name,
});

/**
 * Renewal requests (SPEC §8): a customer asks its dealer to renew one camera's license when it
 * ends within 90 days or has lapsed; the dealer sees the request on its home and Notifications
 * pages, gets an e-mail (template `renewal-requested`, in the same transaction), assigns licenses
 * and marks it handled. At most one open request per camera: the unique partial index decides
 * between two concurrent requests. Tenancy is in every query (the customer's own cameras; the
 * dealer's own customers).
 */
@Injectable()
export class RenewalRequestsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  async create(user: AuthUser, cameraId: string, note: string | undefined, ip: string | null) {
    refuseInProxy(user, 'Asking the dealer for a renewal');
    const customerId = user.customerId!;
    return mapUniqueViolations(
      () =>
        this.ds.transaction(async (em) => {
          const now = this.clock.now();
          const [cam] = await rows<{ id: string; dealer_id: string; ends_at: Date | null }>(
            em,
            `SELECT cam.id, c.dealer_id,
                  (SELECT l.ends_at FROM license l
                    WHERE l.camera_id = cam.id AND l.state = 'bound' AND l.ends_at > $3) AS ends_at
             FROM camera cam JOIN customer c ON c.id = cam.customer_id
            WHERE cam.id = $1 AND cam.customer_id = $2 AND cam.deleted_at IS NULL AND c.deactivated_at IS NULL`,
            [cameraId, customerId, now],
          );
          if (!cam) throw AppError.notFound('Camera');
          // The friendly early answer; the unique index still decides two requests at once.
          const open = await rows(
            em,
            `SELECT 1 FROM renewal_request WHERE camera_id = $1 AND status = 'open'`,
            [cam.id],
          );
          if (open.length) throw alreadyRequested();
          if (!renewalRequestable(cam.ends_at, now)) {
            throw AppError.conflict(
              ErrorCode.RENEWAL_NOT_DUE,
              `cameraId: its license ends on ${cam.ends_at!.toISOString()}, more than 90 days from now`,
              { licenseEndsAt: cam.ends_at!.toISOString() },
            );
          }
          const [{ id }] = await rows<{ id: string }>(
            em,
            `INSERT INTO renewal_request (customer_id, dealer_id, camera_id, note, status, license_ends_at,
                                        created_at, created_by_user_id)
           VALUES ($1, $2, $3, $4, 'open', $5, $6, $7) RETURNING id`,
            [customerId, cam.dealer_id, cam.id, note?.trim() || null, cam.ends_at, now, user.id],
          );
          const request = await this.one(em, id);
          await this.audit.record(
            em,
            user,
            {
              action: 'renewal.requested',
              targetType: 'camera',
              targetId: cam.id,
              customerId,
              after: { note },
            },
            ip,
          );
          await this.notifyDealer(em, cam.dealer_id, request);
          return request;
        }),
      { renewal_request_open_key: alreadyRequested },
    );
  }

  /** The customer's own requests, or the dealer's customers' requests (newest first). */
  async list(user: AuthUser, status?: RenewalRequestStatus): Promise<RenewalRequestView[]> {
    const params: unknown[] = [];
    const where =
      user.role === 'customer'
        ? [`r.customer_id = $${params.push(user.customerId)}`]
        : [
            `r.dealer_id = $${params.push(user.dealerId)}`,
            'c.deactivated_at IS NULL',
            `(r.status = 'handled' OR cam.deleted_at IS NULL)`,
          ];
    if (status) where.push(`r.status = $${params.push(status)}`);
    const r = await rows<Row>(
      this.ds.manager,
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id LIMIT 200`,
      params,
    );
    return r.map(view);
  }

  /** The dealer marks a request of one of its customers handled (409 when it already is). */
  async handle(user: AuthUser, id: string, ip: string | null): Promise<RenewalRequestView> {
    return this.ds.transaction(async (em) => {
      const now = this.clock.now();
      const [r] = await rows<{ id: string; status: RenewalRequestStatus; customer_id: string }>(
        em,
        `SELECT id, status, customer_id FROM renewal_request WHERE id = $1 AND dealer_id = $2 FOR UPDATE`,
        [id, user.dealerId],
      );
      if (!r) throw AppError.notFound('Renewal request');
      if (r.status === 'handled') {
        throw AppError.conflict(ErrorCode.RENEWAL_REQUEST_HANDLED, 'id: this request was already handled');
      }
      await em.query(
        `UPDATE renewal_request SET status = 'handled', handled_at = $2, handled_by_user_id = $3 WHERE id = $1`,
        [id, now, user.id],
      );
      await this.audit.record(
        em,
        user,
        { action: 'renewal.handled', targetType: 'renewal_request', targetId: id, customerId: r.customer_id },
        ip,
      );
      return this.one(em, id);
    });
  }

  private async one(em: EntityManager, id: string): Promise<RenewalRequestView> {
    const [r] = await rows<Row>(em, `${SELECT} WHERE r.id = $1`, [id]);
    return view(r);
  }

  /** One e-mail per dealer recipient (notification e-mail and members who opted in). */
  private async notifyDealer(em: EntityManager, dealerId: string, r: RenewalRequestView): Promise<void> {
    const recipients = (await dealerRecipients(em, [dealerId])).get(dealerId) ?? [];
    for (const to of recipients) {
      await this.mail.enqueue(em, {
        to: to.address,
        template: 'renewal-requested',
        language: to.language,
        timeZone: to.timeZone,
        data: {
          requestId: r.id,
          customerId: r.customerId,
          customerName: r.customerName,
          camera: r.cameraName,
          note: r.note,
          licenseEndsAt: r.licenseEndsAt,
          lapsed: r.licenseEndsAt === null,
        },
        dedupeKey: `renewal-requested:${r.id}:${to.key}`,
      });
    }
  }
}
