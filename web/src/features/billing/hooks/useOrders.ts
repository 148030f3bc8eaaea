import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listOrders, type OrderQuery } from '../../../api/billing';

export const ORDERS_KEY = ['orders'] as const;

/** A page of orders (`GET /api/orders`): the caller's own (`buyer`) or those placed with it (`supplier`). */
export function useOrders(query: OrderQuery) {
  return useQuery({
    queryKey: [...ORDERS_KEY, query],
    queryFn: ({ signal }) => listOrders(query, signal),
    placeholderData: keepPreviousData,
  });
}
