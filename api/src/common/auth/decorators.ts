import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { MemberRole, Role } from '@lc/shared';

export const PUBLIC_KEY = 'lc:public';
export const ALLOW_KEY = 'lc:allow';
export const DEV_ONLY_KEY = 'lc:dev-only';
export const DURING_PASSWORD_CHANGE_KEY = 'lc:during-password-change';

/** Who may call a route: user roles, or `device` for device credentials. */
export type Caller = Role | 'device';

/** Anyone may call this route, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** Only these callers may call this route (checked by the global guard). */
export const Allow = (...callers: Caller[]) => SetMetadata(ALLOW_KEY, callers);
/** The route stays open while the user must still change an initial password (me, change password). */
export const AllowDuringPasswordChange = () => SetMetadata(DURING_PASSWORD_CHANGE_KEY, true);
/** The route exists only outside production (404 there). */
export const DevOnly = () => SetMetadata(DEV_ONLY_KEY, true);

/** The authenticated principal on a request. */
export interface AuthUser {
  id: string;
  role: Role;
  sessionId: string;
  dealerId: string | null;
  customerId: string | null;
  memberRole: MemberRole | null;
  /** In a proxy session: the dealer member really acting. */
  actingUserId: string | null;
  /** An e-mailed initial password must be changed before anything else (SPEC §5). */
  mustChangePassword?: boolean;
  /** Authenticated with this dealer API key (acts with a manager's rights; audited as the key). */
  apiKeyId?: string | null;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

export const ClientIp = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const req = ctx.switchToHttp().getRequest<{ ip?: string }>();
  return req.ip ?? null;
});

export const UserAgent = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
  return req.headers['user-agent'] ?? null;
});
