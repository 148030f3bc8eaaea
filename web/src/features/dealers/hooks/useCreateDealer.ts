import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createDealer, type CreateDealerBody } from '../../../api/accounts';
import { DEALERS_KEY } from './useDealers';

/** Adds a dealer and invites its owner (`POST /api/dealers`). */
export function useCreateDealer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDealerBody) => createDealer(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEALERS_KEY }),
  });
}
