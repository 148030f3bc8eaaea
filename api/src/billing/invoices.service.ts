import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE, localDate, PAGE_SIZE_DEFAULT, type InvoiceView, type Page } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { toCsv } from '../common/http/csv.js';
import { parseBound } from '../licenses/date-range.js';
import type { InvoiceQueryDto } from './dto/invoice.dto.js';
import { renderInvoiceHtml, type PrintLanguage } from './invoice-print.js';
import { invoiceNumberLabel } from './invoice-number.js';
import { invoiceStatus } from './invoice-status.js';

export type InvoiceDetail = InvoiceView & { orderNumber: number };

interface InvoiceRow {
  id: string;
  number: number;
  issuer_dealer_id: string | null;
  issuer_login_id: string | null;
  issuer_name: string;
  issuer_registration_number: string | null;
  order_id: string;
  order_number: number;
  buyer_dealer_id: string;
  buyer_login_id: string;
  buyer_name: string;
  issued_at: Date;
  due_at: Date;
  subtotal: string;
  taxes: Array<{ rate: number; taxable: number; tax: number }>;
  tax: string;
  total: string;
  amount_paid: string;
  voided_at: Date | null;
  total_count: number;
}

interface LineRow {
  invoice_id: string;
  line_no: number;
  sku_code: string;
  description_ja: string;
  description_en: string;
  quantity: number;
  unit_price: number;
  amount: string;
  tax_rate: number;
}

/** Status derived in SQL too (for filtering); must agree with invoiceStatus(). */
const STATUS_SQL = `CASE WHEN i.voided_at IS NOT NULL THEN 'void'
                         WHEN i.amount_paid >= i.total THEN 'paid'
                         WHEN i.due_at < $2 THEN 'overdue'
                         WHEN i.amount_paid > 0 THEN 'partially_paid'
                         ELSE 'unpaid' END`;

