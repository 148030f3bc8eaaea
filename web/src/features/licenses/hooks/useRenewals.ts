import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { getRenewals, orderShortfall } from '../../../api/licenses';

/** The renewal pipeline for the next `withinDays` days (`GET /api/renewals`). */
export function useRenewals(withinDays: number) {
  return useQuery({
    queryKey: ['renewals', withinDays],
    queryFn: ({ signal }) => getRenewals(withinDays, signal),
    placeholderData: keepPreviousData,
  });
}

/** The order lines that would cover the shortfall (`POST /api/renewals/order-shortfall`). */
export function useOrderShortfall() {
  return useMutation({ mutationFn: (withinDays: number) => orderShortfall(withinDays) });
}
