import type {
  AuditEntryView,
  CustomerSort,
  CustomerView,
  DeactivationImpact,
  DeactivationReason,
  DealerListItem,
  DealerTier,
  DealerView,
  Language,
  LoginResponse,
  MemberRole,
  MemberView,
  Page,
  PortalMessageView,
  MessageCategory,
  ProxySessionCreated,
  SortOrder,
} from '@lc/shared';
import { apiRequest, apiResponse } from './client';

// Public account pages (no session).
export function acceptInvitation(body: { token: string; password: string }): Promise<void> {
  return apiRequest<void>('/auth/accept-invitation', { method: 'POST', body, anonymous: true });
}
export function setPassword(body: { token: string; password: string }): Promise<void> {
  return apiRequest<void>('/auth/set-password', { method: 'POST', body, anonymous: true });
}
export function forgotPassword(body: { email: string }): Promise<void> {
  return apiRequest<void>('/auth/forgot-password', { method: 'POST', body, anonymous: true });
}
export function resetPassword(
  body: { token: string; password: string } | { email: string; code: string; password: string },
): Promise<void> {
  return apiRequest<void>('/auth/reset-password', { method: 'POST', body, anonymous: true });
}
export function confirmEmail(body: { token: string }): Promise<void> {
  return apiRequest<void>('/auth/confirm-email', { method: 'POST', body, anonymous: true });
}
export function changeEmail(body: { password: string; newEmail: string }): Promise<void> {
  return apiRequest<void>('/auth/change-email', { method: 'POST', body });
}

// Dealers.
export interface CreateDealerBody {
  loginId: string;
  companyName: string;
  email: string;
  phone: string;
  tier: DealerTier;
}
export function createDealer(body: CreateDealerBody): Promise<{ id: string }> {
  return apiRequest<{ id: string }>('/dealers', { method: 'POST', body });
}
export function listDealers(
  query: { search?: string; page?: number; pageSize?: number },
  signal?: AbortSignal,
): Promise<Page<DealerListItem>> {
  return apiRequest<Page<DealerListItem>>('/dealers', { query, signal });
}
export function getMyDealer(signal?: AbortSignal): Promise<DealerView> {
  return apiRequest<DealerView>('/dealers/me', { signal });
}
export function updateMyDealer(body: Partial<DealerView>): Promise<DealerView> {
  return apiRequest<DealerView>('/dealers/me', { method: 'PATCH', body });
}

// Members.
export function listMembers(signal?: AbortSignal): Promise<MemberView[]> {
  return apiRequest<MemberView[]>('/dealers/me/members', { signal });
}
export function inviteMember(body: { name: string; email: string; role: MemberRole }): Promise<MemberView> {
  return apiRequest<MemberView>('/dealers/me/members', { method: 'POST', body });
}
export function changeMemberRole(id: string, role: MemberRole): Promise<MemberView> {
  return apiRequest<MemberView>(`/dealers/me/members/${id}`, { method: 'PATCH', body: { role } });
}
export function removeMember(id: string): Promise<void> {
  return apiRequest<void>(`/dealers/me/members/${id}`, { method: 'DELETE' });
}

// Customers.
export interface CustomerListQuery {
  search?: string;
  page?: number;
  pageSize?: number;
  sort?: CustomerSort;
  order?: SortOrder;
}
export interface CreateCustomerBody {
  name: string;
  email: string;
  language: Language;
  timeZone: string;
  temporaryPassword?: string;
}
export function listCustomers(query: CustomerListQuery, signal?: AbortSignal): Promise<Page<CustomerView>> {
  return apiRequest<Page<CustomerView>>('/customers', { query: { ...query }, signal });
}
export function exportCustomersCsv(query: CustomerListQuery): Promise<Response> {
  return apiResponse('/customers/export.csv', { query: { ...query }, headers: { Accept: 'text/csv' } });
}
export function createCustomer(body: CreateCustomerBody): Promise<{ id: string; email: string }> {
  return apiRequest<{ id: string; email: string }>('/customers', { method: 'POST', body });
}
export function getCustomer(id: string, signal?: AbortSignal): Promise<CustomerView> {
  return apiRequest<CustomerView>(`/customers/${id}`, { signal });
}
export function updateCustomer(id: string, body: { email?: string; name?: string }): Promise<CustomerView> {
  return apiRequest<CustomerView>(`/customers/${id}`, { method: 'PATCH', body });
}
export function answerHandover(reset: boolean): Promise<{ handoverPending: boolean }> {
  return apiRequest<{ handoverPending: boolean }>('/customers/me/handover', {
    method: 'POST',
    body: { reset },
  });
}

// Proxy sessions.
export type ProxySessionOpened = ProxySessionCreated & Pick<LoginResponse, 'user'>;
export function openProxySession(body: {
  customerId: string;
  reason: string;
  minutes: number;
}): Promise<ProxySessionOpened> {
  return apiRequest<ProxySessionOpened>('/proxy-sessions', { method: 'POST', body });
}
export function closeProxySession(): Promise<void> {
  return apiRequest<void>('/proxy-sessions/current', { method: 'DELETE' });
}

// Audit log.
export interface AuditQuery {
  action?: string;
  from?: string;
  to?: string;
  customerId?: string;
  page?: number;
  pageSize?: number;
}
export function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEntryView>> {
  return apiRequest<Page<AuditEntryView>>('/audit', { query: { ...query }, signal });
}
export function exportAuditCsv(query: AuditQuery): Promise<Response> {
  return apiResponse('/audit/export.csv', { query: { ...query }, headers: { Accept: 'text/csv' } });
}

// Portal messages.
export interface PortalMessagePage extends Page<PortalMessageView> {
  unread: number;
}
export function listPortalMessages(
  query: { page?: number; pageSize?: number; category?: MessageCategory },
  signal?: AbortSignal,
): Promise<PortalMessagePage> {
  return apiRequest<PortalMessagePage>('/portal/messages', { query, signal });
}
export function markPortalMessageRead(id: string): Promise<void> {
  return apiRequest<void>(`/portal/messages/${id}/read`, { method: 'POST' });
}

// Customer account deactivation.
export function getDeactivationImpact(): Promise<DeactivationImpact> {
  return apiRequest<DeactivationImpact>('/account/deactivation-impact');
}
export function deactivateAccount(body: {
  password: string;
  reasons?: DeactivationReason[];
  comment?: string;
}): Promise<void> {
  return apiRequest<void>('/account/deactivate', { method: 'POST', body });
}
