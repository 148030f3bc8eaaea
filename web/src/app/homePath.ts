import type { Role } from '@lc/shared';

const HOME: Record<Role, string> = {
  operator: '/dashboard',
  dealer: '/dashboard',
  customer: '/devices',
  shared_user: '/devices',
};

/**
 * Where a role lands after signing in (and after a proxy session opens). Its own module, so that
 * features can use it without importing the router's page list (`homePath.spec.ts` keeps the two in step).
 */
export function homePathFor(role: Role): string {
  return HOME[role];
}
