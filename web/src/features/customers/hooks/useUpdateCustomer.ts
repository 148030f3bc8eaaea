import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateCustomer } from '../../../api/accounts';
import { CUSTOMERS_KEY } from './useCustomers';

/** `PATCH /api/customers/:id` (the e-mail only until the first assignment: 409 200201 after). */
export function useUpdateCustomer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email?: string; name?: string }) => updateCustomer(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY }),
  });
}
