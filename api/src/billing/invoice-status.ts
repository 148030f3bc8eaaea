import type { InvoiceStatus } from '@lc/shared';

export interface InvoiceState {
  total: number;
  amountPaid: number;
  dueAt: Date;
  voidedAt: Date | null;
}

/**
 * An invoice's status, derived (never stored): void once its order was cancelled; paid when
 * paid in full; overdue when money is still due after the due date; otherwise partially paid
 * or unpaid.
 */
export function invoiceStatus(inv: InvoiceState, now: Date): InvoiceStatus {
  if (inv.voidedAt) return 'void';
  if (inv.amountPaid >= inv.total) return 'paid';
  if (now.getTime() > inv.dueAt.getTime()) return 'overdue';
  return inv.amountPaid > 0 ? 'partially_paid' : 'unpaid';
}
