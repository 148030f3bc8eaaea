import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, PAGE_SIZE_DEFAULT, type OrderView, type Page } from '@lc/shared';
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
import type { CreateOrderDto, OrderQueryDto } from './dto/order.dto.js';
import { insertOrder, priceLines } from './books.js';
import { orderUpdatedEvent } from '../integrations/events.js';
import { yen, type LineRow, type OrderListRow } from './order-rows.js';

const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Orders (SPEC §6): a dealer orders from its supplier (the operator for a primary dealer, its
 * primary dealer for a secondary one). `submitted → confirmed → invoiced → paid → fulfilled`,
 * cancellable before fulfilment. This service places and reads orders; the supplier's steps are
 * `OrderWorkflowService` (lock, confirm, cancel), `OrderInvoicingService` (invoice) and
 * `OrderFulfilmentService` (payments and fulfilment); the transition table is `order-transitions.ts`.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
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
    const wanted: Array<{ sku: SkuRow; quantity: number }> = [];
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
      wanted.push({ sku, quantity: l.quantity });
    }
    const { lines, sum } = priceLines(buyer.tier, wanted);
    const now = this.clock.now();
    const supplierId = buyer.tier === 'primary' ? null : buyer.parentDealerId;
    const o = await insertOrder(em, {
      buyerDealerId: buyer.id,
      supplierDealerId: supplierId,
      lines,
      sum,
      now,
      idempotencyKey: key,
      requestHash: hash,
      createdByUserId: user.actingUserId ?? user.id,
    });
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
