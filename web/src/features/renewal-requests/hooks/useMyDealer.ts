import { useQuery } from '@tanstack/react-query';
import { getMyDealer } from '../../../api/myDealer';

/** The customer's dealer, whom renewal requests go to. */
export function useMyDealer() {
  return useQuery({
    queryKey: ['portal', 'dealer'],
    queryFn: ({ signal }) => getMyDealer(signal),
    staleTime: 300_000,
  });
}
