import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  LINK_TTL_HOURS,
  PAGE_SIZE_DEFAULT,
  type CustomerSort,
  type CustomerView,
  type Language,
  type Page,
  type SortOrder,
} from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { rows } from '../common/database/database.js';
import { likePattern } from '../common/database/like.js';
import { assertEmailFree, EMAIL_TAKEN, mapUniqueViolations } from '../common/database/unique-violation.js';
import type { AuthUser } from '../common/auth/decorators.js';
import { PasswordHasher } from '../common/auth/password-hasher.js';
import { MailService } from '../common/mail/mail.service.js';
import { AuditService } from '../common/audit/audit.service.js';
import { AccountTokens } from '../accounts/account-tokens.service.js';
import { refuseInProxy, REVOKE_ALL_SESSIONS } from '../accounts/actor.js';
import { generateInitialPassword } from '../accounts/initial-password.js';
import { assertPasswordPolicy } from '../auth/auth.service.js';
import { customerCreatedEvent } from '../integrations/events.js';

interface CustomerRow {
  id: string;
  user_id: string;
  dealer_id: string;
  name: string;
  email: string;
  language: Language;
  time_zone: string;
  created_at: Date;
  updated_at: Date;
  first_assigned_at: Date | null;
  handover_pending: boolean;
  must_change_password: boolean;
  password_expires_at: Date | null;
  deactivated_at: Date | null;
  license_count?: number;
  camera_count?: number;
  next_ends_at?: Date | null;
}

const SELECT = `SELECT c.id, u.id AS user_id, c.dealer_id, c.name, u.email, u.language, u.time_zone, c.created_at,
                       c.updated_at, c.first_assigned_at, u.handover_pending, u.must_change_password,
                       u.password_expires_at, c.deactivated_at
                  FROM customer c JOIN app_user u ON u.customer_id = c.id AND u.role = 'customer'`;

/**
 * The list's and detail's summary columns: valid licenses (assigned or bound, not yet ended at
 * `$now`), registered cameras, and the earliest end among those licenses. `now` is the Clock's,
 * passed as a parameter (never the database's clock).
 */
const summaryColumns = (now: string) => `,
  (SELECT count(*)::int FROM license l
    WHERE l.customer_id = c.id AND l.state IN ('assigned', 'bound') AND l.ends_at > ${now}) AS license_count,
  (SELECT count(*)::int FROM camera k WHERE k.customer_id = c.id AND k.deleted_at IS NULL) AS camera_count,
  (SELECT min(l.ends_at) FROM license l
    WHERE l.customer_id = c.id AND l.state IN ('assigned', 'bound') AND l.ends_at > ${now}) AS next_ends_at`;

const withSummary = (now: string) =>
  SELECT.replace(/\s+FROM customer c /, `${summaryColumns(now)} FROM customer c `);

/** ORDER BY per sort key (whitelisted); ties broken by id so pages never overlap. */
const ORDER: Record<CustomerSort, string> = {
  name: 'lower(c.name) {dir}, c.name {dir}',
  email: 'lower(u.email) {dir}',
  createdAt: 'c.created_at {dir}',
};

const view = (c: CustomerRow): CustomerView => ({
  id: c.id,
  userId: c.user_id,
  name: c.name,
  email: c.email,
  language: c.language,
  timeZone: c.time_zone,
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
  firstAssignedAt: c.first_assigned_at?.toISOString() ?? null,
  emailEditable: c.first_assigned_at === null,
  handoverPending: c.handover_pending,
  initialPasswordPending: c.must_change_password && c.password_expires_at !== null,
  deactivatedAt: c.deactivated_at?.toISOString() ?? null,
  ...(c.license_count === undefined
    ? {}
    : {
        licenseCount: c.license_count,
        cameraCount: c.camera_count ?? 0,
        nextEndsAt: c.next_ends_at?.toISOString() ?? null,
      }),
});

export interface CustomerQuery {
  search?: string;
  sort?: CustomerSort;
  order?: SortOrder;
  page?: number;
  pageSize?: number;
}

export const CSV_HEADER = [
  'id',
  'name',
  'email',
  'language',
  'timeZone',
  'createdAt',
  'firstAssignedAt',
  'handoverPending',
  'initialPasswordPending',
  'deactivatedAt',
] as const;

