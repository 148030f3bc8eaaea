import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listPortalMessages, markPortalMessageRead } from '../../../api/accounts';

export const PORTAL_MESSAGES_KEY = ['portal', 'messages'] as const;

/** The customer's messages, newest first (`GET /api/portal/messages`). */
export function usePortalMessages(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...PORTAL_MESSAGES_KEY, { page, pageSize }],
    queryFn: ({ signal }) => listPortalMessages({ page: page + 1, pageSize }, signal),
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
