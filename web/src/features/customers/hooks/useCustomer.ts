import { useQuery } from '@tanstack/react-query';
import { getCustomer } from '../../../api/accounts';
import { CUSTOMERS_KEY } from './useCustomers';

/** One customer of the dealer (`GET /api/customers/:id`). */
export function useCustomer(id: string) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'one', id],
    queryFn: ({ signal }) => getCustomer(id, signal),
  });
}