/**
 * Customers of a dealer (SPEC §5, seed 002): adding one with a temporary password (handover
 * later) or with an e-mailed initial password (24 h), correcting a mistyped e-mail until the
 * first license is assigned, and the dealer's searchable list. Every query is scoped to the
 * caller's dealer in SQL: another dealer's customer is a 404.
 */
@Injectable()
export class CustomersService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly tokens: AccountTokens,
  ) {}

  async create(
    actor: AuthUser,
    dto: { name: string; email: string; language: Language; timeZone: string; temporaryPassword?: string },
    ip: string | null,
  ): Promise<{ id: string; email: string }> {
    const temporary = dto.temporaryPassword;
    if (temporary !== undefined) assertPasswordPolicy(temporary, dto, 'temporaryPassword');
    const initial = temporary === undefined ? generateInitialPassword(dto) : null;
    const hash = await this.hasher.hash(temporary ?? initial!);
    return mapUniqueViolations(
      () =>
        this.ds.transaction(async (em) => {
          const now = this.clock.now();
          const [dealer] = await rows<{ company_name: string }>(
            em,
            `SELECT company_name FROM dealer WHERE id = $1`,
            [actor.dealerId],
          );
          if (!dealer) throw AppError.forbidden('Only dealers add customers');
          await assertEmailFree(em, dto.email);
          const [c] = await rows<{ id: string }>(
            em,
            `INSERT INTO customer (dealer_id, name, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id`,
            [actor.dealerId, dto.name, now],
          );
          const expiresAt = initial
            ? new Date(now.getTime() + LINK_TTL_HOURS.initialPassword * 3_600_000)
            : null;
          const [u] = await rows<{ id: string }>(
            em,
            `INSERT INTO app_user (role, email, name, password_hash, language, time_zone, customer_id,
                                   must_change_password, password_expires_at, handover_pending, created_at, updated_at)
             VALUES ('customer', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
            [
              dto.email,
              dto.name,
              hash,
              dto.language,
              dto.timeZone,
              c.id,
              !!initial,
              expiresAt,
              !initial,
              now,
            ],
          );
          if (initial) {
            await this.sendInitialPassword(em, {
              to: dto.email,
              name: dto.name,
              language: dto.language,
              timeZone: dto.timeZone,
              password: initial,
              expiresAt: expiresAt!,
              dealerCompanyName: dealer.company_name,
            });
          }
          await this.audit.record(
            em,
            actor,
            {
              action: 'customer.created',
              targetType: 'customer',
              targetId: c.id,
              customerId: c.id,
              after: {
                name: dto.name,
                email: dto.email,
                language: dto.language,
                timeZone: dto.timeZone,
                userId: u.id,
                temporaryPassword: temporary !== undefined,
              },
            },
            ip,
          );
          await customerCreatedEvent(em, c.id, now);
          return { id: c.id, email: dto.email };
        }),
      EMAIL_TAKEN,
    );
  }

  async list(actor: AuthUser, q: CustomerQuery): Promise<Page<CustomerView>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? PAGE_SIZE_DEFAULT;
    const { where, params } = this.filter(actor, q);
    const [{ total }] = await rows<{ total: number }>(
      this.ds.manager,
      `SELECT count(*)::int AS total
         FROM customer c JOIN app_user u ON u.customer_id = c.id AND u.role = 'customer' ${where}`,
      params,
    );
    const n = params.length;
    const items = await rows<CustomerRow>(
      this.ds.manager,
      `${withSummary(`$${n + 3}`)} ${where} ORDER BY ${this.orderBy(q)} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, pageSize, (page - 1) * pageSize, this.clock.now()],
    );
    return { items: items.map(view), total, page, pageSize };
  }

  /** The same filter and order as the list, every row (capped), for the CSV export. */
  async exportRows(actor: AuthUser, q: CustomerQuery): Promise<unknown[][]> {
    const { where, params } = this.filter(actor, q);
    const r = await rows<CustomerRow>(
      this.ds.manager,
      `${SELECT} ${where} ORDER BY ${this.orderBy(q)} LIMIT 100000`,
      params,
    );
    return r.map((c) => {
      const v = view(c);
      return CSV_HEADER.map((h) => v[h]);
    });
  }

  async get(actor: AuthUser, id: string): Promise<CustomerView> {
    const [c] = await rows<CustomerRow>(
      this.ds.manager,
      `${withSummary('$3')} WHERE c.id = $1 AND c.dealer_id = $2`,
      [id, actor.dealerId, this.clock.now()],
    );
    if (!c) throw AppError.notFound('Customer');
    return view(c);
  }

  /**
   * Corrects the name or a mistyped e-mail (seed 002: until the first license is assigned).
   * A new address ends the customer's sessions and links; if the e-mailed initial password was
   * never replaced, a fresh one goes to the corrected address.
   */
  async update(
    actor: AuthUser,
    id: string,
    patch: { email?: string; name?: string },
    ip: string | null,
  ): Promise<CustomerView> {
    return mapUniqueViolations(
      () =>
        this.ds.transaction(async (em) => {
          const [c] = await rows<CustomerRow>(
            em,
            `${SELECT} WHERE c.id = $1 AND c.dealer_id = $2 FOR UPDATE OF c, u`,
            [id, actor.dealerId],
          );
          if (!c) throw AppError.notFound('Customer');
          const now = this.clock.now();
          const before: Record<string, string> = {};
          const after: Record<string, string> = {};
          if (patch.email !== undefined && patch.email !== c.email) {
            if (c.deactivated_at) {
              throw AppError.conflict(
                ErrorCode.CUSTOMER_DEACTIVATED,
                'email: the customer deactivated its account; its e-mail address cannot be changed',
                { field: 'email' },
              );
            }
            if (c.first_assigned_at) {
              throw AppError.conflict(
                ErrorCode.EMAIL_LOCKED_AFTER_ASSIGNMENT,
                'email: cannot be changed after the first license was assigned',
                { field: 'email', firstAssignedAt: c.first_assigned_at.toISOString() },
              );
            }
            if (patch.email.toLowerCase() !== c.email.toLowerCase()) await assertEmailFree(em, patch.email);
            before.email = c.email;
            after.email = patch.email;
            await em.query(`UPDATE app_user SET email = $2, updated_at = $3 WHERE id = $1`, [
              c.user_id,
              patch.email,
              now,
            ]);
            await em.query(REVOKE_ALL_SESSIONS, [c.user_id, now, 'email_corrected']);
            await this.tokens.revoke(em, c.user_id);
            if (c.must_change_password && c.password_expires_at) {
              await this.reissueInitialPassword(em, actor, c, patch.email, patch.name ?? c.name);
            }
          }
          if (patch.name !== undefined && patch.name !== c.name) {
            before.name = c.name;
            after.name = patch.name;
            await em.query(`UPDATE customer SET name = $2, updated_at = $3 WHERE id = $1`, [
              c.id,
              patch.name,
              now,
            ]);
            await em.query(`UPDATE app_user SET name = $2, updated_at = $3 WHERE id = $1`, [
              c.user_id,
              patch.name,
              now,
            ]);
          }
          if (Object.keys(after).length) {
            await em.query(`UPDATE customer SET updated_at = $2 WHERE id = $1`, [c.id, now]);
            await this.audit.record(
              em,
              actor,
              {
                action: 'customer.updated',
                targetType: 'customer',
                targetId: c.id,
                customerId: c.id,
                before,
                after,
              },
              ip,
            );
          }
          const [fresh] = await rows<CustomerRow>(em, `${SELECT} WHERE c.id = $1`, [c.id]);
          return view(fresh);
        }),
      EMAIL_TAKEN,
    );
  }

  /**
   * The customer's answer to "reset the password now?" (seed 002). No: asked again at the next
   * sign-in. Yes (at handover): a set-password link goes to the customer (24 h), the question
   * stops, and the temporary password the dealer knows stops working 24 hours later.
   */
  async handover(actor: AuthUser, reset: boolean, ip: string | null): Promise<{ handoverPending: boolean }> {
    refuseInProxy(actor, 'Answering the password-reset question');
    return this.ds.transaction(async (em) => {
      const [u] = await rows<{
        id: string;
        email: string;
        name: string;
        language: Language;
        time_zone: string;
        handover_pending: boolean;
        dealer_id: string;
      }>(
        em,
        `SELECT u.id, u.email, u.name, u.language, u.time_zone, u.handover_pending, c.dealer_id
           FROM app_user u JOIN customer c ON c.id = u.customer_id
          WHERE u.id = $1 AND u.role = 'customer' FOR UPDATE OF u`,
        [actor.id],
      );
      if (!u) throw AppError.notFound('Customer');
      if (!u.handover_pending) {
        if (!reset) return { handoverPending: false };
        throw AppError.conflict(ErrorCode.CONFLICT, 'reset: the password was already handed over');
      }
      const now = this.clock.now();
      if (reset) {
        const t = await this.tokens.issue(em, {
          userId: u.id,
          kind: 'set_password',
          ttlHours: LINK_TTL_HOURS.setPassword,
          createdBy: actor.id,
        });
        await this.mail.enqueue(em, {
          to: u.email,
          template: 'customer-set-password',
          language: u.language,
          timeZone: u.time_zone,
          data: {
            name: u.name,
            email: u.email,
            token: t.token,
            expiresAt: t.expiresAt.toISOString(),
            validHours: LINK_TTL_HOURS.setPassword,
          },
        });
        await em.query(
          `UPDATE app_user SET handover_pending = false, password_expires_at = $2, updated_at = $3 WHERE id = $1`,
          [u.id, t.expiresAt, now],
        );
      }
      await this.audit.record(
        em,
        actor,
        {
          action: 'customer.handover_answered',
          targetType: 'customer',
          targetId: actor.customerId ?? undefined,
          dealerId: u.dealer_id,
          after: { reset },
        },
        ip,
      );
      return { handoverPending: !reset };
    });
  }

  private filter(actor: AuthUser, q: CustomerQuery): { where: string; params: unknown[] } {
    const params: unknown[] = [actor.dealerId];
    let where = 'WHERE c.dealer_id = $1';
    const search = q.search?.trim();
    if (search) {
      params.push(likePattern(search));
      where += ` AND (c.name ILIKE $2 OR u.email ILIKE $2)`;
    }
    return { where, params };
  }

  private orderBy(q: CustomerQuery): string {
    const dir = (q.order ?? (q.sort && q.sort !== 'createdAt' ? 'asc' : 'desc')) === 'asc' ? 'ASC' : 'DESC';
    return `${ORDER[q.sort ?? 'createdAt'].replace(/\{dir\}/g, dir)}, c.id ${dir}`;
  }

  private async reissueInitialPassword(
    em: EntityManager,
    actor: AuthUser,
    c: CustomerRow,
    email: string,
    name: string,
  ): Promise<void> {
    const password = generateInitialPassword({ email, name });
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + LINK_TTL_HOURS.initialPassword * 3_600_000);
    await em.query(`UPDATE app_user SET password_hash = $2, password_expires_at = $3 WHERE id = $1`, [
      c.user_id,
      await this.hasher.hash(password),
      expiresAt,
    ]);
    const [dealer] = await rows<{ company_name: string }>(
      em,
      `SELECT company_name FROM dealer WHERE id = $1`,
      [actor.dealerId],
    );
    await this.sendInitialPassword(em, {
      to: email,
      name,
      language: c.language,
      timeZone: c.time_zone,
      password,
      expiresAt,
      dealerCompanyName: dealer?.company_name ?? '',
    });
  }

  private async sendInitialPassword(
    em: EntityManager,
    m: {
      to: string;
      name: string;
      language: Language;
      timeZone: string;
      password: string;
      expiresAt: Date;
      dealerCompanyName: string;
    },
  ): Promise<void> {
    await this.mail.enqueue(em, {
      to: m.to,
      template: 'customer-welcome',
      language: m.language,
      timeZone: m.timeZone,
      data: {
        name: m.name,
        email: m.to,
        password: m.password,
        expiresAt: m.expiresAt.toISOString(),
        validHours: LINK_TTL_HOURS.initialPassword,
        dealerCompanyName: m.dealerCompanyName,
      },
    });
  }
}
