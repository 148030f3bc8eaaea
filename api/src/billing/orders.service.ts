import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_TIME_ZONE,
  endOfLocalMonth,
  ErrorCode,
  localDate,
  PAGE_SIZE_DEFAULT,
  STANDARD_TAX_RATE,
  type LicenseKind,
  type OrderStatus,
  type OrderView,
  type Page,
} from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { AppConfig } from '../common/config/config.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { runIdempotent } from '../common/idempotency/idempotency.js';
import { MailService } from '../common/mail/mail.service.js';
import { dealerContact } from '../licenses/contacts.js';
import { skuByCode, type SkuRow } from '../licenses/skus.service.js';
import { StockService } from '../licenses/stock.service.js';
import type { CreateOrderDto, InvoiceOrderDto, OrderQueryDto, PayOrderDto } from './dto/order.dto.js';
import { invoiceNumberLabel } from './invoice-number.js';
import { computeTax } from './tax.js';
import { invoiceIssuedEvent, orderUpdatedEvent } from '../integrations/events.js';
import { mayTransition, type OrderAction } from './order-transitions.js';

export interface OrderRow {
  id: string;
  number: number;
  buyer_dealer_id: string;
  supplier_dealer_id: string | null;
  status: OrderStatus;
  subtotal: string;
  tax: string;
  total: string;
  amount_paid: string;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: Date;
  confirmed_at: Date | null;
  invoiced_at: Date | null;
  paid_at: Date | null;
  fulfilled_at: Date | null;
  cancelled_at: Date | null;
}

interface OrderListRow extends OrderRow {
  buyer_login_id: string;
  buyer_company_name: string;
  buyer_tier: 'primary' | 'secondary';
  supplier_login_id: string | null;
  supplier_company_name: string | null;
  invoice_id: string | null;
  total_count: number;
}

