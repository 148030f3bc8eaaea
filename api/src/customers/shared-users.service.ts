import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  LINK_TTL_HOURS,
  NO_SHARED_PERMISSIONS,
  type Language,
  type SharedPermissions,
  type SharedUserView,
} from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AppConfig } from '../common/config/config.js';
import { Clock } from '../common/clock/clock.js';
import { CREDENTIAL_COLUMNS, CredentialCheck, toCredentialUser } from '../auth/credential-check.js';
import { rows } from '../common/database/database.js';
import { assertEmailFree, EMAIL_TAKEN, mapUniqueViolations } from '../common/database/unique-violation.js';
import { AppError } from '../common/errors/app-error.js';
import { MailService } from '../common/mail/mail.service.js';
import { AuditService } from '../common/audit/audit.service.js';
import { AccountTokens } from '../accounts/account-tokens.service.js';
import { refuseInProxy, REVOKE_ALL_SESSIONS } from '../accounts/actor.js';
import { permissionsOf, type PermissionRow } from './shared-access.js';

interface SharedRow extends PermissionRow {
  id: string;
  name: string;
  email: string;
  language: Language;
  password_hash: string | null;
  created_at: Date;
  camera_ids: string[];
}

const view = (r: SharedRow): SharedUserView => ({
  id: r.id,
  name: r.name,
  email: r.email,
  language: r.language,
  permissions: permissionsOf(r),
  cameraIds: r.camera_ids,
  status: r.password_hash ? 'active' : 'invited',
  createdAt: r.created_at.toISOString(),
});

const SELECT_SHARED = `
  SELECT u.id, u.name, u.email, u.language, u.password_hash, u.created_at, s.can_playback, s.can_download,
         s.can_camera_control, s.can_event_search, s.can_camera_settings,
         COALESCE((SELECT array_agg(sc.camera_id ORDER BY sc.camera_id)
                     FROM shared_user_camera sc JOIN camera c ON c.id = sc.camera_id AND c.deleted_at IS NULL
                    WHERE sc.user_id = u.id), '{}') AS camera_ids
    FROM app_user u JOIN shared_user s ON s.user_id = u.id
   WHERE s.customer_id = $1 AND u.role = 'shared_user' AND u.active`;

/**
 * The contract holder's shared users (SPEC §5, seed 001 §4.3): create (invited by e-mail, at
 * most SHARED_USER_LIMIT per customer), edit name and permissions, choose their cameras,
 * delete with the holder's password. Changes to one customer's shared users are serialized by a
 * lock on the customer row, so the limit holds under concurrent requests.
 */
