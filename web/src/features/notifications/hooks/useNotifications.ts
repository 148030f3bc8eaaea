import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationSettings } from '@lc/shared';
import {
  getNotificationSettings,
  listNotifications,
  putNotificationSettings,
  type NotificationQuery,
} from '../../../api/notifications';

export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const NOTIFICATION_SETTINGS_KEY = ['notification-settings'] as const;

/** A page of the e-mails the jobs sent about the dealer's licenses (`GET /api/notifications`). */
export function useNotifications(query: NotificationQuery) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, query],
    queryFn: ({ signal }) => listNotifications(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The signed-in member's own opt-in to license reminders and notices. */
export function useNotificationSettings() {
  return useQuery({
    queryKey: NOTIFICATION_SETTINGS_KEY,
    queryFn: ({ signal }) => getNotificationSettings(signal),
  });
}

export function useUpdateNotificationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettings) => putNotificationSettings(body),
    onSuccess: (data) => qc.setQueryData(NOTIFICATION_SETTINGS_KEY, data),
  });
}
