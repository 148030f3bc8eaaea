import { describe, expect, it } from '@jest/globals';
import type { InvoiceStatus } from '@lc/shared';
import { invoiceStatus } from './invoice-status.js';

const DUE = new Date('2027-02-28T14:59:59.999Z');
const BEFORE = new Date('2027-02-28T14:59:59.999Z');
const AFTER = new Date('2027-02-28T15:00:00.000Z');

describe('invoiceStatus', () => {
  const cases: Array<[string, number, number, Date | null, Date, InvoiceStatus]> = [
    ['nothing paid, not yet due', 1000, 0, null, BEFORE, 'unpaid'],
    ['partly paid, not yet due', 1000, 400, null, BEFORE, 'partially_paid'],
    ['paid in full', 1000, 1000, null, BEFORE, 'paid'],
    ['paid in full stays paid after the due date', 1000, 1000, null, AFTER, 'paid'],
    ['nothing paid after the due date', 1000, 0, null, AFTER, 'overdue'],
    ['partly paid after the due date', 1000, 999, null, AFTER, 'overdue'],
    ['a zero invoice is paid', 0, 0, null, AFTER, 'paid'],
    ['void wins', 1000, 0, new Date('2027-01-01T00:00:00Z'), AFTER, 'void'],
  ];
  it.each(cases)('%s', (_label, total, amountPaid, voidedAt, now, expected) => {
    expect(invoiceStatus({ total, amountPaid, dueAt: DUE, voidedAt }, now)).toBe(expected);
  });
});
