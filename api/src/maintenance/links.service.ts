import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  MAINTENANCE_LINK_FAILURES,
  phoneDigits,
  samePhone,
  type MaintenanceLinkView,
} from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { MailService } from '../common/mail/mail.service.js';
import { refuseInProxy } from '../accounts/actor.js';
import type { CreateMaintenanceLinkDto } from './dto/maintenance.dto.js';
import { linkCovers, maintenanceRecipients } from './recipients.js';

interface LinkRow {
  id: string;
  customer_id: string;
  dealer_id: string;
  all_devices: boolean;
  created_at: Date;
  login_id: string;
  company_name: string;
}

type Attempt =
  { kind: 'limited'; retryAt: Date } | { kind: 'mismatch' } | { kind: 'ok'; link: MaintenanceLinkView };

/** Advisory lock namespace for a customer's link attempts (serialises the failure count). */
const LINK_LOCK = 727_300;

/**
 * A customer links its devices to a maintaining dealer (seed 004 §1-1, §1-3): the dealer's login
 * ID and phone must both match; failures are counted per customer and rate-limited.
 */
@Injectable()
export class LinksService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  async list(customerId: string): Promise<MaintenanceLinkView[]> {
    const links = await rows<LinkRow>(
      this.ds.manager,
      `SELECT l.*, dl.login_id, dl.company_name FROM maintenance_link l JOIN dealer dl ON dl.id = l.dealer_id
        WHERE l.customer_id = $1 AND l.removed_at IS NULL ORDER BY l.created_at, l.id`,
      [customerId],
    );
    const out: MaintenanceLinkView[] = [];
    for (const l of links) out.push(this.view(l, await this.deviceIds(this.ds.manager, l)));
    return out;
  }

  async create(
    user: AuthUser,
    dto: CreateMaintenanceLinkDto,
    ip: string | null,
  ): Promise<MaintenanceLinkView> {
    refuseInProxy(user, 'Linking devices to a maintaining dealer');
    if (!phoneDigits(dto.dealerPhone)) throw AppError.validation('dealerPhone', 'must contain digits');
    const customerId = user.customerId!;
    const outcome = await this.ds.transaction(async (em): Promise<Attempt> => {
      await em.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [LINK_LOCK, customerId]);
      const now = this.clock.now();
      const windowStart = new Date(now.getTime() - MAINTENANCE_LINK_FAILURES.windowMinutes * 60_000);
      const [f] = await rows<{ n: number; oldest: Date | null }>(
        em,
        `SELECT count(*)::int AS n, min(at) AS oldest FROM maintenance_link_failure
          WHERE customer_id = $1 AND at > $2`,
        [customerId, windowStart],
      );
      if (f.n >= MAINTENANCE_LINK_FAILURES.max) {
        return {
          kind: 'limited',
          retryAt: new Date(f.oldest!.getTime() + MAINTENANCE_LINK_FAILURES.windowMinutes * 60_000),
        };
      }
      const [dealer] = await rows<{
        id: string;
        login_id: string;
        company_name: string;
        phone: string | null;
      }>(em, `SELECT id, login_id, company_name, phone FROM dealer WHERE login_id = $1`, [dto.dealerLoginId]);
      if (!dealer || !samePhone(dealer.phone, dto.dealerPhone)) {
        await em.query(`INSERT INTO maintenance_link_failure (customer_id, at) VALUES ($1, $2)`, [
          customerId,
          now,
        ]);
        await this.audit.record(
          em,
          user,
          { action: 'maintenance.link_refused', targetType: 'customer', targetId: customerId, customerId },
          ip,
        );
        return { kind: 'mismatch' };
      }
      return { kind: 'ok', link: await this.link(em, user, customerId, dealer, dto.deviceIds, ip) };
    });
    if (outcome.kind === 'limited') {
      throw new AppError(
        429,
        ErrorCode.MAINTENANCE_LINK_RATE_LIMITED,
        `dealerLoginId: too many failed attempts; try again after ${outcome.retryAt.toISOString()}`,
        { retryAt: outcome.retryAt.toISOString() },
      );
    }
    if (outcome.kind === 'mismatch') {
      // One answer for both fields: which one was wrong is not revealed.
      throw AppError.badRequest(
        ErrorCode.MAINTENANCE_DEALER_MISMATCH,
        'dealerLoginId, dealerPhone: no dealer has this login ID and phone number',
        { field: 'dealerLoginId' },
      );
    }
    return outcome.link;
  }

  /** Creates the link (or adds devices to the live link with the same dealer), audits, e-mails. */
  private async link(
    em: EntityManager,
    user: AuthUser,
    customerId: string,
    dealer: { id: string; login_id: string; company_name: string },
    deviceIds: string[] | undefined,
    ip: string | null,
  ): Promise<MaintenanceLinkView> {
    const now = this.clock.now();
    if (deviceIds) {
      const found = await rows<{ id: string }>(
        em,
        `SELECT id FROM device WHERE customer_id = $1 AND deleted_at IS NULL AND id = ANY($2::uuid[])`,
        [customerId, deviceIds],
      );
      const ok = new Set(found.map((d) => d.id));
      const missing = deviceIds.find((id) => !ok.has(id.toLowerCase()));
      if (missing) throw AppError.validation('deviceIds', `device ${missing} is not one of your devices`);
    }
    const [l] = await rows<LinkRow & { inserted: boolean }>(
      em,
      `INSERT INTO maintenance_link (customer_id, dealer_id, all_devices, created_at, created_by_user_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $4)
       ON CONFLICT (customer_id, dealer_id) WHERE removed_at IS NULL
       DO UPDATE SET all_devices = maintenance_link.all_devices OR EXCLUDED.all_devices, updated_at = EXCLUDED.updated_at
       RETURNING *, (xmax = 0) AS inserted`,
      [customerId, dealer.id, deviceIds === undefined, now, user.actingUserId ?? user.id],
    );
    if (deviceIds) {
      await em.query(
        `INSERT INTO maintenance_link_device (link_id, device_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [l.id, deviceIds],
      );
    }
    const row = { ...l, login_id: dealer.login_id, company_name: dealer.company_name };
    const ids = await this.deviceIds(em, row);
    await this.audit.record(
      em,
      user,
      {
        action: 'maintenance.linked',
        targetType: 'maintenance_link',
        targetId: l.id,
        dealerId: dealer.id,
        customerId,
        after: {
          dealerLoginId: dealer.login_id,
          allDevices: l.all_devices,
          deviceIds: ids,
          added: deviceIds ?? 'all',
        },
      },
      ip,
    );
    await this.notify(em, 'maintenance-linked', row, ids);
    return this.view(row, ids);
  }

  /** The customer (or a proxy session, audited with the real actor) ends a link. */
  async remove(user: AuthUser, linkId: string, ip: string | null): Promise<void> {
    const customerId = user.customerId!;
    await this.ds.transaction(async (em) => {
      const now = this.clock.now();
      const [l] = await rows<LinkRow>(
        em,
        `UPDATE maintenance_link SET removed_at = $3, removed_by_user_id = $4, updated_at = $3
          WHERE id = $1 AND customer_id = $2 AND removed_at IS NULL RETURNING *`,
        [linkId, customerId, now, user.actingUserId ?? user.id],
      );
      if (!l) throw AppError.notFound('Maintenance link');
      const [dl] = await rows<{ login_id: string; company_name: string }>(
        em,
        `SELECT login_id, company_name FROM dealer WHERE id = $1`,
        [l.dealer_id],
      );
      const row = { ...l, ...dl };
      const ids = await this.deviceIds(em, row);
      // Open anomaly incidents of this dealer for the customer end without a recovery e-mail.
      await em.query(
        `UPDATE maintenance_incident SET closed_at = $3, close_reason = 'unlinked'
          WHERE dealer_id = $1 AND customer_id = $2 AND closed_at IS NULL`,
        [l.dealer_id, customerId, now],
      );
      await this.audit.record(
        em,
        user,
        {
          action: 'maintenance.unlinked',
          targetType: 'maintenance_link',
          targetId: l.id,
          dealerId: l.dealer_id,
          customerId,
          before: { dealerLoginId: dl.login_id, allDevices: l.all_devices, deviceIds: ids },
        },
        ip,
      );
      await this.notify(em, 'maintenance-unlinked', row, ids);
    });
  }

  /** The live devices a link covers (also right after it was removed, for the e-mail). */
  private async deviceIds(em: EntityManager, l: LinkRow): Promise<string[]> {
    const r = await rows<{ id: string }>(
      em,
      `SELECT d.id FROM device d JOIN maintenance_link l ON l.id = $2
        WHERE d.customer_id = $1 AND d.deleted_at IS NULL AND ${linkCovers('l', 'd')}
        ORDER BY d.created_at, d.id`,
      [l.customer_id, l.id],
    );
    return r.map((d) => d.id);
  }

  private view(l: LinkRow, deviceIds: string[]): MaintenanceLinkView {
    return {
      id: l.id,
      dealerLoginId: l.login_id,
      dealerCompanyName: l.company_name,
      allDevices: l.all_devices,
      deviceIds,
      createdAt: l.created_at.toISOString(),
    };
  }

  /** Link / unlink e-mail to the dealer's maintenance contacts (notification e-mail if none). */
  private async notify(em: EntityManager, template: string, l: LinkRow, deviceIds: string[]): Promise<void> {
    const to = (await maintenanceRecipients(em, [l.dealer_id])).get(l.dealer_id);
    if (!to) return;
    const [c] = await rows<{ name: string }>(em, `SELECT name FROM customer WHERE id = $1`, [l.customer_id]);
    const devices = await rows<{ name: string | null; serial: string; type: string }>(
      em,
      `SELECT name, serial, type FROM device WHERE id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [deviceIds],
    );
    for (const address of to.emails) {
      await this.mail.enqueue(em, {
        to: address,
        template,
        language: to.language,
        timeZone: to.timeZone,
        data: {
          companyName: to.companyName,
          loginId: to.loginId,
          customerName: c?.name ?? '',
          allDevices: l.all_devices,
          devices: devices.map((d) => ({ name: d.name ?? d.serial, serial: d.serial, type: d.type })),
          at: this.clock.now().toISOString(),
        },
      });
    }
  }
}

/** Customer deactivation: every active maintenance link of the customer is removed (caller's transaction). */
export async function removeLinksOfCustomer(
  em: EntityManager,
  customerId: string,
  byUserId: string,
  now: Date,
): Promise<void> {
  await em.query(
    `UPDATE maintenance_link SET removed_at = $2, removed_by_user_id = $3, updated_at = $2
      WHERE customer_id = $1 AND removed_at IS NULL`,
    [customerId, now, byUserId],
  );
}
