import { MEMBER_ROLES, type MemberRole } from '@lc/shared';

export interface MemberActions {
  /** The role menu is shown (else the role is plain text). */
  canChangeRole: boolean;
  /** The roles the menu offers. */
  roles: readonly MemberRole[];
  canRemove: boolean;
}

/**
 * What the signed-in member may do on one row of the members list (as the API enforces it): owners
 * and managers manage members, only an owner touches an owner or grants the owner role, and no one
 * removes their own row.
 */
export function memberActions(
  viewer: { id: string; memberRole?: MemberRole | null },
  member: { id: string; role: MemberRole },
): MemberActions {
  const manages = viewer.memberRole === 'owner' || viewer.memberRole === 'manager';
  const ownerOnly = member.role === 'owner' && viewer.memberRole !== 'owner';
  const self = viewer.id === member.id;
  const canChangeRole = manages && !ownerOnly;
  return {
    canChangeRole,
    roles: viewer.memberRole === 'owner' ? MEMBER_ROLES : MEMBER_ROLES.filter((r) => r !== 'owner'),
    canRemove: manages && !ownerOnly && !self,
  };
}
