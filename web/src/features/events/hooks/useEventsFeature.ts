import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventNotificationSettings } from '@lc/shared';
import {
  acceptTerms,
  createAnnouncement,
  getEventNotifications,
  getHelp,
  getTerms,
  listAlarms,
  listAnnouncements,
  putEventNotifications,
  renameContractHolder,
  runBulkCommand,
  type BulkCommand,
  type NewAnnouncement,
} from '../../../api/events';
import { listPortalMessages } from '../../../api/accounts';
import { ME_KEY } from '../../auth/sessionContext';
import { PORTAL_MESSAGES_KEY } from '../../messages/hooks/usePortalMessages';

const KEY = ['events-feature'] as const;

export function useEventNotifications() {
  return useQuery({ queryKey: [...KEY, 'settings'], queryFn: ({ signal }) => getEventNotifications(signal) });
}

export function useSaveEventNotifications() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: EventNotificationSettings) => putEventNotifications(s),
    onSuccess: (data) => qc.setQueryData([...KEY, 'settings'], data),
  });
}

/** The header bell: polled every 30 s while the page is open. */
export function useAlarms(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'alarms'],
    queryFn: ({ signal }) => listAlarms(signal),
    enabled,
    refetchInterval: 30_000,
  });
}

export function useAnnouncements(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'announcements', { page, pageSize }],
    queryFn: ({ signal }) => listAnnouncements({ page: page + 1, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateAnnouncement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: NewAnnouncement) => createAnnouncement(a),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'announcements'] }),
  });
}

export function useHelp() {
  return useQuery({ queryKey: [...KEY, 'help'], queryFn: ({ signal }) => getHelp(signal) });
}

export function useRenameContractHolder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => renameContractHolder(name),
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  });
}

export function useTerms(enabled: boolean) {
  return useQuery({ queryKey: [...KEY, 'terms'], queryFn: ({ signal }) => getTerms(signal), enabled });
}

export function useAcceptTerms() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: string) => acceptTerms(version),
    onSuccess: (data) => qc.setQueryData([...KEY, 'terms'], data),
  });
}

export function useBulkCommand() {
  return useMutation({ mutationFn: (c: BulkCommand) => runBulkCommand(c) });
}

/** The unread count for the header badge (one item fetched; the count comes with it). */
export function useUnreadMessages(enabled: boolean) {
  return useQuery({
    queryKey: [...PORTAL_MESSAGES_KEY, 'unread'],
    queryFn: async ({ signal }) => (await listPortalMessages({ page: 1, pageSize: 1 }, signal)).unread,
    enabled,
    refetchInterval: 60_000,
  });
}
