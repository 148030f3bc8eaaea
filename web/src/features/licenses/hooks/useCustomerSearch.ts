import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchCustomers } from '../../../api/licenses';

/** The dealer's customers whose name or e-mail contains `search` (`GET /api/customers?search=`). */
export function useCustomerSearch(search: string) {
  const q = search.trim();
  return useQuery({
    queryKey: ['customers', 'search', q],
    queryFn: ({ signal }) => searchCustomers(q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}
