import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listAssignments, type AssignmentQuery } from '../../../api/licenses';

/** The assignment history (`GET /api/assignments`), filtered and paged. */
export function useAssignments(query: AssignmentQuery) {
  return useQuery({
    queryKey: ['assignments', 'history', query],
    queryFn: ({ signal }) => listAssignments(query, signal),
    placeholderData: keepPreviousData,
  });
}
