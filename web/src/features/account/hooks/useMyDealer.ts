import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DealerView } from '@lc/shared';
import { getMyDealer, updateMyDealer } from '../../../api/accounts';

export const MY_DEALER_KEY = ['dealers', 'me'] as const;

/** The signed-in dealer's profile (`GET /api/dealers/me`). */
export function useMyDealer() {
  return useQuery({ queryKey: MY_DEALER_KEY, queryFn: ({ signal }) => getMyDealer(signal) });
}

/** `PATCH /api/dealers/me`. */
export function useUpdateMyDealer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<DealerView>) => updateMyDealer(body),
    onSuccess: (d) => queryClient.setQueryData(MY_DEALER_KEY, d),
  });
}
