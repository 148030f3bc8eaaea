import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listDealers } from '../../../api/accounts';

export const DEALERS_KEY = ['dealers'] as const;

/** A page of the dealers the user may see (`GET /api/dealers`). */
export function useDealers(search: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...DEALERS_KEY, { search, page, pageSize }],
    queryFn: ({ signal }) => listDealers({ search: search || undefined, page: page + 1, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}
