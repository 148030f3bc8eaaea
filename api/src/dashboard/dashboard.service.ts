import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DEFAULT_TIME_ZONE,
  localDate,
  localMonthKey,
  startOfLocalMonth,
  type DashboardInvoice,
  type DashboardView,
  type OrderStatus,
} from '@lc/shared';
import { AppConfig } from '../common/config/config.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { invoiceStatus } from '../billing/invoice-status.js';
import { invoiceNumberLabel } from '../billing/invoice-number.js';
import { StockService } from '../licenses/stock.service.js';
import { validAt } from '../licenses/validity.js';

export type Dashboard = DashboardView;
export type { DashboardInvoice };

interface InvoiceRow {
  id: string;
  number: number;
  issuer_login_id: string | null;
  counterparty: string;
  total: string;
  amount_paid: string;
  due_at: Date;
  voided_at: Date | null;
}

@Injectable()
export class DashboardService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly stock: StockService,
  ) {}

  async get(dealerId: string): Promise<Dashboard> {
    const em = this.ds.manager;
    const now = this.clock.now();
    const tz = DEFAULT_TIME_ZONE;
    const { year, month } = localDate(now, tz);
    const horizon = startOfLocalMonth(year, month + 12, tz);
    const ending = await rows<{ ends_at: Date }>(
      em,
      `SELECT l.ends_at FROM license l JOIN customer c ON c.id = l.customer_id
        WHERE c.dealer_id = $1 AND l.state IN ('assigned', 'bound') AND ${validAt('l.ends_at', '$2')} AND l.ends_at < $3`,
      [dealerId, now, horizon],
    );
    const endingByMonth = Array.from({ length: 12 }, (_, i) => ({
      month: localMonthKey(startOfLocalMonth(year, month + i, tz), tz),
      count: 0,
    }));
    const index = new Map(endingByMonth.map((m, i) => [m.month, i]));
    for (const l of ending) {
      const i = index.get(localMonthKey(l.ends_at, tz));
      if (i !== undefined) endingByMonth[i].count++;
    }

    const recent = await rows<{
      id: string;
      customer_id: string;
      customer_name: string;
      sku_code: string;
      quantity: number;
      assigned_at: Date;
      ends_at: Date;
    }>(
      em,
      `SELECT a.id, a.customer_id, c.name AS customer_name, s.code AS sku_code, a.quantity, a.assigned_at, a.ends_at
         FROM license_assignment a JOIN customer c ON c.id = a.customer_id JOIN sku s ON s.id = a.sku_id
        WHERE a.dealer_id = $1 ORDER BY a.assigned_at DESC, a.id DESC LIMIT 10`,
      [dealerId],
    );

    const orders = await rows<{
      id: string;
      number: number;
      status: OrderStatus;
      role: 'buyer' | 'supplier';
      counterparty: string | null;
      total: string;
      created_at: Date;
    }>(
      em,
      `SELECT o.id, o.number, o.status, o.total, o.created_at,
              CASE WHEN o.buyer_dealer_id = $1 THEN 'buyer' ELSE 'supplier' END AS role,
              CASE WHEN o.buyer_dealer_id = $1 THEN sd.company_name ELSE bd.company_name END AS counterparty
         FROM purchase_order o
         JOIN dealer bd ON bd.id = o.buyer_dealer_id
         LEFT JOIN dealer sd ON sd.id = o.supplier_dealer_id
        WHERE (o.buyer_dealer_id = $1 OR o.supplier_dealer_id = $1)
          AND o.status IN ('submitted', 'confirmed', 'invoiced')
        ORDER BY o.created_at DESC, o.id DESC LIMIT 50`,
      [dealerId],
    );

    const invoices = (column: 'buyer_dealer_id' | 'issuer_dealer_id') =>
      rows<InvoiceRow>(
        em,
        `SELECT i.id, i.number, d.login_id AS issuer_login_id, i.total, i.amount_paid, i.due_at, i.voided_at,
                ${column === 'buyer_dealer_id' ? 'i.issuer_name' : 'i.buyer_name'} AS counterparty
           FROM invoice i LEFT JOIN dealer d ON d.id = i.issuer_dealer_id
          WHERE i.${column} = $1 AND i.voided_at IS NULL AND i.amount_paid < i.total
          ORDER BY i.due_at, i.issued_at LIMIT 50`,
        [dealerId],
      );
    const invoiceView = (i: InvoiceRow): DashboardInvoice => {
      const total = Number(i.total);
      const amountPaid = Number(i.amount_paid);
      return {
        id: i.id,
        invoiceNumber: invoiceNumberLabel(i.issuer_login_id, i.number),
        counterparty: i.counterparty,
        total,
        amountDue: total - amountPaid,
        dueAt: i.due_at.toISOString(),
        status: invoiceStatus({ total, amountPaid, dueAt: i.due_at, voidedAt: i.voided_at }, now),
      };
    };

    return {
      stock: await this.stock.list(dealerId, em),
      endingByMonth,
      recentAssignments: recent.map((a) => ({
        id: a.id,
        customerId: a.customer_id,
        customerName: a.customer_name,
        skuCode: a.sku_code,
        quantity: a.quantity,
        assignedAt: a.assigned_at.toISOString(),
        endsAt: a.ends_at.toISOString(),
      })),
      openOrders: orders.map((o) => ({
        id: o.id,
        number: o.number,
        status: o.status,
        role: o.role,
        counterparty: o.counterparty ?? this.config.invoiceIssuerName,
        total: Number(o.total),
        createdAt: o.created_at.toISOString(),
      })),
      unpaidInvoices: (await invoices('buyer_dealer_id')).map(invoiceView),
      receivables: (await invoices('issuer_dealer_id')).map(invoiceView),
    };
  }
}