interface LineRow {
  order_id: string;
  line_no: number;
  sku_id: string;
  code: string;
  name_ja: string;
  name_en: string;
  kind: LicenseKind;
  term_months: number;
  quantity: number;
  unit_price: number;
  amount: string;
  tax_rate: number;
}

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Orders (SPEC §6): a dealer orders from its supplier (the operator for a primary dealer, its
 * primary dealer for a secondary one). `submitted → confirmed → invoiced → paid → fulfilled`,
 * cancellable before fulfilment. Every transition locks the order row, so two supplier actions
 * at once cannot both move it. Full payment fulfils in the same transaction: licenses are minted
 * (operator) or moved out of the supplier's stock (never below zero: short → 409, nothing paid).
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly stock: StockService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  // ---- creation -------------------------------------------------------------------------

  async create(
    user: AuthUser,
    dto: CreateOrderDto,
    key?: string,
  ): Promise<{ created: boolean; order: OrderView }> {
    const dealerId = user.dealerId!;
    const { created, value } = await runIdempotent(this.ds, {
      scope: `order:${dealerId}`,
      key,
      body: dto,
      constraint: 'purchase_order_idempotency_key',
      find: async (em, k) =>
        (
          await rows<{ id: string; request_hash: string }>(
            em,
            `SELECT id, request_hash FROM purchase_order WHERE buyer_dealer_id = $1 AND idempotency_key = $2`,
            [dealerId, k],
          )
        )[0],
      load: (em, id) => this.view(em, id),
      create: async (em, k, h) => this.view(em, await this.insert(em, user, dto, k, h)),
    });
    return { created, order: value };
  }

  private async insert(
    em: EntityManager,
    user: AuthUser,
    dto: CreateOrderDto,
    key: string | null,
    hash: string | null,
  ): Promise<string> {
    const buyer = (await dealerContact(em, user.dealerId!))!;
    const seen = new Set<string>();
    const lines: Array<{ sku: SkuRow; quantity: number; unitPrice: number; amount: number }> = [];
    for (const [i, l] of dto.lines.entries()) {
      const field = `lines.${i}.skuCode`;
      if (seen.has(l.skuCode)) {
        throw AppError.badRequest(
          ErrorCode.ORDER_DUPLICATE_SKU,
          `${field}: ${l.skuCode} is already on the order`,
          {
            field,
          },
        );
      }
      seen.add(l.skuCode);
      const sku = await skuByCode(em, l.skuCode, field);
      if (!sku.active) {
        throw AppError.badRequest(ErrorCode.SKU_INACTIVE, `${field}: ${sku.code} can no longer be ordered`, {
          field,
        });
      }
      const unitPrice = buyer.tier === 'primary' ? sku.price_primary : sku.price_secondary;
      lines.push({ sku, quantity: l.quantity, unitPrice, amount: unitPrice * l.quantity });
    }
    const sum = computeTax(lines.map((l) => ({ amount: l.amount, rate: STANDARD_TAX_RATE })));
    const now = this.clock.now();
    const supplierId = buyer.tier === 'primary' ? null : buyer.parentDealerId;
    const [o] = await rows<{ id: string; number: number }>(
      em,
      `INSERT INTO purchase_order (buyer_dealer_id, supplier_dealer_id, status, subtotal, tax, total,
                                   idempotency_key, request_hash, created_by_user_id, created_at, updated_at)
       VALUES ($1, $2, 'submitted', $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id, number`,
      [buyer.id, supplierId, sum.subtotal, sum.tax, sum.total, key, hash, user.actingUserId ?? user.id, now],
    );
    for (const [i, l] of lines.entries()) {
      await em.query(
        `INSERT INTO purchase_order_line (order_id, line_no, sku_id, quantity, unit_price, amount, tax_rate)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [o.id, i + 1, l.sku.id, l.quantity, l.unitPrice, l.amount, STANDARD_TAX_RATE],
      );
    }
    await this.audit.record(em, user, {
      action: 'order.submitted',
      targetType: 'order',
      targetId: o.id,
      dealerId: buyer.id,
      after: { number: o.number, lines: dto.lines, total: sum.total },
    });
    await orderUpdatedEvent(em, o.id, now);
    // The supplier learns of the order: a primary dealer by its notification e-mail, the operator by its own.
    const supplier = supplierId ? await dealerContact(em, supplierId) : null;
    await this.mail.enqueue(em, {
      to: supplier?.email ?? this.config.operatorEmail,
      template: 'order-submitted',
      language: supplier?.language ?? 'en',
      data: {
        buyerName: buyer.companyName,
        buyerLoginId: buyer.loginId,
        orderNumber: o.number,
        orderId: o.id,
        lines: lines.map((l) => ({ skuCode: l.sku.code, quantity: l.quantity, amount: yen(l.amount) })),
        total: sum.total,
        totalLabel: yen(sum.total),
      },
    });
    return o.id;
  }

  // ---- reading --------------------------------------------------------------------------

  async get(user: AuthUser, id: string): Promise<OrderView> {
    const em = this.ds.manager;
    const [o] = await rows<{ id: string }>(
      em,
      `SELECT o.id FROM purchase_order o
        WHERE o.id = $1 AND ($2::text = 'operator' OR o.buyer_dealer_id = $3 OR o.supplier_dealer_id = $3)`,
      [id, user.role, user.dealerId],
    );
    if (!o) throw AppError.notFound('Order');
    return this.view(em, id);
  }

  async list(user: AuthUser, q: OrderQueryDto): Promise<Page<OrderView>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? PAGE_SIZE_DEFAULT;
    const r = await this.listRows(this.ds.manager, {
      // The operator sees every order (role=supplier: the ones placed with it); a dealer its own
      // orders and the orders its secondary dealers placed with it.
      where: `CASE WHEN $1::text = 'operator'
                   THEN ($4::text IS NULL OR ($4 = 'supplier' AND o.supplier_dealer_id IS NULL))
                   ELSE (o.buyer_dealer_id = $2 AND ($4::text IS NULL OR $4 = 'buyer')) OR
                        (o.supplier_dealer_id = $2 AND ($4::text IS NULL OR $4 = 'supplier'))
              END`,
      params: [user.role, user.dealerId, q.status ?? null, q.role ?? null],
      status: true,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { items: r.items, total: r.total, page, pageSize };
  }

  private async listRows(
    em: EntityManager,
    p: { where: string; params: unknown[]; status?: boolean; limit: number; offset: number },
  ): Promise<{ items: OrderView[]; total: number }> {
    const n = p.params.length;
    const r = await rows<OrderListRow>(
      em,
      `SELECT o.*, b.login_id AS buyer_login_id, b.company_name AS buyer_company_name, b.tier AS buyer_tier,
              s.login_id AS supplier_login_id, s.company_name AS supplier_company_name, i.id AS invoice_id,
              count(*) OVER ()::int AS total_count
         FROM purchase_order o
         JOIN dealer b ON b.id = o.buyer_dealer_id
         LEFT JOIN dealer s ON s.id = o.supplier_dealer_id
         LEFT JOIN invoice i ON i.order_id = o.id
        WHERE (${p.where}) ${p.status ? 'AND ($3::text IS NULL OR o.status = $3)' : ''}
        ORDER BY o.created_at DESC, o.number DESC
        LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...p.params, p.limit, p.offset],
    );
    if (!r.length) return { items: [], total: 0 };
    const lines = await rows<LineRow>(
      em,
      `SELECT l.*, s.code, s.name_ja, s.name_en, s.kind, s.term_months
         FROM purchase_order_line l JOIN sku s ON s.id = l.sku_id
        WHERE l.order_id = ANY($1::uuid[]) ORDER BY l.order_id, l.line_no`,
      [r.map((o) => o.id)],
    );
    return { items: r.map((o) => toView(o, lines)), total: r[0].total_count };
  }

  async view(em: EntityManager, id: string): Promise<OrderView> {
    const { items } = await this.listRows(em, { where: 'o.id = $1', params: [id], limit: 1, offset: 0 });
    return items[0];
  }

  // ---- supplier actions ---------------------------------------------------------------

  /**
   * Locks the order for a transition. Unknown and others' orders are a 404; a party that may
   * see it but not act (the buyer, staff members) a 403; a wrong state a 409.
   */
  private async lockFor(
    em: EntityManager,
    user: AuthUser,
    id: string,
    action: OrderAction,
  ): Promise<OrderRow> {
    const [o] = await rows<OrderRow>(
      em,
      `SELECT * FROM purchase_order
        WHERE id = $1 AND ($2::text = 'operator' OR buyer_dealer_id = $3 OR supplier_dealer_id = $3)
        FOR UPDATE`,
      [id, user.role, user.dealerId],
    );
    if (!o) throw AppError.notFound('Order');
    const isSupplier =
      user.role === 'operator' ? o.supplier_dealer_id === null : o.supplier_dealer_id === user.dealerId;
    const buyerCancelling =
      action === 'cancel' && user.role === 'dealer' && o.buyer_dealer_id === user.dealerId;
    if (!isSupplier && !buyerCancelling) {
      throw AppError.forbidden(`Only the supplier of this order may ${action} it`);
    }
    if (isSupplier && user.role === 'dealer' && user.memberRole === 'staff') {
      throw AppError.forbidden(`Only an owner or manager may ${action} orders`);
    }
    if (!mayTransition(action, isSupplier ? 'supplier' : 'buyer', o.status)) {
      throw AppError.conflict(
        ErrorCode.ORDER_TRANSITION,
        `status: cannot ${action} an order that is ${o.status}` +
          (!isSupplier ? ' (a buyer may cancel only a submitted order)' : ''),
        { status: o.status, action },
      );
    }
    return o;
  }

  private async moved(
    em: EntityManager,
    user: AuthUser,
    o: OrderRow,
    action: string,
    after: Record<string, unknown> = {},
  ): Promise<OrderView> {
    await this.audit.record(em, user, {
      action: `order.${action}`,
      targetType: 'order',
      targetId: o.id,
      dealerId: user.role === 'operator' ? o.buyer_dealer_id : user.dealerId,
      before: { status: o.status },
      after,
    });
    await orderUpdatedEvent(em, o.id, this.clock.now());
    return this.view(em, o.id);
  }

  async confirm(user: AuthUser, id: string): Promise<OrderView> {
    return this.ds.transaction(async (em) => {
      const o = await this.lockFor(em, user, id, 'confirm');
      const now = this.clock.now();
      await em.query(
        `UPDATE purchase_order SET status = 'confirmed', confirmed_at = $2, updated_at = $2 WHERE id = $1`,
        [o.id, now],
      );
      const buyer = (await dealerContact(em, o.buyer_dealer_id))!;
      await this.mail.enqueue(em, {
        to: buyer.email,
        template: 'order-confirmed',
        language: buyer.language,
        data: {
          companyName: buyer.companyName,
          orderNumber: o.number,
          orderId: o.id,
          total: Number(o.total),
          totalLabel: yen(Number(o.total)),
        },
      });
      return this.moved(em, user, o, 'confirmed', { status: 'confirmed' });
    });
  }

  async invoice(user: AuthUser, id: string, dto: InvoiceOrderDto): Promise<OrderView> {
    return this.ds.transaction(async (em) => {
      const o = await this.lockFor(em, user, id, 'invoice');
      const now = this.clock.now();
      const { year, month } = localDate(now, DEFAULT_TIME_ZONE);
      const dueAt = dto.dueAt ? new Date(dto.dueAt) : endOfLocalMonth(year, month + 1, DEFAULT_TIME_ZONE);
      if (dueAt.getTime() < now.getTime()) {
        throw AppError.badRequest(
          ErrorCode.INVOICE_DUE_BEFORE_ISSUE,
          'dueAt: must not be before the issue date',
          {
            field: 'dueAt',
          },
        );
      }
      const issuer = o.supplier_dealer_id ? (await dealerContact(em, o.supplier_dealer_id))! : null;
      const [issuerRow] = o.supplier_dealer_id
        ? await rows<{ invoice_registration_number: string | null }>(
            em,
            `SELECT invoice_registration_number FROM dealer WHERE id = $1`,
            [o.supplier_dealer_id],
          )
        : [{ invoice_registration_number: this.config.invoiceRegistrationNumber }];
      const buyer = (await dealerContact(em, o.buyer_dealer_id))!;
      const lines = await rows<LineRow>(
        em,
        `SELECT l.*, s.code, s.name_ja, s.name_en, s.kind, s.term_months
           FROM purchase_order_line l JOIN sku s ON s.id = l.sku_id WHERE l.order_id = $1 ORDER BY l.line_no`,
        [o.id],
      );
      const sum = computeTax(lines.map((l) => ({ amount: Number(l.amount), rate: STANDARD_TAX_RATE })));
      // Gap-free per issuer: the counter row is locked until this transaction ends, and a
      // rollback takes its number back with it.
      const [{ last_number: number }] = await rows<{ last_number: number }>(
        em,
        `INSERT INTO invoice_counter (issuer_key, last_number) VALUES ($1, 1)
         ON CONFLICT (issuer_key) DO UPDATE SET last_number = invoice_counter.last_number + 1
         RETURNING last_number`,
        [o.supplier_dealer_id ?? 'operator'],
      );
      const [inv] = await rows<{ id: string }>(
        em,
        `INSERT INTO invoice (issuer_dealer_id, number, order_id, buyer_dealer_id, issuer_name,
                              issuer_registration_number, buyer_name, issued_at, due_at, subtotal, taxes, tax,
                              total, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $8) RETURNING id`,
        [
          o.supplier_dealer_id,
          number,
          o.id,
          o.buyer_dealer_id,
          issuer?.companyName ?? this.config.invoiceIssuerName,
          issuerRow.invoice_registration_number,
          buyer.companyName,
          now,
          dueAt,
          sum.subtotal,
          JSON.stringify(sum.taxes),
          sum.tax,
          sum.total,
        ],
      );
      await invoiceIssuedEvent(em, inv.id, now);
      for (const l of lines) {
        await em.query(
          `INSERT INTO invoice_line (invoice_id, line_no, sku_code, description_ja, description_en, quantity,
                                     unit_price, amount, tax_rate)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [inv.id, l.line_no, l.code, l.name_ja, l.name_en, l.quantity, l.unit_price, l.amount, l.tax_rate],
        );
      }
      // The order's amounts follow its invoice (they agree: same lines, same rule).
      await em.query(
        `UPDATE purchase_order SET status = 'invoiced', invoiced_at = $2, updated_at = $2,
                subtotal = $3, tax = $4, total = $5 WHERE id = $1`,
        [o.id, now, sum.subtotal, sum.tax, sum.total],
      );
      const label = invoiceNumberLabel(issuer?.loginId ?? null, number);
      await this.mail.enqueue(em, {
        to: buyer.email,
        template: 'invoice-issued',
        language: buyer.language,
        data: {
          companyName: buyer.companyName,
          orderNumber: o.number,
          invoiceId: inv.id,
          invoiceNumber: label,
          issuerName: issuer?.companyName ?? this.config.invoiceIssuerName,
          total: sum.total,
          totalLabel: yen(sum.total),
          dueAt: dueAt.toISOString(),
        },
      });
      return this.moved(em, user, o, 'invoiced', {
        status: 'invoiced',
        invoiceId: inv.id,
        invoiceNumber: label,
      });
    });
  }

  async pay(user: AuthUser, id: string, dto: PayOrderDto): Promise<OrderView> {
    return this.ds.transaction(async (em) => {
      const o = await this.lockFor(em, user, id, 'pay');
      const [inv] = await rows<{ id: string; total: string; amount_paid: string; number: number }>(
        em,
        `SELECT id, total, amount_paid, number FROM invoice WHERE order_id = $1 FOR UPDATE`,
        [o.id],
      );
      const due = Number(inv.total) - Number(inv.amount_paid);
      const amount = dto.amount ?? due;
      if (amount > due) {
        throw AppError.conflict(ErrorCode.PAYMENT_EXCEEDS_DUE, `amount: exceeds the ${due} yen still due`, {
          field: 'amount',
          amountDue: due,
        });
      }
      const now = this.clock.now();
      const paid = Number(inv.amount_paid) + amount;
      const full = paid === Number(inv.total);
      if (amount > 0) {
        await em.query(
          `INSERT INTO invoice_payment (invoice_id, amount, paid_at, recorded_by_user_id, created_at)
           VALUES ($1, $2, $3, $4, $3)`,
          [inv.id, amount, now, user.actingUserId ?? user.id],
        );
      }
      await em.query(`UPDATE invoice SET amount_paid = $2, paid_at = $3 WHERE id = $1`, [
        inv.id,
        paid,
        full ? now : null,
      ]);
      let fulfilled = 0;
      if (full) {
        await em.query(
          `UPDATE purchase_order SET status = 'paid', amount_paid = $2, paid_at = $3, updated_at = $3 WHERE id = $1`,
          [o.id, paid, now],
        );
        fulfilled = await this.fulfil(em, o);
        await em.query(
          `UPDATE purchase_order SET status = 'fulfilled', fulfilled_at = $2, updated_at = $2 WHERE id = $1`,
          [o.id, now],
        );
      } else {
        await em.query(`UPDATE purchase_order SET amount_paid = $2, updated_at = $3 WHERE id = $1`, [
          o.id,
          paid,
          now,
        ]);
      }
      const buyer = (await dealerContact(em, o.buyer_dealer_id))!;
      await this.mail.enqueue(em, {
        to: buyer.email,
        template: 'payment-received',
        language: buyer.language,
        data: {
          companyName: buyer.companyName,
          orderNumber: o.number,
          amount,
          amountLabel: yen(amount),
          amountDue: Number(inv.total) - paid,
          amountDueLabel: yen(Number(inv.total) - paid),
          fulfilled: full,
          licenses: fulfilled,
        },
      });
      return this.moved(em, user, o, full ? 'fulfilled' : 'payment_recorded', {
        amount,
        amountPaid: paid,
        status: full ? 'fulfilled' : o.status,
        licenses: fulfilled,
      });
    });
  }

  /** Stock for the buyer: minted (operator supplier) or moved out of the supplier's stock. */
  private async fulfil(em: EntityManager, o: OrderRow): Promise<number> {
    const lines = await rows<SkuRow & { quantity: number }>(
      em,
      `SELECT l.quantity, s.* FROM purchase_order_line l JOIN sku s ON s.id = l.sku_id
        WHERE l.order_id = $1 ORDER BY l.line_no`,
      [o.id],
    );
    let n = 0;
    for (const l of lines) {
      if (o.supplier_dealer_id === null) {
        n += await this.stock.mint(em, {
          dealerId: o.buyer_dealer_id,
          sku: l,
          quantity: l.quantity,
          orderId: o.id,
        });
      } else {
        const ids = await this.stock.take(em, o.supplier_dealer_id, l, l.quantity);
        await this.stock.transfer(em, ids, o.buyer_dealer_id, o.id);
        n += ids.length;
      }
    }
    return n;
  }

  async cancel(user: AuthUser, id: string): Promise<OrderView> {
    return this.ds.transaction(async (em) => {
      const o = await this.lockFor(em, user, id, 'cancel');
      if (Number(o.amount_paid) > 0) {
        throw AppError.conflict(
          ErrorCode.ORDER_TRANSITION,
          'status: an order with payments recorded cannot be cancelled; collect the rest instead',
          { status: o.status, action: 'cancel', amountPaid: Number(o.amount_paid) },
        );
      }
      const now = this.clock.now();
      await em.query(
        `UPDATE purchase_order SET status = 'cancelled', cancelled_at = $2, updated_at = $2 WHERE id = $1`,
        [o.id, now],
      );
      await em.query(`UPDATE invoice SET voided_at = $2 WHERE order_id = $1`, [o.id, now]);
      const buyer = (await dealerContact(em, o.buyer_dealer_id))!;
      await this.mail.enqueue(em, {
        to: buyer.email,
        template: 'order-cancelled',
        language: buyer.language,
        data: { companyName: buyer.companyName, orderNumber: o.number, orderId: o.id },
      });
      return this.moved(em, user, o, 'cancelled', { status: 'cancelled' });
    });
  }
}

function toView(o: OrderListRow, lines: LineRow[]): OrderView {
  const total = Number(o.total);
  const amountPaid = Number(o.amount_paid);
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    buyer: {
      id: o.buyer_dealer_id,
      loginId: o.buyer_login_id,
      companyName: o.buyer_company_name,
      tier: o.buyer_tier,
    },
    supplier: o.supplier_dealer_id
      ? { id: o.supplier_dealer_id, loginId: o.supplier_login_id!, companyName: o.supplier_company_name! }
      : null,
    lines: lines
      .filter((l) => l.order_id === o.id)
      .map((l) => ({
        skuCode: l.code,
        name: { ja: l.name_ja, en: l.name_en },
        kind: l.kind,
        termMonths: l.term_months,
        quantity: l.quantity,
        unitPrice: l.unit_price,
        amount: Number(l.amount),
      })),
    subtotal: Number(o.subtotal),
    tax: Number(o.tax),
    total,
    amountPaid,
    amountDue: o.status === 'cancelled' ? 0 : total - amountPaid,
    invoiceId: o.invoice_id,
    createdAt: o.created_at.toISOString(),
    confirmedAt: isoOrNull(o.confirmed_at),
    invoicedAt: isoOrNull(o.invoiced_at),
    paidAt: isoOrNull(o.paid_at),
    fulfilledAt: isoOrNull(o.fulfilled_at),
    cancelledAt: isoOrNull(o.cancelled_at),
  };
}
