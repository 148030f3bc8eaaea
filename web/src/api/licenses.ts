import type {
  AssignmentHistoryItem,
  AssignmentPreview,
  AssignmentResult,
  CustomerLicense,
  CustomerView,
  EcSiteView,
  LicenseKind,
  LocalizedName,
  OrderStatus,
  Page,
  RenewalPipeline,
  SkuView,
  StockItem,
} from '@lc/shared';
import { apiRequest, apiResponse } from './client';

export interface CreateSkuBody {
  code: string;
  name: LocalizedName;
  kind: LicenseKind;
  termMonths: number;
  prices: { primary: number; secondary: number; list: number };
}

export interface UpdateSkuBody {
  prices?: { primary?: number; secondary?: number; list?: number };
  active?: boolean;
}

export interface AssignmentQuery {
  customerId?: string;
  skuCode?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface DashboardInvoice {
  id: string;
  invoiceNumber: string;
  counterparty: string;
  total: number;
  amountDue: number;
  dueAt: string;
  status: 'unpaid' | 'partially_paid' | 'overdue';
}

export interface DashboardView {
  stock: StockItem[];
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
    role: 'buyer' | 'supplier';
    counterparty: string;
    total: number;
    createdAt: string;
  }>;
  unpaidInvoices: DashboardInvoice[];
  receivables: DashboardInvoice[];
}

export function listSkus(signal?: AbortSignal): Promise<SkuView[]> {
  return apiRequest<SkuView[]>('/skus', { signal });
}

export function createSku(body: CreateSkuBody): Promise<SkuView> {
  return apiRequest<SkuView>('/skus', { method: 'POST', body });
}

export function updateSku(code: string, body: UpdateSkuBody): Promise<SkuView> {
  return apiRequest<SkuView>(`/skus/${encodeURIComponent(code)}`, { method: 'PATCH', body });
}

export function getStock(signal?: AbortSignal): Promise<StockItem[]> {
  return apiRequest<StockItem[]>('/stock', { signal });
}

export function searchCustomers(search: string, signal?: AbortSignal): Promise<Page<CustomerView>> {
  return apiRequest<Page<CustomerView>>('/customers', { query: { search, pageSize: 20 }, signal });
}

export function previewAssignment(body: {
  customerId: string;
  skuCode: string;
  quantity: number;
}): Promise<AssignmentPreview> {
  return apiRequest<AssignmentPreview>('/assignments/preview', { method: 'POST', body });
}

export function assignLicenses(
  body: { customerId: string; skuCode: string; quantity: number },
  idempotencyKey: string,
): Promise<AssignmentResult> {
  return apiRequest<AssignmentResult>('/assignments', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function listAssignments(
  query: AssignmentQuery,
  signal?: AbortSignal,
): Promise<Page<AssignmentHistoryItem>> {
  return apiRequest<Page<AssignmentHistoryItem>>('/assignments', { query: { ...query }, signal });
}

export async function exportAssignmentsCsv(query: AssignmentQuery): Promise<Blob> {
  return (await apiResponse('/assignments/export.csv', { query: { ...query } })).blob();
}

export function listCustomerLicenses(customerId: string, signal?: AbortSignal): Promise<CustomerLicense[]> {
  return apiRequest<CustomerLicense[]>(`/customers/${encodeURIComponent(customerId)}/licenses`, { signal });
}

export function getRenewals(withinDays: number, signal?: AbortSignal): Promise<RenewalPipeline> {
  return apiRequest<RenewalPipeline>('/renewals', { query: { withinDays }, signal });
}

export function orderShortfall(
  withinDays: number,
): Promise<{ lines: Array<{ skuCode: string; quantity: number }> }> {
  return apiRequest('/renewals/order-shortfall', { method: 'POST', body: { withinDays } });
}

export function getDashboard(signal?: AbortSignal): Promise<DashboardView> {
  return apiRequest<DashboardView>('/dashboard', { signal });
}

export function getEcSite(signal?: AbortSignal): Promise<EcSiteView> {
  return apiRequest<EcSiteView>('/dealers/me/ec-site', { signal });
}

export function setEcSiteDismissed(dismissed: boolean): Promise<void> {
  return apiRequest<void>('/dealers/me/ec-site/dismissed', { method: 'PUT', body: { dismissed } });
}
