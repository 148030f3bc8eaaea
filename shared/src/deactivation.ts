/** Customer account deactivation (SPEC §2, §8; seed 001 "退会"). */

/** The optional questionnaire's fixed reasons. */
export const DEACTIVATION_REASONS = ['price', 'not_needed', 'switching', 'difficult', 'other'] as const;
export type DeactivationReason = (typeof DEACTIVATION_REASONS)[number];

/** The questionnaire's free comment. */
export const DEACTIVATION_COMMENT_MAX = 1000;

/** What deactivating would remove: live devices and cameras, valid licenses (bound or pooled). */
export interface DeactivationImpact {
  devices: number;
  cameras: number;
  licenses: number;
  /** Days remaining on those licenses, summed (no refund). */
  daysForfeited: number;
  /** Shared users whose sign-in ends too. */
  sharedUsers: number;
}

/** The typed confirmation: the account's e-mail address, ignoring case and surrounding spaces. */
export function deactivationConfirmed(typed: string, email: string): boolean {
  return typed.trim().toLowerCase() === email.trim().toLowerCase() && email.trim() !== '';
}
