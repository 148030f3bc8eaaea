import type { EntityManager } from 'typeorm';
import { STANDARD_TAX_RATE } from '@lc/shared';
import { rows } from '../common/database/database.js';
import type { SkuRow } from '../licenses/skus.service.js';
import { computeTax, type TaxSummary } from './tax.js';

/**
 * The one writer of the books: order lines, invoices, their lines, the invoice counters and the
 * payments (SPEC §6). The console's order steps (`OrdersService`, `OrderInvoicingService`,
 * `OrderFulfilmentService`) and the EC shop's paid sale (`EcService`) book through these
 * functions, inside their caller's transaction; the order's status changes stay with the
 * workflow services.
 */

/** One line as booked: the SKU, the quantity and the buyer's tier price. */
export interface PricedLine {
  sku: Pick<SkuRow, 'id' | 'code' | 'name_ja' | 'name_en'>;
  quantity: number;
  unitPrice: number;
  amount: number;
}

/** A buyer pays its tier's price: primary dealers the primary price, secondary ones the secondary. */
export function priceLines(
  tier: 'primary' | 'secondary',
  lines: Array<{ sku: SkuRow; quantity: number }>,
): { lines: PricedLine[]; sum: TaxSummary } {
  const priced = lines.map(({ sku, quantity }) => {
    const unitPrice = tier === 'primary' ? sku.price_primary : sku.price_secondary;
    return { sku, quantity, unitPrice, amount: unitPrice * quantity };
  });
  return {
    lines: priced,
    sum: computeTax(priced.map((l) => ({ amount: l.amount, rate: STANDARD_TAX_RATE }))),
  };
}

/**
 * A purchase order and its lines. `settled`: a sale already paid and delivered (the EC shop):
 * the order is `fulfilled` with every step at `now`; otherwise it is `submitted`.
 */
export async function insertOrder(
  em: EntityManager,
  o: {
    buyerDealerId: string;
    supplierDealerId: string | null;
    lines: PricedLine[];
    sum: TaxSummary;
    now: Date;
    settled?: boolean;
    idempotencyKey?: string | null;
    requestHash?: string | null;
    createdByUserId?: string | null;
  },
): Promise<{ id: string; number: number }> {
  const at = o.settled ? o.now : null;
  const [order] = await rows<{ id: string; number: number }>(
    em,
    `INSERT INTO purchase_order (buyer_dealer_id, supplier_dealer_id, status, subtotal, tax, total, amount_paid,
                                 idempotency_key, request_hash, created_by_user_id, created_at, updated_at,
                                 confirmed_at, invoiced_at, paid_at, fulfilled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $12, $12, $12) RETURNING id, number`,
    [
      o.buyerDealerId,
      o.supplierDealerId,
      o.settled ? 'fulfilled' : 'submitted',
      o.sum.subtotal,
      o.sum.tax,
      o.sum.total,
      o.settled ? o.sum.total : 0,
      o.idempotencyKey ?? null,
      o.requestHash ?? null,
      o.createdByUserId ?? null,
      o.now,
      at,
    ],
  );
  for (const [i, l] of o.lines.entries()) {
    await em.query(
      `INSERT INTO purchase_order_line (order_id, line_no, sku_id, quantity, unit_price, amount, tax_rate)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [order.id, i + 1, l.sku.id, l.quantity, l.unitPrice, l.amount, STANDARD_TAX_RATE],
    );
  }
  return order;
}

/** An invoice line as printed (the SKU's code and names at the time of issue). */
export interface InvoiceLineIn {
  lineNo: number;
  code: string;
  nameJa: string;
  nameEn: string;
  quantity: number;
  unitPrice: number | string;
  amount: number | string;
  taxRate: number;
}

/**
 * Issues the invoice of an order, numbered gap-free per issuer (the operator when
 * `issuerDealerId` is null): the counter row stays locked until the caller's transaction ends,
 * and a rollback takes its number back with it.
 */
export async function issueInvoice(
  em: EntityManager,
  inv: {
    issuerDealerId: string | null;
    orderId: string;
    buyerDealerId: string;
    issuerName: string;
    registrationNumber: string | null;
    buyerName: string;
    issuedAt: Date;
    dueAt: Date;
    sum: TaxSummary;
    lines: InvoiceLineIn[];
  },
): Promise<{ id: string; number: number }> {
  const [{ last_number: number }] = await rows<{ last_number: number }>(
    em,
    `INSERT INTO invoice_counter (issuer_key, last_number) VALUES ($1, 1)
     ON CONFLICT (issuer_key) DO UPDATE SET last_number = invoice_counter.last_number + 1
     RETURNING last_number`,
    [inv.issuerDealerId ?? 'operator'],
  );
  const [{ id }] = await rows<{ id: string }>(
    em,
    `INSERT INTO invoice (issuer_dealer_id, number, order_id, buyer_dealer_id, issuer_name,
                          issuer_registration_number, buyer_name, issued_at, due_at, subtotal, taxes, tax,
                          total, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $8) RETURNING id`,
    [
      inv.issuerDealerId,
      number,
      inv.orderId,
      inv.buyerDealerId,
      inv.issuerName,
      inv.registrationNumber,
      inv.buyerName,
      inv.issuedAt,
      inv.dueAt,
      inv.sum.subtotal,
      JSON.stringify(inv.sum.taxes),
      inv.sum.tax,
      inv.sum.total,
    ],
  );
  for (const l of inv.lines) {
    await em.query(
      `INSERT INTO invoice_line (invoice_id, line_no, sku_code, description_ja, description_en, quantity,
                                 unit_price, amount, tax_rate)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, l.lineNo, l.code, l.nameJa, l.nameEn, l.quantity, l.unitPrice, l.amount, l.taxRate],
    );
  }
  return { id, number };
}

/**
 * Records a payment against an invoice the caller has locked (or just issued): a payment row
 * (none for 0 yen) and the invoice's paid amount, `paid_at` once it is paid in full. The caller
 * has checked that `amount` does not exceed what is due.
 */
export async function recordPayment(
  em: EntityManager,
  invoice: { id: string; total: number; amountPaid: number },
  amount: number,
  now: Date,
  recordedByUserId: string | null,
): Promise<{ paid: number; full: boolean }> {
  const paid = invoice.amountPaid + amount;
  const full = paid === invoice.total;
  if (amount > 0) {
    await em.query(
      `INSERT INTO invoice_payment (invoice_id, amount, paid_at, recorded_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $3)`,
      [invoice.id, amount, now, recordedByUserId],
    );
  }
  await em.query(`UPDATE invoice SET amount_paid = $2, paid_at = $3 WHERE id = $1`, [
    invoice.id,
    paid,
    full ? now : null,
  ]);
  return { paid, full };
}

/** A cancelled order's invoice (if it has one) is voided, never deleted: its number stays used. */
export async function voidInvoiceOf(em: EntityManager, orderId: string, now: Date): Promise<void> {
  await em.query(`UPDATE invoice SET voided_at = $2 WHERE order_id = $1`, [orderId, now]);
}
