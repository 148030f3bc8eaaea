import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEALER_PROFILE_FIELDS,
  ErrorCode,
  LINK_TTL_HOURS,
  MAINTENANCE_CONTACTS_MAX,
  type MaintenanceContacts,
  PAGE_SIZE_DEFAULT,
  type DealerListItem,
  type DealerProfileField,
  type DealerTier,
  type DealerView,
  type Language,
  type Page,
} from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { rows } from '../common/database/database.js';
import { assertEmailFree, EMAIL_TAKEN, mapUniqueViolations } from '../common/database/unique-violation.js';
import type { AuthUser } from '../common/auth/decorators.js';
import { MailService } from '../common/mail/mail.service.js';
import { AuditService } from '../common/audit/audit.service.js';
import { AccountTokens } from '../accounts/account-tokens.service.js';
import { likePattern } from '../common/database/like.js';
import type { CreateDealerDto, UpdateDealerDto } from './dto/create-dealer.dto.js';

export interface DealerRow {
  id: string;
  login_id: string;
  tier: DealerTier;
  parent_dealer_id: string | null;
  company_name: string;
  department: string | null;
  representative_name: string | null;
  representative_kana: string | null;
  phone: string | null;
  address: string | null;
  notification_email: string;
  created_at: Date;
  updated_at: Date;
  suspended_at: Date | null;
  suspended_reason: string | null;
}

export const dealerView = (d: DealerRow): DealerView => ({
  id: d.id,
  loginId: d.login_id,
  tier: d.tier,
  parentDealerId: d.parent_dealer_id,
  companyName: d.company_name,
  department: d.department,
  representativeName: d.representative_name,
  representativeKana: d.representative_kana,
  phone: d.phone,
  address: d.address,
  notificationEmail: d.notification_email,
  createdAt: d.created_at.toISOString(),
  updatedAt: d.updated_at.toISOString(),
  suspension: d.suspended_at ? { at: d.suspended_at.toISOString(), reason: d.suspended_reason } : null,
});

/** A dealer as `actor` may see it: the suspension's reason is the operator's note, its date is for all. */
export const dealerViewFor = (actor: AuthUser, d: DealerRow): DealerView => {
  const v = dealerView(d);
  return actor.role === 'operator' || !v.suspension
    ? v
    : { ...v, suspension: { ...v.suspension, reason: null } };
};

const COLUMN: Record<DealerProfileField, keyof DealerRow> = {
  companyName: 'company_name',
  department: 'department',
  representativeName: 'representative_name',
  representativeKana: 'representative_kana',
  phone: 'phone',
  address: 'address',
  notificationEmail: 'notification_email',
};

const LABEL: Record<Language, Record<DealerProfileField, string>> = {
  en: {
    companyName: 'Company name',
    department: 'Department',
    representativeName: 'Representative',
    representativeKana: 'Representative (kana)',
    phone: 'Phone',
    address: 'Address',
    notificationEmail: 'Notification e-mail',
  },
  ja: {
    companyName: '販売店名',
    department: '部署名',
    representativeName: '代表者氏名',
    representativeKana: '代表者氏名（フリガナ）',
    phone: '電話番号',
    address: '住所',
    notificationEmail: '通知先メールアドレス',
  },
};

const CONTACTS_LABEL: Record<Language, string> = {
  en: 'Maintenance contacts',
  ja: '保守担当者メールアドレス',
};

const TIER_LABEL: Record<Language, Record<DealerTier, string>> = {
  en: { primary: 'primary', secondary: 'secondary' },
  ja: { primary: '一次店', secondary: '二次店' },
};

export const LOGIN_ID_TAKEN = {
  dealer_login_id_key: () =>
    AppError.conflict(ErrorCode.LOGIN_ID_TAKEN, 'loginId: is already taken; choose another', {
      field: 'loginId',
    }),
};

/** Members who may manage the dealer (profile, members, secondary dealers, audit). */
export const MANAGERS = ['owner', 'manager'] as const;
export function assertManager(actor: AuthUser): void {
  if (actor.role !== 'dealer' || !MANAGERS.includes(actor.memberRole as (typeof MANAGERS)[number])) {
    throw AppError.forbidden('Only an owner or a manager of the dealer may do this');
  }
}

