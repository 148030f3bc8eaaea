import type {
  AssignmentHistoryItem,
  AssignmentPreview,
  AssignmentResult,
  CustomerLicense,
  CustomerView,
  DashboardView,
  EcSiteView,
  LicenseKind,
  LocalizedName,
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

/** The assignment history as CSV (the response, for `useCsvDownload`). */
export function exportAssignmentsCsv(query: AssignmentQuery): Promise<Response> {
  return apiResponse('/assignments/export.csv', { query: { ...query } });
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
