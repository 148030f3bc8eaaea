export const ROLES = ['operator', 'dealer', 'customer', 'shared_user'] as const;
export type Role = (typeof ROLES)[number];

export const MEMBER_ROLES = ['owner', 'manager', 'staff'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
/** A person's name (dealer member, account profile), at most this many characters. */
export const PERSON_NAME_MAX = 64;

export const DEALER_TIERS = ['primary', 'secondary'] as const;
export type DealerTier = (typeof DEALER_TIERS)[number];

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Dealer login ID (SPEC §1): 3–16 characters of A-Z a-z 0-9 _ -, case-sensitive. */
export const LOGIN_ID_PATTERN = /^[A-Za-z0-9_-]{3,16}$/;
export function isValidLoginId(id: unknown): id is string {
  return typeof id === 'string' && LOGIN_ID_PATTERN.test(id);
}

/** Lockout (SPEC §5): 5 failed logins within 15 minutes lock the account for 15 minutes. */
export const LOCKOUT = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;

/** Authenticated user as returned by login and `GET /api/auth/me`. */
export interface SessionUser {
  id: string;
  role: Role;
  name: string;
  email: string;
  language: Language;
  timeZone: string;
  dealerId?: string | null;
  customerId?: string | null;
  memberRole?: MemberRole | null;
  mustChangePassword?: boolean;
  /**
   * Customers created with a temporary password: the portal asks "reset the password now?" at
   * every sign-in until the answer is yes (POST /api/customers/me/handover).
   */
  handoverPending?: boolean;
  /** Present inside a proxy session (a dealer member acting as this customer): for the banner. */
  proxy?: ProxySessionInfo;
}

export interface ProxySessionInfo {
  sessionId: string;
  actingUserId: string;
  actingUserName: string;
  dealerId: string;
  dealerCompanyName: string;
  reason: string;
  expiresAt: string;
}

export interface LoginResponse {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