@Injectable()
export class SharedUsersService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly credentials: CredentialCheck,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly tokens: AccountTokens,
  ) {}

  async list(customerId: string): Promise<SharedUserView[]> {
    const r = await rows<SharedRow>(this.ds.manager, `${SELECT_SHARED} ORDER BY u.created_at, u.id`, [
      customerId,
    ]);
    return r.map(view);
  }

  async create(
    actor: AuthUser,
    dto: {
      name: string;
      email: string;
      language?: Language;
      permissions?: SharedPermissions;
      cameraIds?: string[];
    },
  ): Promise<{ id: string; email: string }> {
    const customerId = actor.customerId!;
    return mapUniqueViolations(
      () =>
        this.ds.transaction(async (em) => {
          const holder = await this.lockCustomer(em, customerId);
          const [{ n }] = await rows<{ n: number }>(
            em,
            `SELECT count(*)::int AS n FROM shared_user s JOIN app_user u ON u.id = s.user_id
              WHERE s.customer_id = $1 AND u.active`,
            [customerId],
          );
          if (n >= this.config.sharedUserLimit) {
            throw AppError.conflict(
              ErrorCode.SHARED_USER_LIMIT,
              `email: at most ${this.config.sharedUserLimit} shared users per contract`,
              { field: 'email', limit: this.config.sharedUserLimit },
            );
          }
          await assertEmailFree(em, dto.email);
          const now = this.clock.now();
          const language = dto.language ?? holder.language;
          const [u] = await rows<{ id: string; email: string; time_zone: string }>(
            em,
            `INSERT INTO app_user (role, email, name, language, time_zone, customer_id, created_at, updated_at)
             VALUES ('shared_user', $1, $2, $3, $4, $5, $6, $6) RETURNING id, email, time_zone`,
            [dto.email, dto.name, language, holder.time_zone, customerId, now],
          );
          const p = dto.permissions ?? NO_SHARED_PERMISSIONS;
          await em.query(
            `INSERT INTO shared_user (user_id, customer_id, can_playback, can_download, can_camera_control,
                                      can_event_search, can_camera_settings, created_by_user_id, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
            [
              u.id,
              customerId,
              p.playback,
              p.download,
              p.cameraControl,
              p.eventSearch,
              p.cameraSettings,
              actor.id,
              now,
            ],
          );
          if (dto.cameraIds?.length) await this.replaceCameras(em, customerId, u.id, dto.cameraIds, now);
          const t = await this.tokens.issue(em, {
            userId: u.id,
            kind: 'invitation',
            ttlHours: LINK_TTL_HOURS.invitation,
            createdBy: actor.id,
          });
          await this.mail.enqueue(em, {
            to: u.email,
            template: 'shared-user-invitation',
            language,
            timeZone: u.time_zone,
            data: {
              name: dto.name,
              email: u.email,
              holderName: holder.name,
              customerName: holder.customer_name,
              token: t.token,
              expiresAt: t.expiresAt.toISOString(),
              validHours: LINK_TTL_HOURS.invitation,
            },
          });
          await this.audit.record(em, actor, {
            action: 'shared_user.created',
            targetType: 'user',
            targetId: u.id,
            customerId,
            after: { email: u.email, name: dto.name, permissions: p, cameraIds: dto.cameraIds ?? [] },
          });
          return { id: u.id, email: u.email };
        }),
      EMAIL_TAKEN,
    );
  }

  async update(
    actor: AuthUser,
    id: string,
    dto: { name?: string; permissions?: SharedPermissions },
  ): Promise<SharedUserView> {
    const customerId = actor.customerId!;
    return this.ds.transaction(async (em) => {
      await this.lockCustomer(em, customerId);
      const before = await this.target(em, customerId, id);
      const now = this.clock.now();
      if (dto.name !== undefined) {
        await em.query(`UPDATE app_user SET name = $2, updated_at = $3 WHERE id = $1`, [id, dto.name, now]);
      }
      if (dto.permissions) {
        const p = dto.permissions;
        await em.query(
          `UPDATE shared_user SET can_playback = $2, can_download = $3, can_camera_control = $4,
                  can_event_search = $5, can_camera_settings = $6, updated_at = $7 WHERE user_id = $1`,
          [id, p.playback, p.download, p.cameraControl, p.eventSearch, p.cameraSettings, now],
        );
      }
      const after = await this.target(em, customerId, id);
      await this.audit.record(em, actor, {
        action: 'shared_user.updated',
        targetType: 'user',
        targetId: id,
        customerId,
        before: { name: before.name, permissions: before.permissions },
        after: { name: after.name, permissions: after.permissions },
      });
      return after;
    });
  }

  /** Replaces the cameras shared with one user (cameras of this customer only). */
  async setCameras(actor: AuthUser, id: string, cameraIds: string[]): Promise<SharedUserView> {
    const customerId = actor.customerId!;
    return this.ds.transaction(async (em) => {
      await this.lockCustomer(em, customerId);
      const before = await this.target(em, customerId, id);
      await this.replaceCameras(em, customerId, id, cameraIds, this.clock.now());
      const after = await this.target(em, customerId, id);
      await this.audit.record(em, actor, {
        action: 'shared_user.cameras_set',
        targetType: 'user',
        targetId: id,
        customerId,
        before: { cameraIds: before.cameraIds },
        after: { cameraIds: after.cameraIds },
      });
      return after;
    });
  }

  /** From a camera's page: replaces the shared users who see this camera. */
  async setCameraUsers(
    actor: AuthUser,
    cameraId: string,
    userIds: string[],
  ): Promise<{ cameraId: string; userIds: string[] }> {
    const customerId = actor.customerId!;
    return this.ds.transaction(async (em) => {
      await this.lockCustomer(em, customerId);
      await this.ownCameras(em, customerId, [cameraId], 'cameraId');
      const ids = [...new Set(userIds)];
      const found = await rows<{ user_id: string }>(
        em,
        `SELECT s.user_id FROM shared_user s JOIN app_user u ON u.id = s.user_id AND u.active
          WHERE s.customer_id = $1 AND s.user_id = ANY($2::uuid[])`,
        [customerId, ids],
      );
      if (found.length !== ids.length)
        throw AppError.validation('userIds', 'names a user who is not your shared user');
      const before = await this.cameraUsers(em, cameraId);
      await em.query(
        `DELETE FROM shared_user_camera WHERE camera_id = $1 AND NOT (user_id = ANY($2::uuid[]))`,
        [cameraId, ids],
      );
      await em.query(
        `INSERT INTO shared_user_camera (user_id, camera_id, created_at)
         SELECT unnest($2::uuid[]), $1, $3 ON CONFLICT DO NOTHING`,
        [cameraId, ids, this.clock.now()],
      );
      const after = await this.cameraUsers(em, cameraId);
      await this.audit.record(em, actor, {
        action: 'camera.sharing_set',
        targetType: 'camera',
        targetId: cameraId,
        customerId,
        before: { userIds: before },
        after: { userIds: after },
      });
      return { cameraId, userIds: after };
    });
  }

  async cameraSharing(
    customerId: string,
    cameraId: string,
  ): Promise<{ cameraId: string; userIds: string[] }> {
    await this.ownCameras(this.ds.manager, customerId, [cameraId], 'cameraId', true);
    return { cameraId, userIds: await this.cameraUsers(this.ds.manager, cameraId) };
  }

  /**
   * Deletes a shared user with the contract holder's password (400 400224 when wrong). Their
   * sessions end at once (the rows go with the user), and their sharing and favorites with them.
   */
  async remove(actor: AuthUser, id: string, password: string): Promise<void> {
    refuseInProxy(actor, 'Deleting a shared user (it needs the contract holder’s password)');
    const customerId = actor.customerId!;
    // The one credential gate: a wrong holder password counts towards the lockout (400224).
    await this.credentials.run(
      {
        find: async (em) => {
          const [u] = await rows<Record<string, unknown>>(
            em,
            `SELECT ${CREDENTIAL_COLUMNS} FROM app_user u WHERE u.id = $1 AND u.role = 'customer' AND u.active FOR UPDATE`,
            [actor.id],
          );
          return u ? toCredentialUser(u) : null;
        },
        unknownKey: actor.id,
        password,
        field: 'password',
        invalid: () =>
          AppError.badRequest(ErrorCode.INVALID_CREDENTIALS, 'password: is wrong', { field: 'password' }),
      },
      async () => undefined,
    );
    await this.ds.transaction(async (em) => {
      await this.lockCustomer(em, customerId);
      const u = await this.target(em, customerId, id);
      const now = this.clock.now();
      await em.query(REVOKE_ALL_SESSIONS, [id, now, 'shared_user_deleted']);
      await em.query(`DELETE FROM app_user WHERE id = $1`, [id]);
      await this.audit.record(em, actor, {
        action: 'shared_user.deleted',
        targetType: 'user',
        targetId: id,
        customerId,
        before: { email: u.email, name: u.name, permissions: u.permissions, cameraIds: u.cameraIds },
      });
    });
  }

  // ---------- helpers ----------

  private async lockCustomer(em: EntityManager, customerId: string) {
    const [h] = await rows<{
      name: string;
      language: Language;
      time_zone: string;
      customer_name: string;
      deactivated_at: Date | null;
    }>(
      em,
      `SELECT u.name, u.language, u.time_zone, c.name AS customer_name, c.deactivated_at
         FROM customer c JOIN app_user u ON u.customer_id = c.id AND u.role = 'customer'
        WHERE c.id = $1 ORDER BY u.created_at LIMIT 1 FOR UPDATE OF c`,
      [customerId],
    );
    if (!h) throw AppError.notFound('Customer');
    if (h.deactivated_at)
      throw AppError.conflict(ErrorCode.CUSTOMER_DEACTIVATED, 'the account is deactivated');
    return h;
  }

  private async target(em: EntityManager, customerId: string, id: string): Promise<SharedUserView> {
    const [r] = await rows<SharedRow>(em, `${SELECT_SHARED} AND u.id = $2`, [customerId, id]);
    if (!r) throw AppError.notFound('Shared user');
    return view(r);
  }

  private async ownCameras(
    em: EntityManager,
    customerId: string,
    ids: string[],
    field: string,
    single = false,
  ) {
    const found = await rows<{ id: string }>(
      em,
      `SELECT id FROM camera WHERE customer_id = $1 AND deleted_at IS NULL AND id = ANY($2::uuid[])`,
      [customerId, ids],
    );
    if (found.length !== new Set(ids).size) {
      if (single) throw AppError.notFound('Camera');
      throw AppError.validation(field, 'names a camera that is not yours');
    }
  }

  private async replaceCameras(
    em: EntityManager,
    customerId: string,
    userId: string,
    cameraIds: string[],
    now: Date,
  ) {
    const ids = [...new Set(cameraIds)];
    await this.ownCameras(em, customerId, ids, 'cameraIds');
    await em.query(
      `DELETE FROM shared_user_camera WHERE user_id = $1 AND NOT (camera_id = ANY($2::uuid[]))`,
      [userId, ids],
    );
    await em.query(
      `INSERT INTO shared_user_camera (user_id, camera_id, created_at)
       SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING`,
      [userId, ids, now],
    );
  }

  private async cameraUsers(em: EntityManager, cameraId: string): Promise<string[]> {
    const r = await rows<{ user_id: string }>(
      em,
      `SELECT user_id FROM shared_user_camera WHERE camera_id = $1 ORDER BY user_id`,
      [cameraId],
    );
    return r.map((x) => x.user_id);
  }
}
