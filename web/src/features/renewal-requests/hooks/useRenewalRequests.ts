import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RenewalRequestStatus } from '@lc/shared';
import {
  createRenewalRequest,
  handleRenewalRequest,
  listRenewalRequests,
} from '../../../api/renewalRequests';

const KEY = ['renewal-requests'] as const;

/** The customer's own requests, or the dealer's customers' requests (`status` narrows). */
export function useRenewalRequests(status?: RenewalRequestStatus) {
  return useQuery({
    queryKey: [...KEY, status ?? 'all'],
    queryFn: ({ signal }) => listRenewalRequests(status, signal),
  });
}

export function useCreateRenewalRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createRenewalRequest,
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useHandleRenewalRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: handleRenewalRequest,
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
