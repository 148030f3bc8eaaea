import type { LicenseKind, OrderStatus } from '@lc/shared';

/** Rows and helpers the order services share (reading, the workflow, invoicing, fulfilment). */

export interface OrderRow {
  id: string;
  number: number;
  buyer_dealer_id: string;
  supplier_dealer_id: string | null;
  status: OrderStatus;
  subtotal: string;
  tax: string;
  total: string;
  amount_paid: string;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: Date;
  confirmed_at: Date | null;
  invoiced_at: Date | null;
  paid_at: Date | null;
  fulfilled_at: Date | null;
  cancelled_at: Date | null;
}

export interface OrderListRow extends OrderRow {
  buyer_login_id: string;
  buyer_company_name: string;
  buyer_tier: 'primary' | 'secondary';
  supplier_login_id: string | null;
  supplier_company_name: string | null;
  invoice_id: string | null;
  total_count: number;
}

export interface LineRow {
  order_id: string;
  line_no: number;
  sku_id: string;
  code: string;
  name_ja: string;
  name_en: string;
  kind: LicenseKind;
  term_months: number;
  quantity: number;
  unit_price: number;
  amount: string;
  tax_rate: number;
}

export const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;
