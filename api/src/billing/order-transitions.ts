import type { OrderStatus } from '@lc/shared';

/** What may be done to an order (SPEC §6: submitted → confirmed → invoiced → paid/fulfilled). */
export type OrderAction = 'confirm' | 'invoice' | 'pay' | 'cancel';

/** Who acts: the supplier (a dealer, or the operator for primary dealers) or the buyer. */
export type OrderParty = 'supplier' | 'buyer';

/**
 * The order's transition table: from which statuses each party may take each action. The
 * supplier moves the order along; the buyer may only cancel an order nobody has confirmed yet.
 * (A payment moves an invoiced order to fulfilled once paid in full; a cancel with payments
 * recorded is refused by the service, which knows the amounts.)
 */
export const ORDER_TRANSITIONS: Readonly<
  Record<OrderAction, Readonly<Record<OrderParty, readonly OrderStatus[]>>>
> = {
  confirm: { supplier: ['submitted'], buyer: [] },
  invoice: { supplier: ['confirmed'], buyer: [] },
  pay: { supplier: ['invoiced'], buyer: [] },
  cancel: { supplier: ['submitted', 'confirmed', 'invoiced'], buyer: ['submitted'] },
};

/** Whether `party` may take `action` on an order that is `status`. */
export function mayTransition(action: OrderAction, party: OrderParty, status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[action][party].includes(status);
}
