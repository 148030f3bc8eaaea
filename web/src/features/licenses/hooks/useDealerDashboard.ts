import { useQuery } from '@tanstack/react-query';
import { getDashboard } from '../../../api/licenses';

/** The dealer's dashboard figures (`GET /api/dashboard`). */
export function useDealerDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: ({ signal }) => getDashboard(signal) });
}
