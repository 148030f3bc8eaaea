import type {
  AlarmView,
  AnnouncementAudience,
  AnnouncementView,
  BulkCommandKind,
  BulkCommandResult,
  EventNotificationSettings,
  HelpInfo,
  Page,
  TermsStatus,
} from '@lc/shared';
import { apiRequest } from './client';

// Event notification settings (`GET/PUT /api/event-notifications`).
export function getEventNotifications(signal?: AbortSignal): Promise<EventNotificationSettings> {
  return apiRequest<EventNotificationSettings>('/event-notifications', { signal });
}
export function putEventNotifications(body: EventNotificationSettings): Promise<EventNotificationSettings> {
  return apiRequest<EventNotificationSettings>('/event-notifications', { method: 'PUT', body });
}

/** The header bell: the latest 10 alarms. */
export function listAlarms(signal?: AbortSignal): Promise<AlarmView[]> {
  return apiRequest<AlarmView[]>('/events/alarms', { signal });
}

// Announcements (operator).
export interface NewAnnouncement {
  title: { ja: string; en: string };
  body: { ja: string; en: string };
  audience: AnnouncementAudience;
  publishAt?: string;
}
export function createAnnouncement(body: NewAnnouncement): Promise<{ id: string }> {
  return apiRequest<{ id: string }>('/announcements', { method: 'POST', body });
}
export function listAnnouncements(
  query: { page?: number; pageSize?: number },
  signal?: AbortSignal,
): Promise<Page<AnnouncementView>> {
  return apiRequest<Page<AnnouncementView>>('/announcements', { query, signal });
}

// Help, contract holder, terms of use.
export function getHelp(signal?: AbortSignal): Promise<HelpInfo> {
  return apiRequest<HelpInfo>('/help', { signal });
}
export function renameContractHolder(name: string): Promise<{ name: string }> {
  return apiRequest<{ name: string }>('/portal/contract-holder', { method: 'PUT', body: { name } });
}
export function getTerms(signal?: AbortSignal): Promise<TermsStatus> {
  return apiRequest<TermsStatus>('/terms', { signal });
}
export function acceptTerms(version: string): Promise<TermsStatus> {
  return apiRequest<TermsStatus>('/terms/accept', { method: 'POST', body: { version } });
}

// Bulk operations on recorders.
export interface BulkCommand {
  deviceIds: string[];
  kind: BulkCommandKind;
  at?: string;
  payload?: { enabled?: boolean; intervalMinutes?: number; version?: string };
}
export function runBulkCommand(body: BulkCommand): Promise<{ results: BulkCommandResult[] }> {
  return apiRequest<{ results: BulkCommandResult[] }>('/devices/bulk-commands', { method: 'POST', body });
}
