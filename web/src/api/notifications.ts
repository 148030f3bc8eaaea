import type { NotificationKind, NotificationSettings, NotificationView, Page } from '@lc/shared';
import { apiRequest, apiResponse } from './client';

// Notifications the jobs sent about the dealer's licenses (reminders, lapse, auto-assignment).
export interface NotificationQuery {
  kind?: NotificationKind;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}
export function listNotifications(
  query: NotificationQuery,
  signal?: AbortSignal,
): Promise<Page<NotificationView>> {
  return apiRequest<Page<NotificationView>>('/notifications', { query: { ...query }, signal });
}
export function exportNotificationsCsv(query: NotificationQuery): Promise<Response> {
  return apiResponse('/notifications/export.csv', { query: { ...query }, headers: { Accept: 'text/csv' } });
}
export function getNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return apiRequest<NotificationSettings>('/notifications/settings', { signal });
}
export function putNotificationSettings(body: NotificationSettings): Promise<NotificationSettings> {
  return apiRequest<NotificationSettings>('/notifications/settings', { method: 'PUT', body });
}
