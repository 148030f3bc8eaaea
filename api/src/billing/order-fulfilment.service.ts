import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, type OrderView } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { MailService } from '../common/mail/mail.service.js';
import { dealerContact } from '../licenses/contacts.js';
import type { SkuRow } from '../licenses/skus.service.js';
import { StockService } from '../licenses/stock.service.js';
import type { PayOrderDto } from './dto/order.dto.js';
import { yen, type OrderRow } from './order-rows.js';
import { OrderWorkflowService } from './order-workflow.service.js';
import { recordPayment } from './books.js';

/**
 * Payments and fulfilment (SPEC §6): the supplier records a payment against the order's invoice
 * (never more than is due); full payment fulfils in the same transaction — licenses are minted
 * (operator) or moved out of the supplier's stock (never below zero: short → 409, nothing paid).
 * Lock contract: `OrderWorkflowService` (the order row, then the invoice row).
 */
@Injectable()
export class OrderFulfilmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly stock: StockService,
    private readonly mail: MailService,
    private readonly workflow: OrderWorkflowService,
  ) {}

  async pay(user: AuthUser, id: string, dto: PayOrderDto): Promise<OrderView> {
    return this.ds.transaction(async (em) => {
      const o = await this.workflow.lockFor(em, user, id, 'pay');
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
      const { paid, full } = await recordPayment(
        em,
        { id: inv.id, total: Number(inv.total), amountPaid: Number(inv.amount_paid) },
        amount,
        now,
        user.actingUserId ?? user.id,
      );
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
      return this.workflow.moved(em, user, o, full ? 'fulfilled' : 'payment_recorded', {
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
}
