import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, LINK_TTL_HOURS } from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { rows } from '../common/database/database.js';
import { assertEmailFree, EMAIL_TAKEN, mapUniqueViolations } from '../common/database/unique-violation.js';
import { PasswordHasher } from '../common/auth/password-hasher.js';
import type { AuthUser } from '../common/auth/decorators.js';
import { MailService } from '../common/mail/mail.service.js';
import { AuditService } from '../common/audit/audit.service.js';
import { AccountTokens, type Redeemed, type RedeemProblem } from '../accounts/account-tokens.service.js';
import { refuseInProxy, REVOKE_ALL_SESSIONS, rowActor, type UserRow } from '../accounts/actor.js';
import type { TokenKind } from '../accounts/account-token.entity.js';
import { assertPasswordPolicy } from './auth.service.js';

/** Reset e-mails per user per hour; more requests still answer 202 but send nothing. */
const MAX_RESETS_PER_HOUR = 5;

const lockUser = (em: EntityManager, id: string) =>
  rows<UserRow>(em, `SELECT * FROM app_user WHERE id = $1 FOR UPDATE`, [id]).then((r) => r[0]);

/**
 * The e-mailed account flows of every user (SPEC §5, seed 001 §5.2): accepting an invitation,
 * setting the password at customer handover, forgot/reset password with a 6-digit code or a
 * link, and changing the e-mail address with a confirmation link to the new address.
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly tokens: AccountTokens,
  ) {}

  /** A dealer owner or member sets the first password from the invitation link (valid 72 h). */
  async acceptInvitation(token: string, password: string, name?: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const user = await this.redeemLinkUser(em, 'invitation', token);
      const newName = name ?? user.name;
      assertPasswordPolicy(password, { email: user.email, name: newName }, 'password');
      await em.query(
        `UPDATE app_user SET password_hash = $2, name = $3, must_change_password = false,
                password_expires_at = NULL, updated_at = $4 WHERE id = $1`,
        [user.id, await this.hasher.hash(password), newName, this.clock.now()],
      );
      await this.audit.record(em, rowActor(user), {
        action: 'invitation.accepted',
        targetType: 'user',
        targetId: user.id,
        after: { name: newName },
      });
    });
  }

  /** A customer sets the password from the link sent at handover (valid 24 h); sessions end. */
  async setPassword(token: string, password: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const user = await this.redeemLinkUser(em, 'set_password', token);
      assertPasswordPolicy(password, user, 'password');
      await this.applyNewPassword(em, user, password, 'password_set');
      await this.audit.record(em, rowActor(user), {
        action: 'password.set',
        targetType: 'user',
        targetId: user.id,
        dealerId: await this.dealerOfCustomer(em, user),
      });
    });
  }

  /**
   * Always 202, whether or not the address is known. A known active user gets a 6-digit code
   * and a link (valid 24 h, single use); a newer request replaces the older code.
   */
  async forgotPassword(email: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const [user] = await rows<UserRow>(
        em,
        `SELECT * FROM app_user WHERE lower(email) = lower($1) AND active FOR UPDATE`,
        [email],
      );
      if (!user) return;
      if ((await this.tokens.recentResets(em, user.id)) >= MAX_RESETS_PER_HOUR) return;
      const t = await this.tokens.issue(em, {
        userId: user.id,
        kind: 'password_reset',
        ttlHours: LINK_TTL_HOURS.passwordReset,
      });
      await this.mail.enqueue(em, {
        to: user.email,
        template: 'password-reset',
        language: user.language,
        timeZone: user.time_zone,
        data: {
          name: user.name,
          email: user.email,
          code: t.code,
          token: t.token,
          expiresAt: t.expiresAt.toISOString(),
          validHours: LINK_TTL_HOURS.passwordReset,
        },
      });
    });
  }

  /** With `{email, code}` or `{token}`: sets the password, ends every session of the user. */
  async resetPassword(body: {
    token?: string;
    email?: string;
    code?: string;
    password: string;
  }): Promise<void> {
    if (!body.token && !(body.email && body.code)) {
      throw AppError.validation('token', 'give the token from the link, or email and code');
    }
    // A wrong code must be counted even though we refuse: commit, then throw.
    const outcome = await this.ds.transaction(async (em): Promise<RedeemProblem | null> => {
      let r: Redeemed;
      if (body.token) {
        r = await this.tokens.redeemLink(em, ['password_reset'], body.token);
      } else {
        const [u] = await rows<{ id: string }>(
          em,
          `SELECT id FROM app_user WHERE lower(email) = lower($1) AND active`,
          [body.email],
        );
        r = u ? await this.tokens.redeemCode(em, u.id, body.code!) : { problem: 'wrong-code' };
      }
      if ('problem' in r) return r.problem;
      const user = await lockUser(em, r.ok.user_id);
      if (!user || !user.active) return 'invalid';
      assertPasswordPolicy(body.password, user, 'password');
      await this.applyNewPassword(em, user, body.password, 'password_reset');
      await this.audit.record(em, rowActor(user), {
        action: 'password.reset',
        targetType: 'user',
        targetId: user.id,
        dealerId: await this.dealerOfCustomer(em, user),
        after: { via: body.token ? 'link' : 'code' },
      });
      return null;
    });
    const field = body.token ? 'token' : 'code';
    switch (outcome) {
      case null:
        return;
      case 'expired':
        throw AppError.badRequest(
          ErrorCode.VERIFICATION_CODE_EXPIRED,
          `${field}: the verification code has expired (valid ${LINK_TTL_HOURS.passwordReset} hours); request a new one`,
        );
      case 'locked':
        throw AppError.badRequest(
          ErrorCode.VERIFICATION_CODE_LOCKED,
          `${field}: too many wrong codes; this code is locked, request a new one`,
        );
      default:
        throw AppError.badRequest(
          ErrorCode.VERIFICATION_CODE_WRONG,
          body.token
            ? 'token: the link is not valid (already used or replaced by a newer one)'
            : 'code: the verification code is wrong',
        );
    }
  }

  /** Needs the password; e-mails a confirmation link to the new address (valid 24 h). */
  async changeEmail(actor: AuthUser, password: string, newEmail: string): Promise<void> {
    refuseInProxy(actor, 'Changing the e-mail address');
    await this.ds.transaction(async (em) => {
      const user = await lockUser(em, actor.id);
      if (!user) throw AppError.notFound('User');
      if (!(await this.hasher.verify(user.password_hash, password))) {
        throw AppError.badRequest(ErrorCode.INVALID_CREDENTIALS, 'password: the password is wrong');
      }
      if (user.email.toLowerCase() === newEmail.toLowerCase()) {
        throw AppError.validation('newEmail', 'is already your e-mail address');
      }
      await assertEmailFree(em, newEmail, 'newEmail');
      const t = await this.tokens.issue(em, {
        userId: user.id,
        kind: 'email_change',
        ttlHours: LINK_TTL_HOURS.emailChange,
        createdBy: actor.id,
        newEmail,
      });
      await this.mail.enqueue(em, {
        to: newEmail,
        template: 'email-change-confirm',
        language: user.language,
        timeZone: user.time_zone,
        data: {
          name: user.name,
          oldEmail: user.email,
          newEmail,
          token: t.token,
          expiresAt: t.expiresAt.toISOString(),
          validHours: LINK_TTL_HOURS.emailChange,
        },
      });
      await this.audit.record(em, actor, {
        action: 'email.change_requested',
        targetType: 'user',
        targetId: user.id,
        dealerId: await this.dealerOfCustomer(em, user),
        after: { newEmail },
      });
    });
  }

  /** Applies the new address and ends all sessions of the user (seed 001 §5.2.5). */
  async confirmEmail(token: string): Promise<void> {
    await mapUniqueViolations(
      () =>
        this.ds.transaction(async (em) => {
          const r = await this.tokens.redeemLink(em, ['email_change'], token);
          if ('problem' in r) throw linkProblem(r.problem);
          const user = await lockUser(em, r.ok.user_id);
          if (!user || !user.active) throw linkProblem('invalid');
          await assertEmailFree(em, r.ok.new_email!);
          const now = this.clock.now();
          await em.query(`UPDATE app_user SET email = $2, updated_at = $3 WHERE id = $1`, [
            user.id,
            r.ok.new_email,
            now,
          ]);
          await em.query(REVOKE_ALL_SESSIONS, [user.id, now, 'email_changed']);
          await this.tokens.revoke(em, user.id);
          await this.audit.record(em, rowActor(user), {
            action: 'email.changed',
            targetType: 'user',
            targetId: user.id,
            dealerId: await this.dealerOfCustomer(em, user),
            before: { email: user.email },
            after: { email: r.ok.new_email },
          });
        }),
      EMAIL_TAKEN,
    );
  }

  private async redeemLinkUser(em: EntityManager, kind: TokenKind, token: string): Promise<UserRow> {
    const r = await this.tokens.redeemLink(em, [kind], token);
    if ('problem' in r) throw linkProblem(r.problem);
    const user = await lockUser(em, r.ok.user_id);
    if (!user || !user.active) throw linkProblem('invalid');
    return user;
  }

  /** New password in force: no forced change, no expiry, no handover question; sessions end. */
  private async applyNewPassword(em: EntityManager, user: UserRow, password: string, reason: string) {
    const now = this.clock.now();
    await em.query(
      `UPDATE app_user SET password_hash = $2, must_change_password = false, password_expires_at = NULL,
              handover_pending = false, locked_until = NULL, updated_at = $3 WHERE id = $1`,
      [user.id, await this.hasher.hash(password), now],
    );
    // Proving the mailbox unlocks the account (SPEC §5): the failures so far no longer count.
    await em.query(`DELETE FROM login_failure WHERE user_id = $1`, [user.id]);
    await em.query(REVOKE_ALL_SESSIONS, [user.id, now, reason]);
    await this.tokens.revoke(em, user.id, ['password_reset', 'set_password']);
  }

  /** Customer users' entries belong to their dealer's audit log too. */
  private async dealerOfCustomer(em: EntityManager, user: UserRow): Promise<string | null> {
    if (user.dealer_id) return user.dealer_id;
    if (!user.customer_id) return null;
    const [c] = await rows<{ dealer_id: string }>(em, `SELECT dealer_id FROM customer WHERE id = $1`, [
      user.customer_id,
    ]);
    return c?.dealer_id ?? null;
  }
}

export function linkProblem(problem: RedeemProblem): AppError {
  return problem === 'expired'
    ? AppError.badRequest(ErrorCode.LINK_EXPIRED, 'token: the link has expired; ask for a new one')
    : AppError.badRequest(ErrorCode.LINK_INVALID, 'token: the link is not valid (already used or replaced)');
}
