import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, LINK_TTL_HOURS, type Language, type MemberRole, type MemberView } from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { rows } from '../common/database/database.js';
import { assertEmailFree, EMAIL_TAKEN, mapUniqueViolations } from '../common/database/unique-violation.js';
import type { AuthUser } from '../common/auth/decorators.js';
import { MailService } from '../common/mail/mail.service.js';
import { AuditService } from '../common/audit/audit.service.js';
import { AccountTokens } from '../accounts/account-tokens.service.js';
import { REVOKE_ALL_SESSIONS } from '../accounts/actor.js';
import { assertManager } from './dealers.service.js';

interface MemberRow {
  id: string;
  email: string;
  name: string;
  member_role: MemberRole;
  language: Language;
  time_zone: string;
  password_hash: string | null;
  created_at: Date;
}

const ROLE_LABEL: Record<Language, Record<MemberRole, string>> = {
  en: { owner: 'owner', manager: 'manager', staff: 'staff' },
  ja: { owner: 'オーナー', manager: 'マネージャー', staff: 'スタッフ' },
};

const view = (m: MemberRow): MemberView => ({
  id: m.id,
  email: m.email,
  name: m.name,
  role: m.member_role,
  status: m.password_hash ? 'active' : 'invited',
  createdAt: m.created_at.toISOString(),
});

