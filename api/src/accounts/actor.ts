import { ErrorCode } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AppError } from '../common/errors/app-error.js';
import type { User } from './entities.js';

/** The audit actor for routes without a session (invitation, reset and confirmation links). */
export function actorOf(u: Pick<User, 'id' | 'role' | 'dealerId' | 'customerId' | 'memberRole'>): AuthUser {
  return {
    id: u.id,
    role: u.role,
    sessionId: '',
    dealerId: u.dealerId,
    customerId: u.customerId,
    memberRole: u.memberRole,
    actingUserId: null,
  };
}

/** The user row as the audit log and the e-mails need it, from raw SQL (snake_case). */
export interface UserRow {
  id: string;
  role: User['role'];
  email: string;
  name: string;
  language: User['language'];
  time_zone: string;
  dealer_id: string | null;
  customer_id: string | null;
  member_role: User['memberRole'];
  password_hash: string | null;
  must_change_password: boolean;
  password_expires_at: Date | null;
  handover_pending: boolean;
  active: boolean;
}

export const rowActor = (u: UserRow): AuthUser =>
  actorOf({
    id: u.id,
    role: u.role,
    dealerId: u.dealer_id,
    customerId: u.customer_id,
    memberRole: u.member_role,
  });

/** Ends every session of a user, also the proxy sessions a dealer member opened. */
export const REVOKE_ALL_SESSIONS = `UPDATE auth_session SET revoked_at = $2, revoke_reason = $3
  WHERE (user_id = $1 OR acting_user_id = $1) AND revoked_at IS NULL`;

/** Password, e-mail and deactivation actions are refused inside a proxy session (SPEC §5). */
export function refuseInProxy(actor: AuthUser, what: string): void {
  if (actor.actingUserId) {
    throw AppError.forbidden(
      `${what} cannot be done inside a proxy session`,
      ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION,
    );
  }
}
