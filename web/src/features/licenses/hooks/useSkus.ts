import { useQuery } from '@tanstack/react-query';
import { listSkus } from '../../../api/licenses';

export const SKUS_KEY = ['skus'] as const;

/** The SKUs (`GET /api/skus`); dealers get the active ones with their unit price. */
export function useSkus() {
  return useQuery({ queryKey: SKUS_KEY, queryFn: ({ signal }) => listSkus(signal) });
}