/**
 * Members of a dealer (owner, manager, staff), each signing in with their own e-mail and
 * password. Owners and managers manage members; only an owner grants, changes or removes the
 * owner role; the last owner who can sign in can be neither removed nor demoted. Changes to
 * one dealer's members are serialized by a lock on the dealer row.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly tokens: AccountTokens,
  ) {}

  async list(actor: AuthUser): Promise<MemberView[]> {
    const r = await rows<MemberRow>(
      this.ds.manager,
      `SELECT * FROM app_user WHERE dealer_id = $1 AND role = 'dealer' AND active ORDER BY created_at, id`,
      [actor.dealerId],
    );
    return r.map(view);
  }

  async invite(
    actor: AuthUser,
    dto: { email: string; name: string; role: MemberRole; language?: Language },
    ip: string | null,
  ): Promise<MemberView> {
    return mapUniqueViolations(
      () =>
        this.ds.transaction(async (em) => {
          const { me, dealer } = await this.begin(em, actor);
          if (dto.role === 'owner' && me.member_role !== 'owner') {
            throw AppError.forbidden('role: only an owner may invite an owner');
          }
          await assertEmailFree(em, dto.email);
          const now = this.clock.now();
          const [m] = await rows<MemberRow>(
            em,
            `INSERT INTO app_user (role, email, name, language, dealer_id, member_role, created_at, updated_at)
             VALUES ('dealer', $1, $2, $3, $4, $5, $6, $6) RETURNING *`,
            [dto.email, dto.name, dto.language ?? me.language, dealer.id, dto.role, now],
          );
          await this.sendInvitation(em, actor, m, me, dealer);
          await this.audit.record(
            em,
            actor,
            {
              action: 'member.invited',
              targetType: 'user',
              targetId: m.id,
              after: { email: m.email, name: m.name, role: m.member_role },
            },
            ip,
          );
          return view(m);
        }),
      EMAIL_TAKEN,
    );
  }

  /** A new invitation link for a member who has not accepted yet (the old link stops working). */
  async resendInvitation(actor: AuthUser, id: string, ip: string | null): Promise<void> {
    await this.ds.transaction(async (em) => {
      const { me, dealer } = await this.begin(em, actor);
      const m = await this.target(em, dealer.id, id);
      if (m.password_hash) throw AppError.conflict(ErrorCode.CONFLICT, 'The member has already accepted');
      if (m.member_role === 'owner' && me.member_role !== 'owner') {
        throw AppError.forbidden('Only an owner may invite an owner');
      }
      await this.sendInvitation(em, actor, m, me, dealer);
      await this.audit.record(
        em,
        actor,
        { action: 'member.invitation_resent', targetType: 'user', targetId: m.id, after: { email: m.email } },
        ip,
      );
    });
  }

  async changeRole(actor: AuthUser, id: string, role: MemberRole, ip: string | null): Promise<MemberView> {
    return this.ds.transaction(async (em) => {
      const { me, dealer } = await this.begin(em, actor);
      const m = await this.target(em, dealer.id, id);
      if ((m.member_role === 'owner' || role === 'owner') && me.member_role !== 'owner') {
        throw AppError.forbidden('role: only an owner may grant or take away the owner role');
      }
      if (m.member_role === role) return view(m);
      if (m.member_role === 'owner') await this.assertNotLastOwner(em, dealer.id, m.id, 'demoted');
      const now = this.clock.now();
      const [updated] = await rows<MemberRow>(
        em,
        `UPDATE app_user SET member_role = $2, updated_at = $3 WHERE id = $1 RETURNING *`,
        [m.id, role, now],
      );
      // Access tokens carry the member role: end the member's sessions so the new role applies now.
      await em.query(REVOKE_ALL_SESSIONS, [m.id, now, 'role_changed']);
      await this.audit.record(
        em,
        actor,
        {
          action: 'member.role_changed',
          targetType: 'user',
          targetId: m.id,
          before: { role: m.member_role },
          after: { role },
        },
        ip,
      );
      return view(updated);
    });
  }

  async remove(actor: AuthUser, id: string, ip: string | null): Promise<void> {
    await this.ds.transaction(async (em) => {
      const { me, dealer } = await this.begin(em, actor);
      const m = await this.target(em, dealer.id, id);
      if (m.member_role === 'owner' && me.member_role !== 'owner') {
        throw AppError.forbidden('Only an owner may remove an owner');
      }
      if (m.member_role === 'owner') await this.assertNotLastOwner(em, dealer.id, m.id, 'removed');
      const now = this.clock.now();
      await em.query(REVOKE_ALL_SESSIONS, [m.id, now, 'member_removed']);
      // Delete the account (its e-mail becomes free again); if another record still points at it,
      // keep the row but switch it off.
      await em.query('SAVEPOINT member_remove');
      try {
        await em.query(`DELETE FROM app_user WHERE id = $1`, [m.id]);
        await em.query('RELEASE SAVEPOINT member_remove');
      } catch (e) {
        if ((e as { driverError?: { code?: string } }).driverError?.code !== '23503') throw e;
        await em.query('ROLLBACK TO SAVEPOINT member_remove');
        await em.query(
          `UPDATE app_user SET active = false, password_hash = NULL, updated_at = $2 WHERE id = $1`,
          [m.id, now],
        );
        await this.tokens.revoke(em, m.id);
      }
      await this.audit.record(
        em,
        actor,
        {
          action: 'member.removed',
          targetType: 'user',
          targetId: m.id,
          before: { email: m.email, name: m.name, role: m.member_role },
        },
        ip,
      );
    });
  }

  /** Locks the dealer and checks (fresh from the database) that the caller may manage members. */
  private async begin(em: EntityManager, actor: AuthUser) {
    assertManager(actor);
    const [dealer] = await rows<{ id: string; company_name: string; login_id: string }>(
      em,
      `SELECT id, company_name, login_id FROM dealer WHERE id = $1 FOR UPDATE`,
      [actor.dealerId],
    );
    const [me] = await rows<MemberRow>(
      em,
      `SELECT * FROM app_user WHERE id = $1 AND dealer_id = $2 AND active`,
      [actor.id, actor.dealerId],
    );
    if (!dealer || !me || (me.member_role !== 'owner' && me.member_role !== 'manager')) {
      throw AppError.forbidden('Only an owner or a manager of the dealer may manage members');
    }
    return { me, dealer };
  }

  /** A member of this dealer only (another dealer's member id: 404). */
  private async target(em: EntityManager, dealerId: string, id: string): Promise<MemberRow> {
    const [m] = await rows<MemberRow>(
      em,
      `SELECT * FROM app_user WHERE id = $1 AND dealer_id = $2 AND role = 'dealer' AND active FOR UPDATE`,
      [id, dealerId],
    );
    if (!m) throw AppError.notFound('Member');
    return m;
  }

  private async assertNotLastOwner(em: EntityManager, dealerId: string, exceptId: string, what: string) {
    const [{ n }] = await rows<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM app_user
        WHERE dealer_id = $1 AND member_role = 'owner' AND active AND password_hash IS NOT NULL AND id <> $2`,
      [dealerId, exceptId],
    );
    if (n === 0) {
      throw AppError.conflict(
        ErrorCode.LAST_OWNER,
        `The last owner cannot be ${what}; make another member owner first`,
      );
    }
  }

  private async sendInvitation(
    em: EntityManager,
    actor: AuthUser,
    m: MemberRow,
    inviter: MemberRow,
    dealer: { company_name: string; login_id: string },
  ): Promise<void> {
    const t = await this.tokens.issue(em, {
      userId: m.id,
      kind: 'invitation',
      ttlHours: LINK_TTL_HOURS.invitation,
      createdBy: actor.id,
    });
    await this.mail.enqueue(em, {
      to: m.email,
      template: 'member-invitation',
      language: m.language,
      timeZone: m.time_zone,
      data: {
        name: m.name,
        role: m.member_role,
        roleLabel: ROLE_LABEL[m.language][m.member_role],
        companyName: dealer.company_name,
        loginId: dealer.login_id,
        inviterName: inviter.name,
        token: t.token,
        expiresAt: t.expiresAt.toISOString(),
        validHours: LINK_TTL_HOURS.invitation,
      },
    });
  }
}
