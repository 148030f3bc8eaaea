import { useQuery } from '@tanstack/react-query';
import { getStock } from '../../../api/licenses';

export const STOCK_KEY = ['stock'] as const;

/** The dealer's licenses in stock per SKU (`GET /api/stock`). */
export function useStock() {
  return useQuery({ queryKey: STOCK_KEY, queryFn: ({ signal }) => getStock(signal) });
}
