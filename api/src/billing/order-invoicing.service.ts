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
import { issueInvoice } from './books.js';
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
      const { id: invoiceId, number } = await issueInvoice(em, {
        issuerDealerId: o.supplier_dealer_id,
        orderId: o.id,
        buyerDealerId: o.buyer_dealer_id,
        issuerName: issuer?.companyName ?? this.config.invoiceIssuerName,
        registrationNumber: issuerRow.invoice_registration_number,
        buyerName: buyer.companyName,
        issuedAt: now,
        dueAt,
        sum,
        lines: lines.map((l) => ({
          lineNo: l.line_no,
          code: l.code,
          nameJa: l.name_ja,
          nameEn: l.name_en,
          quantity: l.quantity,
          unitPrice: l.unit_price,
          amount: l.amount,
          taxRate: l.tax_rate,
        })),
      });
      await invoiceIssuedEvent(em, invoiceId, now);
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
          invoiceId,
          invoiceNumber: label,
          issuerName: issuer?.companyName ?? this.config.invoiceIssuerName,
          total: sum.total,
          totalLabel: yen(sum.total),
          dueAt: dueAt.toISOString(),
        },
      });
      return this.workflow.moved(em, user, o, 'invoiced', {
        status: 'invoiced',
        invoiceId,
        invoiceNumber: label,
      });
    });
  }
}
