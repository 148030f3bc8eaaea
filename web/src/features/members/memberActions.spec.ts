import { describe, expect, it } from 'vitest';
import type { MemberRole } from '@lc/shared';
import { memberActions } from './memberActions';

const viewer = (memberRole: MemberRole) => ({ id: 'me', memberRole });
const row = (id: string, role: MemberRole) => ({ id, role });

describe('memberActions', () => {
  it.each([
    ['owner on another owner', viewer('owner'), row('x', 'owner'), true, true, 3],
    ['owner on own row', viewer('owner'), row('me', 'owner'), true, false, 3],
    ['manager on an owner', viewer('manager'), row('x', 'owner'), false, false, 2],
    ['manager on staff', viewer('manager'), row('x', 'staff'), true, true, 2],
    ['manager on own row', viewer('manager'), row('me', 'manager'), true, false, 2],
    ['staff on anyone', viewer('staff'), row('x', 'staff'), false, false, 2],
  ] as const)('%s', (_label, v, m, canChangeRole, canRemove, roleCount) => {
    const a = memberActions(v, m);
    expect(a.canChangeRole).toBe(canChangeRole);
    expect(a.canRemove).toBe(canRemove);
    expect(a.roles).toHaveLength(roleCount);
  });

  it('never offers the owner role to a manager', () => {
    expect(memberActions(viewer('manager'), row('x', 'staff')).roles).not.toContain('owner');
  });
});
