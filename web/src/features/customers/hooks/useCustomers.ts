import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listCustomers, type CustomerListQuery } from '../../../api/accounts';

export const CUSTOMERS_KEY = ['customers'] as const;

/** A server-side sorted page of the dealer's customers (`GET /api/customers`). */
export function useCustomers(query: CustomerListQuery) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'list', query],
    queryFn: ({ signal }) => listCustomers(query, signal),
    placeholderData: keepPreviousData,
  });
}
