import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DEFAULT_TIME_ZONE,
  localDate,
  startOfLocalMonth,
  type DealerOverview,
  type OperatorOverview,
  type OrderStatus,
} from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { dealerView, type DealerRow } from '../dealers/dealers.service.js';

const WEEK_MS = 7 * 86_400_000;

/** Read models of the operator's home and dealer detail page (issue 14); operator only. */
@Injectable()
export class OperatorService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async overview(): Promise<OperatorOverview> {
    const em = this.ds.manager;
    const now = this.clock.now();
    const { year, month } = localDate(now, DEFAULT_TIME_ZONE);
    const monthStart = startOfLocalMonth(year, month, DEFAULT_TIME_ZONE);
    const [dealers] = await rows<{ primary: number; secondary: number; suspended: number }>(
      em,
      `SELECT count(*) FILTER (WHERE tier = 'primary')::int AS primary,
              count(*) FILTER (WHERE tier = 'secondary')::int AS secondary,
              count(*) FILTER (WHERE suspended_at IS NOT NULL)::int AS suspended
         FROM dealer`,
    );
    const stock = await rows<{ sku_code: string; quantity: number }>(
      em,
      `SELECT s.code AS sku_code, count(*)::int AS quantity
         FROM license l JOIN sku s ON s.id = l.sku_id
        WHERE l.state = 'in_stock' AND l.owner_dealer_id IS NOT NULL
        GROUP BY s.code, s.kind, s.term_months ORDER BY s.kind, s.term_months, s.code`,
    );
    const [sales] = await rows<{ invoices: number; total: string }>(
      em,
      `SELECT count(*)::int AS invoices, COALESCE(sum(total), 0) AS total FROM invoice
        WHERE issuer_dealer_id IS NULL AND voided_at IS NULL AND issued_at >= $1 AND issued_at <= $2`,
      [monthStart, now],
    );
    const [unpaid] = await rows<{ count: number; amount_due: string; overdue: number }>(
      em,
      `SELECT count(*)::int AS count, COALESCE(sum(total - amount_paid), 0) AS amount_due,
              count(*) FILTER (WHERE due_at < $1)::int AS overdue
         FROM invoice WHERE issuer_dealer_id IS NULL AND voided_at IS NULL AND amount_paid < total`,
      [now],
    );
    const [jobs] = await rows<{ failed: number }>(
      em,
      `SELECT count(*)::int AS failed FROM job_run WHERE outcome = 'failed' AND started_at > $1`,
      [new Date(now.getTime() - WEEK_MS)],
    );
    return {
      dealers,
      stock: stock.map((s) => ({ skuCode: s.sku_code, quantity: s.quantity })),
      salesThisMonth: { invoices: sales.invoices, total: Number(sales.total) },
      unpaidInvoices: { count: unpaid.count, amountDue: Number(unpaid.amount_due), overdue: unpaid.overdue },
      failedJobRuns: jobs.failed,
    };
  }

  async dealer(id: string): Promise<DealerOverview> {
    const em = this.ds.manager;
    const now = this.clock.now();
    const [d] = await rows<DealerRow>(em, `SELECT * FROM dealer WHERE id = $1`, [id]);
    if (!d) throw AppError.notFound('Dealer');
    const [parent] = d.parent_dealer_id
      ? await rows<{ id: string; login_id: string; company_name: string; suspended_at: Date | null }>(
          em,
          `SELECT id, login_id, company_name, suspended_at FROM dealer WHERE id = $1`,
          [d.parent_dealer_id],
        )
      : [];
    const stock = await rows<{ sku_code: string; quantity: number }>(
      em,
      `SELECT s.code AS sku_code, count(*)::int AS quantity
         FROM license l JOIN sku s ON s.id = l.sku_id
        WHERE l.state = 'in_stock' AND l.owner_dealer_id = $1
        GROUP BY s.code, s.kind, s.term_months ORDER BY s.kind, s.term_months, s.code`,
      [id],
    );
    const [{ total }] = await rows<{ total: number }>(
      em,
      `SELECT count(*)::int AS total FROM customer WHERE dealer_id = $1`,
      [id],
    );
    const recent = await rows<{ id: string; name: string; license_count: number; created_at: Date }>(
      em,
      `SELECT c.id, c.name, c.created_at,
              (SELECT count(*)::int FROM license l
                WHERE l.customer_id = c.id AND l.state IN ('assigned', 'bound') AND l.ends_at > $2) AS license_count
         FROM customer c WHERE c.dealer_id = $1 ORDER BY c.created_at DESC, c.id LIMIT 10`,
      [id, now],
    );
    const secondaries = await rows<{ id: string; login_id: string; company_name: string }>(
      em,
      `SELECT id, login_id, company_name FROM dealer WHERE parent_dealer_id = $1 ORDER BY company_name, id`,
      [id],
    );
    const orders = await rows<{
      id: string;
      number: number;
      status: OrderStatus;
      total: string;
      created_at: Date;
    }>(
      em,
      `SELECT id, number, status, total, created_at FROM purchase_order
        WHERE buyer_dealer_id = $1 ORDER BY created_at DESC, id LIMIT 10`,
      [id],
    );
    return {
      dealer: dealerView(d),
      parent: parent
        ? {
            id: parent.id,
            loginId: parent.login_id,
            companyName: parent.company_name,
            suspendedAt: parent.suspended_at?.toISOString() ?? null,
          }
        : null,
      stock: stock.map((s) => ({ skuCode: s.sku_code, quantity: s.quantity })),
      customers: {
        total,
        recent: recent.map((c) => ({
          id: c.id,
          name: c.name,
          licenseCount: c.license_count,
          createdAt: c.created_at.toISOString(),
        })),
      },
      secondaryDealers: secondaries.map((s) => ({
        id: s.id,
        loginId: s.login_id,
        companyName: s.company_name,
      })),
      orders: orders.map((o) => ({
        id: o.id,
        number: o.number,
        status: o.status,
        total: Number(o.total),
        createdAt: o.created_at.toISOString(),
      })),
    };
  }
}
