import type {
  CameraView,
  ConnectionEventKind,
  ConnectionEventView,
  DeletionImpact,
  DeviceCommandKind,
  DeviceCommandView,
  DeviceEventView,
  DeviceLogKind,
  DeviceLogView,
  DeviceView,
  Page,
} from '@lc/shared';
import { apiRequest, apiResponse } from './client';

/** `?customerId=` lets a dealer read one of its customers' devices; a customer omits it. */
export interface CustomerScope {
  customerId?: string;
}

export function listDevices(scope: CustomerScope, signal?: AbortSignal): Promise<DeviceView[]> {
  return apiRequest<DeviceView[]>('/devices', { query: { customerId: scope.customerId }, signal });
}

export function getDevice(id: string, scope: CustomerScope, signal?: AbortSignal): Promise<DeviceView> {
  return apiRequest<DeviceView>(`/devices/${id}`, { query: { customerId: scope.customerId }, signal });
}

export function getCamera(id: string, scope: CustomerScope, signal?: AbortSignal): Promise<CameraView> {
  return apiRequest<CameraView>(`/cameras/${id}`, { query: { customerId: scope.customerId }, signal });
}

export function updateCamera(
  id: string,
  body: { name?: string; doNotLicense?: boolean },
): Promise<CameraView> {
  return apiRequest<CameraView>(`/cameras/${id}`, { method: 'PATCH', body });
}

export interface TransferBody {
  toCameraId: string;
  doNotLicenseSource?: boolean;
  reason?: string;
}

export function transferLicense(
  licenseId: string,
  body: TransferBody,
): Promise<{ id: string; endsAt: string }> {
  return apiRequest<{ id: string; endsAt: string }>(`/licenses/${licenseId}/transfer`, {
    method: 'POST',
    body,
  });
}

export function getDeletionImpact(id: string, signal?: AbortSignal): Promise<DeletionImpact> {
  return apiRequest<DeletionImpact>(`/devices/${id}/deletion-impact`, { signal });
}

export function deleteDevice(id: string, password: string): Promise<DeletionImpact> {
  return apiRequest<DeletionImpact>(`/devices/${id}`, { method: 'DELETE', body: { password } });
}

export interface ExchangeBody {
  serial: string;
  model: string;
  mac: string;
  firmware: string;
}

export interface ExchangeResult {
  deviceId: string;
  credential: string;
  cameras: Array<{ id: string; channel: number }>;
  replacedDeviceId: string;
  movedLicenses: number;
}

export function exchangeDevice(id: string, body: ExchangeBody): Promise<ExchangeResult> {
  return apiRequest<ExchangeResult>(`/devices/${id}/exchange`, { method: 'POST', body });
}

export interface CommandBody {
  kind: DeviceCommandKind;
  at?: string;
  payload?: Record<string, unknown>;
}

export function createCommand(deviceId: string, body: CommandBody): Promise<DeviceCommandView> {
  return apiRequest<DeviceCommandView>(`/devices/${deviceId}/commands`, { method: 'POST', body });
}

/** Cancels the pending firmware-update reservation (404 500204 when none, 409 500203 once started). */
export function cancelFirmwareReservation(deviceId: string): Promise<DeviceCommandView> {
  return apiRequest<DeviceCommandView>(`/devices/${deviceId}/firmware-reservation`, { method: 'DELETE' });
}

export function listCommands(deviceId: string, signal?: AbortSignal): Promise<DeviceCommandView[]> {
  return apiRequest<DeviceCommandView[]>(`/devices/${deviceId}/commands`, { signal });
}

// Connection history, logs and events (customer; dealer with its customer's id).

export interface ConnectionHistoryQuery extends CustomerScope {
  /** Part of the device name or serial (customer-wide list only). */
  q?: string;
  kind?: ConnectionEventKind;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/**
 * Where one device's telemetry (connection history, logs) is read: `/devices` for its customer and dealer,
 * `/maintenance/devices` for a dealer maintaining it.
 */
export type DeviceTelemetryBase = '/devices' | '/maintenance/devices';

const historyPath = (deviceId: string | undefined, base: DeviceTelemetryBase) =>
  deviceId ? `${base}/${deviceId}/connection-history` : '/connection-history';

export function listConnectionHistory(
  deviceId: string | undefined,
  query: ConnectionHistoryQuery,
  signal?: AbortSignal,
  base: DeviceTelemetryBase = '/devices',
): Promise<Page<ConnectionEventView>> {
  return apiRequest<Page<ConnectionEventView>>(historyPath(deviceId, base), { query: { ...query }, signal });
}

/** Every matching entry as CSV (the response, for `saveDownload`). */
export function exportConnectionHistoryCsv(
  deviceId: string | undefined,
  query: ConnectionHistoryQuery,
  base: DeviceTelemetryBase = '/devices',
): Promise<Response> {
  const { page: _page, pageSize: _size, ...rest } = query;
  return apiResponse(historyPath(deviceId, base), { query: { ...rest, format: 'csv' } });
}

export interface DeviceLogQuery extends CustomerScope {
  kind?: DeviceLogKind;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export function listDeviceLogs(
  deviceId: string,
  query: DeviceLogQuery,
  signal?: AbortSignal,
  base: DeviceTelemetryBase = '/devices',
): Promise<Page<DeviceLogView>> {
  return apiRequest<Page<DeviceLogView>>(`${base}/${deviceId}/logs`, { query: { ...query }, signal });
}

export function exportDeviceLogsCsv(
  deviceId: string,
  query: DeviceLogQuery,
  base: DeviceTelemetryBase = '/devices',
): Promise<Response> {
  const { page: _page, pageSize: _size, ...rest } = query;
  return apiResponse(`${base}/${deviceId}/logs`, { query: { ...rest, format: 'csv' } });
}

export interface EventQuery extends CustomerScope {
  deviceId?: string;
  /** Several devices, comma-separated. */
  deviceIds?: string;
  type?: string;
  /** Several types, comma-separated. */
  types?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface EventSearchPage extends Page<DeviceEventView> {
  /** More than the 1000 shown matched. */
  truncated: boolean;
}

export function searchEvents(query: EventQuery, signal?: AbortSignal): Promise<EventSearchPage> {
  return apiRequest<EventSearchPage>('/events', { query: { ...query }, signal });
}
