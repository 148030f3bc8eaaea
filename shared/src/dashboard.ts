import type { InvoiceStatus, OrderStatus, StockItem } from './licenses.js';

/** An unpaid invoice on a home page (dealer: owed or owed to it; operator: owed to the operator). */
export interface DashboardInvoice {
  id: string;
  invoiceNumber: string;
  counterparty: string;
  total: number;
  amountDue: number;
  dueAt: string;
  status: InvoiceStatus;
}

/** `GET /api/dashboard`: the dealer's home. */
export interface DashboardView {
  stock: StockItem[];
  /** Valid licenses of the dealer's customers by the month (Asia/Tokyo) they end, this month and the next 11. */
  endingByMonth: Array<{ month: string; count: number }>;
  recentAssignments: Array<{
    id: string;
    customerId: string;
    customerName: string;
    skuCode: string;
    quantity: number;
    assignedAt: string;
    endsAt: string;
  }>;
  openOrders: Array<{
    id: string;
    number: number;
    status: OrderStatus;
    /** buyer: the dealer ordered it; supplier: one of its secondary dealers ordered from it. */
    role: 'buyer' | 'supplier';
    counterparty: string;
    total: number;
    createdAt: string;
  }>;
  unpaidInvoices: DashboardInvoice[];
  /** Invoices the dealer issued (to its secondary dealers) still unpaid. */
  receivables: DashboardInvoice[];
}
