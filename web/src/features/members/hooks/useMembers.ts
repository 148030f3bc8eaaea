import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberRole } from '@lc/shared';
import { changeMemberRole, inviteMember, listMembers, removeMember } from '../../../api/accounts';

export const MEMBERS_KEY = ['members'] as const;

/** The members of the signed-in dealer (`GET /api/dealers/me/members`). */
export function useMembers() {
  return useQuery({ queryKey: MEMBERS_KEY, queryFn: ({ signal }) => listMembers(signal) });
}

function useMembersMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: MEMBERS_KEY }),
  });
}

export function useInviteMember() {
  return useMembersMutation((body: { name: string; email: string; role: MemberRole }) => inviteMember(body));
}

export function useChangeMemberRole() {
  return useMembersMutation((v: { id: string; role: MemberRole }) => changeMemberRole(v.id, v.role));
}

export function useRemoveMember() {
  return useMembersMutation((id: string) => removeMember(id));
}