const ymd = (d: Date) => {
  const { year, month, day } = localDate(d, DEFAULT_TIME_ZONE);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Invoices: reading, the printable page and CSV exports (issuing: OrderInvoicingService, payments: OrderFulfilmentService). */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  private async query(
    em: EntityManager,
    user: AuthUser,
    filter: { id?: string; q?: InvoiceQueryDto },
    limit: number,
    offset: number,
  ): Promise<{ items: InvoiceDetail[]; total: number; lines: LineRow[] }> {
    const now = this.clock.now();
    const q = filter.q ?? {};
    const r = await rows<InvoiceRow>(
      em,
      `SELECT i.*, d.login_id AS issuer_login_id, b.login_id AS buyer_login_id, o.number AS order_number,
              count(*) OVER ()::int AS total_count
         FROM invoice i
         JOIN purchase_order o ON o.id = i.order_id
         JOIN dealer b ON b.id = i.buyer_dealer_id
         LEFT JOIN dealer d ON d.id = i.issuer_dealer_id
        WHERE (CASE WHEN $1::text = 'operator' THEN ($5::text IS NULL OR ($5 = 'issuer' AND i.issuer_dealer_id IS NULL))
                    ELSE (i.issuer_dealer_id = $3 AND ($5::text IS NULL OR $5 = 'issuer')) OR
                         (i.buyer_dealer_id = $3 AND ($5::text IS NULL OR $5 = 'buyer')) END)
          AND ($4::uuid IS NULL OR i.id = $4)
          AND ($6::text IS NULL OR ${STATUS_SQL} = $6)
          AND ($7::timestamptz IS NULL OR i.issued_at >= $7)
          AND ($8::timestamptz IS NULL OR i.issued_at < $8)
        ORDER BY i.issued_at DESC, i.issuer_key, i.number DESC
        LIMIT $9 OFFSET $10`,
      [
        user.role,
        now,
        user.role === 'dealer' ? user.dealerId : null,
        filter.id ?? null,
        q.role ?? null,
        q.status ?? null,
        parseBound(q.from, 'from'),
        parseBound(q.to, 'to'),
        limit,
        offset,
      ],
    );
    if (!r.length) return { items: [], total: 0, lines: [] };
    const ids = r.map((i) => i.id);
    const lines = await rows<LineRow>(
      em,
      `SELECT * FROM invoice_line WHERE invoice_id = ANY($1::uuid[]) ORDER BY invoice_id, line_no`,
      [ids],
    );
    const payments = await rows<{ id: string; invoice_id: string; amount: string; paid_at: Date }>(
      em,
      `SELECT id, invoice_id, amount, paid_at FROM invoice_payment WHERE invoice_id = ANY($1::uuid[])
        ORDER BY paid_at, created_at, id`,
      [ids],
    );
    const items = r.map((i): InvoiceDetail => {
      const total = Number(i.total);
      const amountPaid = Number(i.amount_paid);
      const status = invoiceStatus({ total, amountPaid, dueAt: i.due_at, voidedAt: i.voided_at }, now);
      return {
        id: i.id,
        number: i.number,
        invoiceNumber: invoiceNumberLabel(i.issuer_login_id, i.number),
        orderId: i.order_id,
        orderNumber: i.order_number,
        issuer: {
          dealerId: i.issuer_dealer_id,
          name: i.issuer_name,
          registrationNumber: i.issuer_registration_number,
        },
        buyer: { id: i.buyer_dealer_id, loginId: i.buyer_login_id, companyName: i.buyer_name },
        issuedAt: i.issued_at.toISOString(),
        dueAt: i.due_at.toISOString(),
        lines: lines
          .filter((l) => l.invoice_id === i.id)
          .map((l) => ({
            lineNo: l.line_no,
            skuCode: l.sku_code,
            description: l.description_ja,
            name: { ja: l.description_ja, en: l.description_en },
            quantity: l.quantity,
            unitPrice: l.unit_price,
            amount: Number(l.amount),
            taxRate: l.tax_rate,
          })),
        subtotal: Number(i.subtotal),
        taxes: i.taxes,
        tax: Number(i.tax),
        total,
        amountPaid,
        amountDue: status === 'void' ? 0 : total - amountPaid,
        status,
        payments: payments
          .filter((p) => p.invoice_id === i.id)
          .map((p) => ({ id: p.id, amount: Number(p.amount), paidAt: p.paid_at.toISOString() })),
      };
    });
    return { items, total: r[0].total_count, lines };
  }

  async get(user: AuthUser, id: string): Promise<InvoiceDetail> {
    const { items } = await this.query(this.ds.manager, user, { id }, 1, 0);
    if (!items.length) throw AppError.notFound('Invoice');
    return items[0];
  }

  async list(user: AuthUser, q: InvoiceQueryDto): Promise<Page<InvoiceDetail>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? PAGE_SIZE_DEFAULT;
    const { items, total } = await this.query(this.ds.manager, user, { q }, pageSize, (page - 1) * pageSize);
    return { items, total, page, pageSize };
  }

  async print(user: AuthUser, id: string, lang: PrintLanguage): Promise<string> {
    const inv = await this.get(user, id);
    const lines = inv.lines.map((l) => ({ ...l, description: lang === 'ja' ? l.name.ja : l.name.en }));
    return renderInvoiceHtml({ ...inv, lines }, lang);
  }

  /** One row per invoice (dates in Asia/Tokyo), up to 50 000, filtered like the list. */
  async exportCsv(user: AuthUser, q: InvoiceQueryDto): Promise<string> {
    const { items } = await this.query(this.ds.manager, user, { q }, 50_000, 0);
    return toCsv(
      [
        'invoice_number',
        'issuer',
        'issuer_registration_number',
        'buyer_login_id',
        'buyer_name',
        'order_number',
        'issue_date',
        'due_date',
        'subtotal',
        'tax_10',
        'tax',
        'total',
        'amount_paid',
        'amount_due',
        'status',
        'invoice_id',
      ],
      items.map((i) => [
        i.invoiceNumber,
        i.issuer.name,
        i.issuer.registrationNumber,
        i.buyer.loginId,
        i.buyer.companyName,
        i.orderNumber,
        ymd(new Date(i.issuedAt)),
        ymd(new Date(i.dueAt)),
        i.subtotal,
        i.taxes.find((t) => t.rate === 10)?.tax ?? 0,
        i.tax,
        i.total,
        i.amountPaid,
        i.amountDue,
        i.status,
        i.id,
      ]),
    );
  }

  /** One row per invoice line, filtered like the list. */
  async linesCsv(user: AuthUser, q: InvoiceQueryDto): Promise<string> {
    const { items, lines } = await this.query(this.ds.manager, user, { q }, 50_000, 0);
    const byId = new Map(items.map((i) => [i.id, i]));
    return toCsv(
      [
        'invoice_number',
        'issue_date',
        'buyer_login_id',
        'line_no',
        'sku_code',
        'description_ja',
        'description_en',
        'quantity',
        'unit_price',
        'amount',
        'tax_rate',
      ],
      lines.map((l) => {
        const i = byId.get(l.invoice_id)!;
        return [
          i.invoiceNumber,
          ymd(new Date(i.issuedAt)),
          i.buyer.loginId,
          l.line_no,
          l.sku_code,
          l.description_ja,
          l.description_en,
          l.quantity,
          l.unit_price,
          Number(l.amount),
          l.tax_rate,
        ];
      }),
    );
  }

  /** The dealer's qualified-invoice registration number, printed on invoices it issues from now on. */
  async setRegistrationNumber(
    user: AuthUser,
    registrationNumber: string | null,
  ): Promise<{
    registrationNumber: string | null;
  }> {
    return this.ds.transaction(async (em) => {
      const [before] = await rows<{ invoice_registration_number: string | null }>(
        em,
        `SELECT invoice_registration_number FROM dealer WHERE id = $1 FOR UPDATE`,
        [user.dealerId],
      );
      await em.query(`UPDATE dealer SET invoice_registration_number = $2, updated_at = $3 WHERE id = $1`, [
        user.dealerId,
        registrationNumber,
        this.clock.now(),
      ]);
      await this.audit.record(em, user, {
        action: 'dealer.invoice_registration_number.updated',
        targetType: 'dealer',
        targetId: user.dealerId!,
        before: { registrationNumber: before?.invoice_registration_number ?? null },
        after: { registrationNumber },
      });
      return { registrationNumber };
    });
  }

  async registrationNumber(user: AuthUser): Promise<{ registrationNumber: string | null }> {
    const [d] = await rows<{ invoice_registration_number: string | null }>(
      this.ds.manager,
      `SELECT invoice_registration_number FROM dealer WHERE id = $1`,
      [user.dealerId],
    );
    return { registrationNumber: d?.invoice_registration_number ?? null };
  }
}
