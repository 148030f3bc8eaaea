import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createCustomer, type CreateCustomerBody } from '../../../api/accounts';
import { CUSTOMERS_KEY } from './useCustomers';

/** `POST /api/customers`. */
export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCustomerBody) => createCustomer(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY }),
  });
}
