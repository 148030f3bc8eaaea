import { useQuery } from '@tanstack/react-query';
import { listCustomerLicenses } from '../../../api/licenses';

/** A customer's licenses with their effective state (`GET /api/customers/:id/licenses`). */
export function useCustomerLicenses(customerId: string | null | undefined) {
  return useQuery({
    queryKey: ['customer-licenses', customerId],
    queryFn: ({ signal }) => listCustomerLicenses(customerId!, signal),
    enabled: !!customerId,
  });
}