/**
 * Dealers (SPEC §1, seed 004): the operator creates primary dealers, a primary dealer its
 * secondary dealers; the owner is invited by e-mail. Profile changes e-mail "account
 * information changed" to the notification address.
 */
@Injectable()
export class DealersService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly tokens: AccountTokens,
  ) {}

  async create(
    actor: AuthUser,
    dto: CreateDealerDto,
    ip: string | null,
  ): Promise<{ id: string; loginId: string; tier: DealerTier }> {
    let parent: { id: string; company_name: string } | null = null;
    if (actor.role === 'operator') {
      if (dto.tier !== 'primary') throw AppError.forbidden('tier: the operator creates primary dealers only');
    } else {
      assertManager(actor);
      const [me] = await rows<{ id: string; tier: DealerTier; company_name: string }>(
        this.ds.manager,
        `SELECT id, tier, company_name FROM dealer WHERE id = $1`,
        [actor.dealerId],
      );
      if (!me || me.tier !== 'primary') {
        throw AppError.forbidden('Only primary dealers create (secondary) dealers');
      }
      if (dto.tier !== 'secondary') {
        throw AppError.forbidden('tier: a primary dealer creates secondary dealers only');
      }
      parent = me;
    }
    const language = dto.language ?? 'ja';
    const ownerName = dto.ownerName ?? dto.companyName;
    return mapUniqueViolations(
      () =>
        this.ds.transaction(async (em) => {
          const taken = await rows(em, `SELECT 1 FROM dealer WHERE login_id = $1`, [dto.loginId]);
          if (taken.length) throw LOGIN_ID_TAKEN.dealer_login_id_key();
          await assertEmailFree(em, dto.email);
          const now = this.clock.now();
          const [d] = await rows<{ id: string }>(
            em,
            `INSERT INTO dealer (login_id, tier, parent_dealer_id, company_name, department, representative_name,
                                 representative_kana, phone, address, notification_email, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
            [
              dto.loginId,
              dto.tier,
              parent?.id ?? null,
              dto.companyName,
              dto.department || null,
              dto.representativeName || null,
              dto.representativeKana || null,
              dto.phone,
              dto.address || null,
              dto.email,
              now,
            ],
          );
          const [owner] = await rows<{ id: string }>(
            em,
            `INSERT INTO app_user (role, email, name, language, dealer_id, member_role, created_at, updated_at)
             VALUES ('dealer', $1, $2, $3, $4, 'owner', $5, $5) RETURNING id`,
            [dto.email, ownerName, language, d.id, now],
          );
          const t = await this.tokens.issue(em, {
            userId: owner.id,
            kind: 'invitation',
            ttlHours: LINK_TTL_HOURS.invitation,
            createdBy: actor.id,
          });
          await this.mail.enqueue(em, {
            to: dto.email,
            template: 'dealer-invitation',
            language,
            data: {
              name: ownerName,
              companyName: dto.companyName,
              loginId: dto.loginId,
              tier: dto.tier,
              tierLabel: TIER_LABEL[language][dto.tier],
              invitedBy: parent?.company_name ?? null,
              token: t.token,
              expiresAt: t.expiresAt.toISOString(),
              validHours: LINK_TTL_HOURS.invitation,
            },
          });
          await this.audit.record(
            em,
            actor,
            {
              action: 'dealer.created',
              targetType: 'dealer',
              targetId: d.id,
              // The creator's log: the primary dealer for a secondary, the new dealer for the operator's.
              dealerId: parent?.id ?? d.id,
              after: {
                loginId: dto.loginId,
                tier: dto.tier,
                companyName: dto.companyName,
                email: dto.email,
                phone: dto.phone,
              },
            },
            ip,
          );
          return { id: d.id, loginId: dto.loginId, tier: dto.tier };
        }),
      { ...LOGIN_ID_TAKEN, ...EMAIL_TAKEN },
    );
  }

  /** The operator sees every dealer; a dealer sees its own secondary dealers. */
  async list(
    actor: AuthUser,
    q: { search?: string; tier?: DealerTier; page?: number; pageSize?: number },
  ): Promise<Page<DealerListItem>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? PAGE_SIZE_DEFAULT;
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (actor.role !== 'operator') where.push(`d.parent_dealer_id = ${p(actor.dealerId)}`);
    if (q.tier) where.push(`d.tier = ${p(q.tier)}`);
    if (q.search) {
      const s = p(likePattern(q.search));
      where.push(`(d.login_id ILIKE ${s} OR d.company_name ILIKE ${s} OR d.notification_email ILIKE ${s})`);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await rows<{ total: number }>(
      this.ds.manager,
      `SELECT count(*)::int AS total FROM dealer d ${w}`,
      params,
    );
    const items = await rows<DealerRow & { owner_email: string | null; owner_pending: boolean | null }>(
      this.ds.manager,
      `SELECT d.*, o.email AS owner_email, (o.password_hash IS NULL) AS owner_pending
         FROM dealer d
         LEFT JOIN LATERAL (SELECT email, password_hash FROM app_user
                             WHERE dealer_id = d.id AND member_role = 'owner' AND active
                             ORDER BY created_at LIMIT 1) o ON true
         ${w}
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT ${p(pageSize)} OFFSET ${p((page - 1) * pageSize)}`,
      params,
    );
    return {
      items: items.map((d) => ({
        ...dealerViewFor(actor, d),
        ownerEmail: d.owner_email,
        invitationPending: d.owner_pending ?? false,
      })),
      total,
      page,
      pageSize,
    };
  }

  /** One dealer: the operator any, a dealer itself or its secondary dealers (others: 404). */
  async get(actor: AuthUser, id: string): Promise<DealerView> {
    const [d] = await rows<DealerRow>(
      this.ds.manager,
      `SELECT * FROM dealer WHERE id = $1 AND ($2::uuid IS NULL OR id = $2 OR parent_dealer_id = $2)`,
      [id, actor.role === 'operator' ? null : actor.dealerId],
    );
    if (!d) throw AppError.notFound('Dealer');
    return dealerViewFor(actor, d);
  }

  async updateMe(actor: AuthUser, patch: UpdateDealerDto, ip: string | null): Promise<DealerView> {
    assertManager(actor);
    return this.ds.transaction(async (em) => {
      const [d] = await rows<DealerRow>(em, `SELECT * FROM dealer WHERE id = $1 FOR UPDATE`, [
        actor.dealerId,
      ]);
      if (!d) throw AppError.notFound('Dealer');
      const changes: { field: DealerProfileField; before: string | null; after: string | null }[] = [];
      for (const field of DEALER_PROFILE_FIELDS) {
        const raw = patch[field];
        if (raw === undefined) continue;
        const after = raw === null || raw === '' ? null : raw;
        const before = d[COLUMN[field]] as string | null;
        if (after !== before) changes.push({ field, before, after });
      }
      if (!changes.length) return dealerView(d);
      const now = this.clock.now();
      const sets = changes.map((c, i) => `${COLUMN[c.field]} = $${i + 3}`);
      const [updated] = await rows<DealerRow>(
        em,
        `UPDATE dealer SET ${sets.join(', ')}, updated_at = $2 WHERE id = $1 RETURNING *`,
        [d.id, now, ...changes.map((c) => c.after)],
      );
      await this.audit.record(
        em,
        actor,
        {
          action: 'dealer.updated',
          targetType: 'dealer',
          targetId: d.id,
          before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
          after: Object.fromEntries(changes.map((c) => [c.field, c.after])),
        },
        ip,
      );
      await this.notifyChanged(em, actor, updated, changes, d.notification_email);
      return dealerView(updated);
    });
  }

  /** The maintenance-contact e-mails (seed 004 §1-2 STEP4) and the phone customers link with. */
  async maintenanceContacts(actor: AuthUser): Promise<MaintenanceContacts> {
    const [d] = await rows<{ maintenance_emails: string[]; phone: string | null }>(
      this.ds.manager,
      `SELECT maintenance_emails, phone FROM dealer WHERE id = $1`,
      [actor.dealerId],
    );
    if (!d) throw AppError.notFound('Dealer');
    return { emails: d.maintenance_emails, phone: d.phone };
  }

  /**
   * Owner or manager: replaces the list (at most 5, no duplicates ignoring case) and optionally
   * the phone; a change is audited and e-mails "account information changed".
   */
  async setMaintenanceContacts(
    actor: AuthUser,
    dto: { emails: string[]; phone?: string },
    ip: string | null,
  ): Promise<MaintenanceContacts> {
    assertManager(actor);
    const emails = dto.emails.map((e) => e.trim());
    if (emails.length > MAINTENANCE_CONTACTS_MAX) {
      throw AppError.badRequest(
        ErrorCode.MAINTENANCE_CONTACTS_LIMIT,
        `emails: at most ${MAINTENANCE_CONTACTS_MAX} maintenance contacts`,
        { field: 'emails', limit: MAINTENANCE_CONTACTS_MAX },
      );
    }
    const seen = new Set<string>();
    for (const [i, e] of emails.entries()) {
      if (seen.has(e.toLowerCase())) {
        throw AppError.badRequest(
          ErrorCode.MAINTENANCE_CONTACT_DUPLICATE,
          `emails.${i}: ${e} is listed twice`,
          {
            field: `emails.${i}`,
          },
        );
      }
      seen.add(e.toLowerCase());
    }
    return this.ds.transaction(async (em) => {
      const [d] = await rows<DealerRow & { maintenance_emails: string[] }>(
        em,
        `SELECT * FROM dealer WHERE id = $1 FOR UPDATE`,
        [actor.dealerId],
      );
      if (!d) throw AppError.notFound('Dealer');
      const changes: { field: 'maintenanceEmails' | 'phone'; before: string | null; after: string | null }[] =
        [];
      const before = d.maintenance_emails.join(', ');
      if (before !== emails.join(', ')) {
        changes.push({
          field: 'maintenanceEmails',
          before: before || null,
          after: emails.join(', ') || null,
        });
      }
      if (dto.phone !== undefined && dto.phone !== d.phone) {
        changes.push({ field: 'phone', before: d.phone, after: dto.phone });
      }
      if (!changes.length) return { emails: d.maintenance_emails, phone: d.phone };
      const [updated] = await rows<DealerRow & { maintenance_emails: string[] }>(
        em,
        `UPDATE dealer SET maintenance_emails = $2, phone = COALESCE($3, phone), updated_at = $4
          WHERE id = $1 RETURNING *`,
        [d.id, emails, dto.phone ?? null, this.clock.now()],
      );
      await this.audit.record(
        em,
        actor,
        {
          action: 'dealer.maintenance_contacts_updated',
          targetType: 'dealer',
          targetId: d.id,
          before: { emails: d.maintenance_emails, phone: d.phone },
          after: { emails: updated.maintenance_emails, phone: updated.phone },
        },
        ip,
      );
      await this.notifyChanged(em, actor, updated, changes, d.notification_email);
      return { emails: updated.maintenance_emails, phone: updated.phone };
    });
  }

  /** "Account information changed" (seed 004) to the notification e-mail, and the old one if it moved. */
  private async notifyChanged(
    em: EntityManager,
    actor: AuthUser,
    d: DealerRow,
    changes: {
      field: DealerProfileField | 'maintenanceEmails';
      before: string | null;
      after: string | null;
    }[],
    oldAddress: string,
  ): Promise<void> {
    const [who] = await rows<{ name: string; language: Language; time_zone: string }>(
      em,
      `SELECT name, language, time_zone FROM app_user WHERE id = $1`,
      [actor.id],
    );
    const [owner] = await rows<{ language: Language; time_zone: string }>(
      em,
      `SELECT language, time_zone FROM app_user WHERE dealer_id = $1 AND member_role = 'owner' AND active
        ORDER BY created_at LIMIT 1`,
      [d.id],
    );
    const language = owner?.language ?? who?.language ?? 'ja';
    const to = new Set([d.notification_email.toLowerCase()]);
    const recipients = [d.notification_email];
    if (!to.has(oldAddress.toLowerCase())) recipients.push(oldAddress);
    for (const address of recipients) {
      await this.mail.enqueue(em, {
        to: address,
        template: 'account-info-changed',
        language,
        timeZone: owner?.time_zone ?? 'Asia/Tokyo',
        data: {
          companyName: d.company_name,
          loginId: d.login_id,
          changedBy: who?.name ?? null,
          changedAt: this.clock.now().toISOString(),
          changes: changes.map((c) => ({
            field: c.field,
            label: c.field === 'maintenanceEmails' ? CONTACTS_LABEL[language] : LABEL[language][c.field],
            before: c.before ?? '',
            after: c.after ?? '',
          })),
        },
      });
    }
  }
}
