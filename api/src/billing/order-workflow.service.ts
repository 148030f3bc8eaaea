import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, type OrderView } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { MailService } from '../common/mail/mail.service.js';
import { dealerContact } from '../licenses/contacts.js';
import { orderUpdatedEvent } from '../integrations/events.js';
import { mayTransition, type OrderAction } from './order-transitions.js';
import { yen, type OrderRow } from './order-rows.js';
import { OrdersService } from './orders.service.js';
import { voidInvoiceOf } from './books.js';

/**
 * The supplier's steps on an order (SPEC §6), and the two helpers every step uses.
 *
 * Lock contract: every transition starts with `lockFor` inside the step's one transaction — it
 * locks the order row (`FOR UPDATE`) and checks who may act and that the transition table
 * (`order-transitions.ts`) allows it — so two supplier actions at once cannot both move it; it
 * ends with `moved`, which audits the step and writes the `order.updated` webhook event in the
 * same transaction. Invoicing is `OrderInvoicingService`, payment and fulfilment
 * `OrderFulfilmentService`.
 */
@Injectable()
export class OrderWorkflowService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly orders: OrdersService,
  ) {}

  /**
   * Locks the order for a transition. Unknown and others' orders are a 404; a party that may
   * see it but not act (the buyer, staff members) a 403; a wrong state a 409.
   */
  async lockFor(em: EntityManager, user: AuthUser, id: string, action: OrderAction): Promise<OrderRow> {
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

  async moved(
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
    return this.orders.view(em, o.id);
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
      await voidInvoiceOf(em, o.id, now);
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
