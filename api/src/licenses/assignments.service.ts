import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  computeTerm,
  daysLeft,
  DEFAULT_TIME_ZONE,
  ErrorCode,
  isLicenseValid,
  overlapDays,
  type AssignmentHistoryItem,
  type AssignmentPreview,
  type AssignmentResult,
  type CustomerLicense,
  type Language,
  type LicenseKind,
  type LicenseState,
  type Page,
} from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { runIdempotent } from '../common/idempotency/idempotency.js';
import { MailService } from '../common/mail/mail.service.js';
import { BindingService } from './binding.service.js';
import { customerContact } from './contacts.js';
import type { AssignLicensesDto, AssignmentQueryDto } from './dto/assignment.dto.js';
import { skuByCode } from './skus.service.js';
import { assignmentHistory, assignmentHistoryCsv } from './assignment-history.js';
import { StockPrecheck } from './assignment-precheck.js';
import { StockService } from './stock.service.js';
import { licensesAssignedEvent } from '../integrations/events.js';
import { validAt } from './validity.js';

interface CustomerRow {
  id: string;
  name: string;
  deactivated_at: Date | null;
}

interface AssignmentRow {
  id: string;
  customer_id: string;
  sku_code: string;
  quantity: number;
  assigned_at: Date;
  free_until: Date;
  term_starts_at: Date;
  ends_at: Date;
  overlap_days: number;
  request_hash: string | null;
}

interface LicenseRow {
  id: string;
  sku_code: string;
  kind: LicenseKind;
  state: LicenseState;
  camera_id: string | null;
  assigned_at: Date;
  free_until: Date;
  term_starts_at: Date;
  ends_at: Date;
  term_months: number;
}

const iso = (d: Date) => d.toISOString();

