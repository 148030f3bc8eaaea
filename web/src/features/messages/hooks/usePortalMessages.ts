import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MessageCategory } from '@lc/shared';
import { listPortalMessages, markPortalMessageRead } from '../../../api/accounts';

export const PORTAL_MESSAGES_KEY = ['portal', 'messages'] as const;

/** The user's messages, newest first (`GET /api/portal/messages`), optionally of one category. */
export function usePortalMessages(page: number, pageSize: number, category?: MessageCategory) {
  return useQuery({
    queryKey: [...PORTAL_MESSAGES_KEY, { page, pageSize, category }],
    queryFn: ({ signal }) => listPortalMessages({ page: page + 1, pageSize, category }, signal),
    placeholderData: keepPreviousData,
  });
}

/** `POST /api/portal/messages/:id/read`. */
export function useMarkMessageRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => markPortalMessageRead(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: PORTAL_MESSAGES_KEY }),
  });
}
