import type { DealerView } from './account-views.js';
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

/** `GET /api/operator/overview`: the operator's home figures. */
export interface OperatorOverview {
  /** `suspended`: dealers the operator has suspended (counted also in their tier). */
  dealers: { primary: number; secondary: number; suspended: number };
  /** Licenses in every dealer's stock, per SKU (SKUs with none left out). */
  stock: Array<{ skuCode: string; quantity: number }>;
  /** Invoices the operator issued this month (Asia/Tokyo), voided ones left out: count and total in yen. */
  salesThisMonth: { invoices: number; total: number };
  /** Operator invoices not yet paid in full. */
  unpaidInvoices: { count: number; amountDue: number; overdue: number };
  /** Job runs that failed in the last 7 days. */
  failedJobRuns: number;
}

/** `GET /api/operator/dealers/:id`: one dealer at a glance for the operator. */
export interface DealerOverview {
  dealer: DealerView;
  /** `suspendedAt`: the parent's suspension (a secondary dealer is not suspended with it). */
  parent: { id: string; loginId: string; companyName: string; suspendedAt: string | null } | null;
  stock: Array<{ skuCode: string; quantity: number }>;
  customers: {
    total: number;
    recent: Array<{ id: string; name: string; licenseCount: number; createdAt: string }>;
  };
  secondaryDealers: Array<{ id: string; loginId: string; companyName: string }>;
  orders: Array<{ id: string; number: number; status: OrderStatus; total: number; createdAt: string }>;
}
