import { useQuery } from '@tanstack/react-query';
import { getDealerOverview, getOperatorOverview } from '../../../api/operator';

/** The operator's home figures. */
export function useOperatorOverview() {
  return useQuery({
    queryKey: ['operator', 'overview'],
    queryFn: ({ signal }) => getOperatorOverview(signal),
  });
}

/** One dealer at a glance (operator). */
export function useDealerOverview(id: string) {
  return useQuery({
    queryKey: ['operator', 'dealer', id],
    queryFn: ({ signal }) => getDealerOverview(id, signal),
  });
}
