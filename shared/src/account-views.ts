/**
 * Shapes of the dealer, member, customer, audit and portal-message routes (issue #3), shared by
 * the API and the web client. Times are ISO-8601 strings in UTC.
 */
import type { DealerTier, Language, MemberRole, Role } from './accounts.js';
import type { MessageCategory } from './events.js';

/** A page of a list: `page` starts at 1. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

/** Validity of the links and codes e-mailed by the account routes. */
export const LINK_TTL_HOURS = {
  invitation: 72,
  passwordReset: 24,
  setPassword: 24,
  emailChange: 24,
  initialPassword: 24,
} as const;

/** Wrong verification codes accepted before a password-reset code is locked. */
export const RESET_CODE_MAX_ATTEMPTS = 5;

/** Proxy sessions (SPEC §5): minutes, default and maximum (8 hours). */
export const PROXY_SESSION_MINUTES = { default: 30, min: 1, max: 480 } as const;
export const PROXY_REASON_MAX = 500;

/** Customer name (seed 001 §7.2: 400249 missing, 400250 longer than 32). */
export const CUSTOMER_NAME_MAX = 32;

export interface DealerView {
  id: string;
  loginId: string;
  tier: DealerTier;
  parentDealerId: string | null;
  companyName: string;
  department: string | null;
  representativeName: string | null;
  representativeKana: string | null;
  phone: string | null;
  address: string | null;
  notificationEmail: string;
  createdAt: string;
  updatedAt: string;
  /** Set while the operator has the dealer suspended (issue 14 §2.3); null when active. */
  suspension: DealerSuspension | null;
}

/** A dealer's suspension: since when, why (optional, ≤ DEALER_SUSPEND_REASON_MAX). */
export interface DealerSuspension {
  at: string;
  reason: string | null;
}
export const DEALER_SUSPEND_REASON_MAX = 500;
/** The message of code 200301 (DEALER_SUSPENDED), wherever a suspended dealer is refused. */
export const DEALER_SUSPENDED_MESSAGE = 'This dealer account is suspended; contact the operator';

/** Dealer fields whose change e-mails "account information changed". */
export const DEALER_PROFILE_FIELDS = [
  'companyName',
  'department',
  'representativeName',
  'representativeKana',
  'phone',
  'address',
  'notificationEmail',
] as const;
export type DealerProfileField = (typeof DEALER_PROFILE_FIELDS)[number];

export interface DealerListItem extends DealerView {
  ownerEmail: string | null;
  /** The owner has not yet accepted the invitation (set a password). */
  invitationPending: boolean;
}

export interface MemberView {
  id: string;
  email: string;
  name: string;
  role: MemberRole;
  /** `invited` until the invitation is accepted. */
  status: 'invited' | 'active';
  createdAt: string;
}

export const CUSTOMER_SORTS = ['name', 'email', 'createdAt'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface CustomerView {
  id: string;
  userId: string;
  name: string;
  email: string;
  language: Language;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
  /** Set when the first license is assigned; the e-mail can no longer be corrected after it. */
  firstAssignedAt: string | null;
  emailEditable: boolean;
  handoverPending: boolean;
  /** The customer has not yet replaced the e-mailed initial password. */
  initialPasswordPending: boolean;
  deactivatedAt: string | null;
  /** Valid licenses (in the pool or bound); in the list and the detail. */
  licenseCount?: number;
  /** Registered cameras; in the list and the detail. */
  cameraCount?: number;
  /** When the first of those licenses ends (null: none); in the list and the detail. */
  nextEndsAt?: string | null;
}

export interface ProxySessionCreated {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  expiresAt: string;
  customerId: string;
}

/** Every action the audit log records for accounts (other features add theirs). */
export const AUDIT_ACTIONS = [
  'dealer.created',
  'dealer.updated',
  'member.invited',
  'member.invitation_resent',
  'member.role_changed',
  'member.removed',
  'invitation.accepted',
  'customer.created',
  'customer.updated',
  'customer.handover_answered',
  'proxy_session.opened',
  'proxy_session.closed',
  'password.reset',
  'password.set',
  'email.change_requested',
  'email.changed',
] as const;

export interface AuditEntryView {
  id: string;
  at: string;
  action: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: Role | null;
  /** In a proxy session: the dealer member really acting. */
  impersonatorUserId: string | null;
  impersonatorName: string | null;
  dealerId: string | null;
  customerId: string | null;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface PortalMessageView {
  id: string;
  /** notice (about this account), announcement (from the operator), maintenance (by the maintaining dealer). */
  category: MessageCategory;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}
