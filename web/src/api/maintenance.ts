import type {
  DeviceCommandView,
  DeviceView,
  MaintenanceContacts,
  MaintenanceCustomer,
  MaintenanceDeviceDetail,
  MaintenanceDeviceItem,
  MaintenanceLinkView,
  MaintenanceOperation,
  Page,
} from '@lc/shared';
import { apiRequest, apiResponse } from './client';

/** Filters of the dealer's monitoring list (`GET /api/maintenance/devices`). */
export interface MonitoringQuery {
  customerId?: string;
  q?: string;
  status?: string;
  lastSeenBefore?: string;
  lastSeenAfter?: string;
}

export function getMaintenanceContacts(signal?: AbortSignal): Promise<MaintenanceContacts> {
  return apiRequest('/dealers/me/maintenance-contacts', { signal });
}
export function putMaintenanceContacts(body: {
  emails: string[];
  phone?: string;
}): Promise<MaintenanceContacts> {
  return apiRequest('/dealers/me/maintenance-contacts', { method: 'PUT', body });
}

export function listMonitoredDevices(
  query: MonitoringQuery & { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<Page<MaintenanceDeviceItem>> {
  return apiRequest('/maintenance/devices/page', { query: { ...query }, signal });
}
export function exportMonitoredDevicesCsv(query: MonitoringQuery): Promise<Response> {
  return apiResponse('/maintenance/devices/export.csv', {
    query: { ...query },
    headers: { Accept: 'text/csv' },
  });
}
export function listMaintenanceCustomers(signal?: AbortSignal): Promise<MaintenanceCustomer[]> {
  return apiRequest('/maintenance/customers', { signal });
}
export function getMonitoredDevice(id: string, signal?: AbortSignal): Promise<MaintenanceDeviceDetail> {
  return apiRequest(`/maintenance/devices/${encodeURIComponent(id)}`, { signal });
}
export function listMaintenanceCommands(id: string, signal?: AbortSignal): Promise<DeviceCommandView[]> {
  return apiRequest(`/maintenance/devices/${encodeURIComponent(id)}/commands`, { signal });
}
export function queueMaintenanceCommand(
  id: string,
  body: { kind: MaintenanceOperation; at?: string; payload?: Record<string, unknown> },
): Promise<DeviceCommandView> {
  return apiRequest(`/maintenance/devices/${encodeURIComponent(id)}/commands`, { method: 'POST', body });
}
export function listMaintenanceLinks(signal?: AbortSignal): Promise<MaintenanceLinkView[]> {
  return apiRequest('/maintenance-links', { signal });
}
export function createMaintenanceLink(body: {
  dealerLoginId: string;
  dealerPhone: string;
  deviceIds?: string[];
}): Promise<MaintenanceLinkView> {
  return apiRequest('/maintenance-links', { method: 'POST', body });
}
export function deleteMaintenanceLink(id: string): Promise<void> {
  return apiRequest(`/maintenance-links/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
/** The signed-in customer's devices, for choosing which to link. */
export function listMyDevices(signal?: AbortSignal): Promise<DeviceView[]> {
  return apiRequest('/devices', { signal });
}
