import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createOrder } from '../../../api/billing';
import { ORDERS_KEY } from './useOrders';

/** Places an order (`POST /api/orders`) with the form's idempotency key. */
export function useCreateOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ lines, key }: { lines: Array<{ skuCode: string; quantity: number }>; key: string }) =>
      createOrder(lines, key),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ORDERS_KEY });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
