import { useQuery } from '@tanstack/react-query';
import { previewAssignment } from '../../../api/licenses';

/** What an assignment would give (`POST /api/assignments/preview`): the term and any overlap. */
export function useAssignmentPreview(
  input: { customerId: string; skuCode: string; quantity: number } | null,
) {
  return useQuery({
    queryKey: ['assignments', 'preview', input],
    queryFn: () => previewAssignment(input!),
    enabled: input !== null,
    staleTime: 0,
  });
}
