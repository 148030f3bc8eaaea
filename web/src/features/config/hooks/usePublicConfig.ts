import { useQuery } from '@tanstack/react-query';
import { getPublicConfig } from '../../../api/config';

export const PUBLIC_CONFIG_KEY = ['config', 'public'] as const;

/** `GET /api/config/public`, fetched once per page load. */
export function usePublicConfig() {
  return useQuery({
    queryKey: PUBLIC_CONFIG_KEY,
    queryFn: ({ signal }) => getPublicConfig(signal),
    staleTime: Infinity,
  });
}
