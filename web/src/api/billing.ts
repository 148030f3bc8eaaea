import type { InvoiceStatus, InvoiceView, OrderStatus, OrderView, Page } from '@lc/shared';
import { apiRequest, apiResponse } from './client';

export interface OrderQuery {
  status?: OrderStatus;
  role?: 'buyer' | 'supplier';
  page?: number;
  pageSize?: number;
}

export interface InvoiceQuery {
  status?: InvoiceStatus;
  role?: 'issuer' | 'buyer';
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export type OrderAction = 'confirm' | 'invoice' | 'pay' | 'cancel';

export function listOrders(query: OrderQuery, signal?: AbortSignal): Promise<Page<OrderView>> {
  return apiRequest<Page<OrderView>>('/orders', { query: { ...query }, signal });
}

export function createOrder(
  lines: Array<{ skuCode: string; quantity: number }>,
  idempotencyKey: string,
): Promise<OrderView> {
  return apiRequest<OrderView>('/orders', {
    method: 'POST',
    body: { lines },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function orderAction(
  id: string,
  action: OrderAction,
  body: { amount?: number } = {},
): Promise<OrderView> {
  return apiRequest<OrderView>(`/orders/${encodeURIComponent(id)}/${action}`, { method: 'POST', body });
}

export function listInvoices(query: InvoiceQuery, signal?: AbortSignal): Promise<Page<InvoiceView>> {
  return apiRequest<Page<InvoiceView>>('/invoices', { query: { ...query }, signal });
}

export async function fetchInvoicePrint(id: string, lang: 'ja' | 'en'): Promise<string> {
  return (await apiResponse(`/invoices/${encodeURIComponent(id)}/print`, { query: { lang } })).text();
}

/** Invoices or their lines as CSV (the response, for `useCsvDownload`). */
export function exportInvoicesCsv(kind: 'invoices' | 'lines', query: InvoiceQuery): Promise<Response> {
  const path = kind === 'invoices' ? '/invoices/export.csv' : '/invoices/lines.csv';
  return apiResponse(path, { query: { ...query } });
}