/** Assignment (dealer → customer, irreversible) with its preview, history and the customer's view. */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly stock: StockService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly binding: BindingService,
  ) {}

  /** Refusals for short stock before any transaction (assignment-precheck.ts). */
  private readonly precheck = new StockPrecheck(this.ds);

  /** The customer, if it is this dealer's; others' (and unknown) ids are a 404. */
  private async ownCustomer(em: EntityManager, dealerId: string, customerId: string): Promise<CustomerRow> {
    const [c] = await rows<CustomerRow>(
      em,
      `SELECT id, name, deactivated_at FROM customer WHERE id = $1 AND dealer_id = $2`,
      [customerId, dealerId],
    );
    if (!c) throw AppError.notFound('Customer');
    return c;
  }

  /** The customer's earliest-ending valid license of a kind (bound or in the pool), if any. */
  private async earliestValid(
    em: EntityManager,
    customerId: string,
    kind: LicenseKind,
    now: Date,
  ): Promise<{ id: string; ends_at: Date } | null> {
    const [l] = await rows<{ id: string; ends_at: Date }>(
      em,
      `SELECT id, ends_at FROM license
        WHERE customer_id = $1 AND kind = $2 AND state IN ('assigned', 'bound') AND ${validAt('ends_at', '$3')}
        ORDER BY ends_at, assigned_at, id LIMIT 1`,
      [customerId, kind, now],
    );
    return l ?? null;
  }

  async preview(user: AuthUser, dto: AssignLicensesDto): Promise<AssignmentPreview> {
    const em = this.ds.manager;
    const dealerId = user.dealerId!;
    await this.ownCustomer(em, dealerId, dto.customerId);
    const sku = await skuByCode(em, dto.skuCode);
    const { timeZone } = await customerContact(em, dto.customerId);
    const now = this.clock.now();
    const term = computeTerm(now, sku.term_months, timeZone);
    const existing = await this.earliestValid(em, dto.customerId, sku.kind, now);
    return {
      assignedAt: iso(term.assignedAt),
      freeUntil: iso(term.freeUntil),
      termStartsAt: iso(term.termStartsAt),
      endsAt: iso(term.endsAt),
      overlapDays: overlapDays(term.termStartsAt, existing?.ends_at, timeZone),
      comparedWith: existing ? { licenseId: existing.id, endsAt: iso(existing.ends_at) } : null,
      timeZone,
      inStock: await this.stock.count(em, dealerId, sku.id),
    };
  }

  /**
   * Assigns licenses from the dealer's stock to its customer. Returns `created: false` when an
   * Idempotency-Key replays an earlier identical request.
   */
  async assign(
    user: AuthUser,
    dto: AssignLicensesDto,
    key?: string,
  ): Promise<{ created: boolean; result: AssignmentResult }> {
    // A retried request (with a key) may replay a success whatever the stock is now.
    if (key === undefined) await this.precheck.refuseShortStock(user.dealerId!, dto);
    return this.precheck.taking(user.dealerId!, dto, () => this.assignOnce(user, dto, key));
  }

  private async assignOnce(
    user: AuthUser,
    dto: AssignLicensesDto,
    key?: string,
  ): Promise<{ created: boolean; result: AssignmentResult }> {
    const dealerId = user.dealerId!;
    const { created, value } = await runIdempotent(this.ds, {
      scope: `assignment:${dealerId}`,
      key,
      body: dto,
      constraint: 'license_assignment_idempotency_key',
      find: async (em, k) =>
        (
          await rows<{ id: string; request_hash: string }>(
            em,
            `SELECT id, request_hash FROM license_assignment WHERE dealer_id = $1 AND idempotency_key = $2`,
            [dealerId, k],
          )
        )[0],
      load: (em, id) => this.result(em, id),
      create: (em, k, h) => this.assignIn(em, user, dto, k, h),
    });
    return { created, result: value };
  }

  private async assignIn(
    em: EntityManager,
    user: AuthUser,
    dto: AssignLicensesDto,
    key: string | null,
    hash: string | null,
  ): Promise<AssignmentResult> {
    const dealerId = user.dealerId!;
    // The customer (this dealer's only) with its contract holder, in one round trip.
    const [customer] = await rows<
      CustomerRow & {
        email: string | null;
        user_name: string | null;
        language: Language | null;
        time_zone: string | null;
      }
    >(
      em,
      `SELECT c.id, c.name, c.deactivated_at, u.email, u.name AS user_name, u.language, u.time_zone
         FROM customer c LEFT JOIN app_user u ON u.customer_id = c.id AND u.role = 'customer'
        WHERE c.id = $1 AND c.dealer_id = $2
        ORDER BY u.created_at LIMIT 1`,
      [dto.customerId, dealerId],
    );
    if (!customer) throw AppError.notFound('Customer');
    if (customer.deactivated_at) {
      throw AppError.conflict(ErrorCode.CUSTOMER_DEACTIVATED, 'customerId: this customer was deactivated');
    }
    const sku = await skuByCode(em, dto.skuCode);
    // Stock first: most refusals under contention are short stock, decided here.
    const ids = await this.stock.take(em, dealerId, sku, dto.quantity);
    const contact = {
      email: customer.email,
      name: customer.user_name,
      language: customer.language ?? 'ja',
      timeZone: customer.time_zone || DEFAULT_TIME_ZONE,
    };
    const now = this.clock.now();
    const term = computeTerm(now, sku.term_months, contact.timeZone);
    const existing = await this.earliestValid(em, customer.id, sku.kind, now);
    const overlap = overlapDays(term.termStartsAt, existing?.ends_at, contact.timeZone);

    const [a] = await rows<{ id: string }>(
      em,
      `INSERT INTO license_assignment (dealer_id, customer_id, sku_id, quantity, assigned_at, free_until,
                                       term_starts_at, ends_at, time_zone, overlap_days, assigned_by_user_id,
                                       acting_user_id, idempotency_key, request_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $5) RETURNING id`,
      [
        dealerId,
        customer.id,
        sku.id,
        dto.quantity,
        term.assignedAt,
        term.freeUntil,
        term.termStartsAt,
        term.endsAt,
        contact.timeZone,
        overlap,
        user.id,
        user.actingUserId,
        key,
        hash,
      ],
    );
    await em.query(
      `UPDATE license
          SET state = 'assigned', owner_dealer_id = NULL, selling_dealer_id = $2, customer_id = $3,
              assignment_id = $4, assigned_at = $5, free_until = $6, term_starts_at = $7, ends_at = $8,
              updated_at = $5
        WHERE id = ANY($1::uuid[]) AND state = 'in_stock' AND owner_dealer_id = $2`,
      [ids, dealerId, customer.id, a.id, term.assignedAt, term.freeUntil, term.termStartsAt, term.endsAt],
    );
    // Locks the contract holder's e-mail (PATCH /customers/:id): only the first assignment writes.
    await em.query(`UPDATE customer SET first_assigned_at = $2 WHERE id = $1 AND first_assigned_at IS NULL`, [
      customer.id,
      now,
    ]);
    await this.audit.record(em, user, {
      action: 'licenses.assigned',
      targetType: 'license_assignment',
      targetId: a.id,
      dealerId,
      customerId: customer.id,
      after: { skuCode: sku.code, quantity: dto.quantity, licenseIds: ids, endsAt: iso(term.endsAt) },
    });
    if (contact.email) {
      await this.mail.enqueue(em, {
        to: contact.email,
        template: 'licenses-assigned',
        language: contact.language,
        timeZone: contact.timeZone,
        data: {
          name: contact.name,
          customerName: customer.name,
          skuCode: sku.code,
          skuName: contact.language === 'ja' ? sku.name_ja : sku.name_en,
          kind: sku.kind,
          termMonths: sku.term_months,
          quantity: dto.quantity,
          assignedAt: iso(term.assignedAt),
          freeUntil: iso(term.freeUntil),
          termStartsAt: iso(term.termStartsAt),
          endsAt: iso(term.endsAt),
          timeZone: contact.timeZone,
        },
      });
    }
    await licensesAssignedEvent(em, a.id, now);
    // Free cameras of the customer take the new licenses at once (SPEC §2 binding).
    await this.binding.bindFree(em, customer.id);
    const dates = {
      assignedAt: iso(term.assignedAt),
      freeUntil: iso(term.freeUntil),
      termStartsAt: iso(term.termStartsAt),
      endsAt: iso(term.endsAt),
    };
    return {
      id: a.id,
      customerId: customer.id,
      skuCode: sku.code,
      quantity: dto.quantity,
      ...dates,
      overlapDays: overlap,
      licenses: [...ids].sort().map((id) => ({ id, ...dates })),
    };
  }

  private async result(em: EntityManager, assignmentId: string): Promise<AssignmentResult> {
    const [a] = await rows<AssignmentRow>(
      em,
      `SELECT a.*, s.code AS sku_code FROM license_assignment a JOIN sku s ON s.id = a.sku_id WHERE a.id = $1`,
      [assignmentId],
    );
    const licenses = await rows<LicenseRow>(
      em,
      `SELECT id, assigned_at, free_until, term_starts_at, ends_at FROM license
        WHERE assignment_id = $1 ORDER BY id`,
      [assignmentId],
    );
    return {
      id: a.id,
      customerId: a.customer_id,
      skuCode: a.sku_code,
      quantity: a.quantity,
      assignedAt: iso(a.assigned_at),
      freeUntil: iso(a.free_until),
      termStartsAt: iso(a.term_starts_at),
      endsAt: iso(a.ends_at),
      overlapDays: a.overlap_days,
      licenses: licenses.map((l) => ({
        id: l.id,
        assignedAt: iso(l.assigned_at),
        freeUntil: iso(l.free_until),
        termStartsAt: iso(l.term_starts_at),
        endsAt: iso(l.ends_at),
      })),
    };
  }

  history(user: AuthUser, q: AssignmentQueryDto): Promise<Page<AssignmentHistoryItem>> {
    return assignmentHistory(this.ds.manager, user.dealerId!, q);
  }

  /** The whole filtered history (up to 50 000 rows) as CSV. */
  exportCsv(user: AuthUser, q: AssignmentQueryDto): Promise<string> {
    return assignmentHistoryCsv(this.ds.manager, user.dealerId!, q);
  }

  /** A customer's licenses, for its dealer, the customer itself (also in a proxy session) or the operator. */
  async customerLicenses(user: AuthUser, customerId: string): Promise<CustomerLicense[]> {
    const em = this.ds.manager;
    const [c] = await rows<{ id: string }>(
      em,
      `SELECT id FROM customer
        WHERE id = $1 AND ($2::text = 'operator' OR dealer_id = $3::uuid OR id = $4::uuid)`,
      [customerId, user.role, user.role === 'dealer' ? user.dealerId : null, user.customerId],
    );
    if (!c) throw AppError.notFound('Customer');
    const now = this.clock.now();
    const r = await rows<LicenseRow>(
      em,
      `SELECT l.id, s.code AS sku_code, l.kind, l.state, l.camera_id, l.assigned_at, l.free_until,
              l.term_starts_at, l.ends_at, l.term_months
         FROM license l JOIN sku s ON s.id = l.sku_id
        WHERE l.customer_id = $1
        ORDER BY (l.state IN ('assigned', 'bound') AND ${validAt('l.ends_at', '$2')}) DESC, l.ends_at, l.assigned_at, l.id`,
      [customerId, now],
    );
    return r.map((l) => ({
      id: l.id,
      skuCode: l.sku_code,
      kind: l.kind,
      state:
        (l.state === 'assigned' || l.state === 'bound') && !isLicenseValid(l.ends_at, now)
          ? 'expired'
          : l.state,
      cameraId: l.camera_id,
      assignedAt: iso(l.assigned_at),
      freeUntil: iso(l.free_until),
      termStartsAt: iso(l.term_starts_at),
      endsAt: iso(l.ends_at),
      termMonths: l.term_months,
      daysLeft: daysLeft(l.ends_at, now),
    })) as CustomerLicense[];
  }
}
