import { useQuery } from '@tanstack/react-query';
import { getDevClock } from '../../../api/dev';

export const DEV_CLOCK_KEY = ['dev', 'clock'] as const;

/** Service time (`GET /api/dev/clock`); only call with `enabled` when the dev surface is on. */
export function useDevClock(enabled: boolean) {
  return useQuery({
    queryKey: DEV_CLOCK_KEY,
    queryFn: ({ signal }) => getDevClock(signal),
    enabled,
    refetchInterval: 15_000,
  });
}
