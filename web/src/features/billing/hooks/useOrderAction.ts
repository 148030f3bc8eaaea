import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orderAction, type OrderAction } from '../../../api/billing';
import { ORDERS_KEY } from './useOrders';

/** Confirm, invoice, record a payment on, or cancel an order; refreshes orders, invoices, stock. */
export function useOrderAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, amount }: { id: string; action: OrderAction; amount?: number }) =>
      orderAction(id, action, amount === undefined ? {} : { amount }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ORDERS_KEY });
      void qc.invalidateQueries({ queryKey: ['invoices'] });
      void qc.invalidateQueries({ queryKey: ['stock'] });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
