import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DEFAULT_TIME_ZONE,
  endOfLocalMonth,
  ErrorCode,
  localDate,
  STANDARD_TAX_RATE,
  type OrderView,
} from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AppConfig } from '../common/config/config.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { MailService } from '../common/mail/mail.service.js';
import { dealerContact } from '../licenses/contacts.js';
import type { InvoiceOrderDto } from './dto/order.dto.js';
import { invoiceNumberLabel } from './invoice-number.js';
import { computeTax } from './tax.js';
import { invoiceIssuedEvent } from '../integrations/events.js';
import { yen, type LineRow } from './order-rows.js';
import { OrderWorkflowService } from './order-workflow.service.js';

/**
 * The supplier invoices a confirmed order (SPEC §6): one invoice per order, numbered gap-free per
 * issuer, its amounts from the order's lines; the buyer is e-mailed and both parties get the
 * `invoice.issued` and `order.updated` webhook events, all in the step's one transaction (lock
 * contract: `OrderWorkflowService`).
 */
@Injectable()
export class OrderInvoicingService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly workflow: OrderWorkflowService,
  ) {}

  async invoice(user: AuthUser, id: string, dto: InvoiceOrderDto): Promise<OrderView> {
    return this.ds.transaction(async (em) => {
      const o = await this.workflow.lockFor(em, user, id, 'invoice');
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
      return this.workflow.moved(em, user, o, 'invoiced', {
        status: 'invoiced',
        invoiceId: inv.id,
        invoiceNumber: label,
      });
    });
  }
}
