import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  checkPassword,
  ErrorCode,
  type LoginResponse,
  type ProxySessionInfo,
  type SessionUser,
} from '@lc/shared';
import { AppConfig } from '../common/config/config.js';
import { Clock } from '../common/clock/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { rows } from '../common/database/database.js';
import { PasswordHasher } from '../common/auth/password-hasher.js';
import { TokenKeys } from '../common/auth/token-keys.js';
import type { AccessClaims } from '../common/auth/jwt.strategy.js';
import type { AuthUser } from '../common/auth/decorators.js';
import { CredentialCheck, type CredentialUser } from './credential-check.js';
import { User } from '../accounts/entities.js';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface SessionOptions {
  /** Proxy sessions: the dealer member really acting, the reason, and a shorter lifetime. */
  actingUserId?: string;
  reason?: string;
  ttlMs?: number;
  ip?: string | null;
  userAgent?: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly keys: TokenKeys,
    private readonly credentials: CredentialCheck,
  ) {}

  async login(
    login: string,
    password: string,
    ip: string | null,
    userAgent: string | null,
  ): Promise<LoginResponse> {
    return this.credentials
      .run<CredentialUser & { user: User }, LoginResponse | null>(
        {
          find: async (em) => {
            const [user] = await em
              .createQueryBuilder(User, 'u')
              .leftJoin('dealer', 'd', 'd.id = u.dealer_id')
              .where('lower(u.email) = lower(:login)', { login })
              .orWhere("(d.login_id = :login AND u.member_role = 'owner')", { login })
              .orderBy('CASE WHEN lower(u.email) = lower(:login) THEN 0 ELSE 1 END')
              .addOrderBy('u.created_at')
              .limit(1)
              .setLock('pessimistic_write', undefined, ['u'])
              .getMany();
            return user && user.active ? { ...user, user } : null;
          },
          unknownKey: login,
          password,
          ip,
          allowPasswordChange: true,
          field: 'login',
          invalid: () =>
            AppError.unauthorized(
              ErrorCode.INVALID_CREDENTIALS,
              'login or password: the e-mail address, login ID or password is wrong',
            ),
        },
        async (em, found) => {
          // Checked once the password is proven, so a suspension tells nothing to a guesser.
          if (found.user.dealerId) {
            const [d] = await rows<{ suspended: boolean }>(
              em,
              `SELECT suspended_at IS NOT NULL AS suspended FROM dealer WHERE id = $1`,
              [found.user.dealerId],
            );
            if (d?.suspended) return null;
          }
          return this.openSession(em, found.user, { ip, userAgent });
        },
      )
      .then((r) => {
        if (!r) throw AppError.dealerSuspended(403);
        return r;
      });
  }

  /** Creates a session (a refresh-token family) and its first token pair. */
  async openSession(em: EntityManager, user: User, opts: SessionOptions = {}): Promise<LoginResponse> {
    const now = this.clock.now();
    const ttl = opts.ttlMs ?? this.config.refreshTokenTtlDays * 86_400_000;
    const [s] = await rows<{ id: string }>(
      em,
      `INSERT INTO auth_session (user_id, acting_user_id, reason, created_at, last_active_at, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7) RETURNING id`,
      [
        user.id,
        opts.actingUserId ?? null,
        opts.reason ?? null,
        now,
        new Date(now.getTime() + ttl),
        opts.ip ?? null,
        opts.userAgent?.slice(0, 300) ?? null,
      ],
    );
    return this.issuePair(em, user, s.id, opts.actingUserId ?? null);
  }

  private async issuePair(
    em: EntityManager,
    user: User,
    sessionId: string,
    actingUserId: string | null,
  ): Promise<LoginResponse> {
    const now = this.clock.now();
    const refreshToken = randomBytes(32).toString('base64url');
    await em.query(`INSERT INTO refresh_token (session_id, token_hash, created_at) VALUES ($1, $2, $3)`, [
      sessionId,
      sha256(refreshToken),
      now,
    ]);
    const iat = Math.floor(now.getTime() / 1000);
    const claims: AccessClaims = {
      sub: user.id,
      sid: sessionId,
      role: user.role,
      dlr: user.dealerId,
      cus: user.customerId,
      mrl: user.memberRole,
      act: actingUserId,
      iat,
      exp: iat + this.config.accessTokenTtlSeconds,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: await this.keys.secret(),
      algorithm: 'HS256',
    });
    return { accessToken, refreshToken, user: toSessionUser(user) };
  }

  /** Rotates the refresh token; a token used twice revokes its whole family. */
  async refresh(token: string): Promise<LoginResponse> {
    const outcome = await this.ds.transaction(async (em) => {
      const now = this.clock.now();
      const [t] = await rows<{
        id: string;
        session_id: string;
        used_at: Date | null;
        revoked_at: Date | null;
        expires_at: Date;
        last_active_at: Date;
        user_id: string;
        acting_user_id: string | null;
        dealer_suspended: boolean;
      }>(
        em,
        `SELECT t.id, t.session_id, t.used_at, s.revoked_at, s.expires_at, s.last_active_at, s.user_id, s.acting_user_id,
                EXISTS (SELECT 1 FROM app_user m JOIN dealer d ON d.id = m.dealer_id
                         WHERE m.id IN (s.user_id, s.acting_user_id) AND d.suspended_at IS NOT NULL) AS dealer_suspended
           FROM refresh_token t JOIN auth_session s ON s.id = t.session_id
          WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
        [sha256(token)],
      );
      if (!t)
        return {
          error: AppError.unauthorized(
            ErrorCode.REFRESH_TOKEN_INVALID,
            'refreshToken: unknown refresh token',
          ),
        };
      // The member's (or the proxy session's acting member's) dealer is suspended (issue 14 §2.3).
      if (t.dealer_suspended) return { error: AppError.dealerSuspended(403) };
      if (t.revoked_at)
        return {
          error: AppError.unauthorized(ErrorCode.SESSION_REVOKED, 'Your session has ended; sign in again'),
        };
      if (t.used_at) {
        await em.query(
          `UPDATE auth_session SET revoked_at = $2, revoke_reason = 'refresh_token_reused' WHERE id = $1`,
          [t.session_id, now],
        );
        return {
          error: AppError.unauthorized(
            ErrorCode.REFRESH_TOKEN_REUSED,
            'refreshToken: this refresh token was already used; the session was ended for safety',
          ),
        };
      }
      if (t.expires_at <= now)
        return {
          error: AppError.unauthorized(ErrorCode.SESSION_REVOKED, 'Your session has expired; sign in again'),
        };
      if (t.last_active_at.getTime() + this.config.idleTimeoutMinutes * 60_000 <= now.getTime()) {
        await em.query(
          `UPDATE auth_session SET revoked_at = $2, revoke_reason = 'idle_timeout' WHERE id = $1`,
          [t.session_id, now],
        );
        return {
          error: AppError.unauthorized(
            ErrorCode.SESSION_IDLE_TIMEOUT,
            `You were signed out after ${this.config.idleTimeoutMinutes} minutes of inactivity`,
            { idleTimeoutMinutes: this.config.idleTimeoutMinutes },
          ),
        };
      }
      const user = await em.findOneBy(User, { id: t.user_id });
      if (!user || !user.active)
        return { error: AppError.unauthorized(ErrorCode.SESSION_REVOKED, 'The account is no longer active') };
      await em.query(`UPDATE refresh_token SET used_at = $2 WHERE id = $1`, [t.id, now]);
      await em.query(`UPDATE auth_session SET last_active_at = $2 WHERE id = $1`, [t.session_id, now]);
      return { ok: await this.issuePair(em, user, t.session_id, t.acting_user_id) };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.ok;
  }

  async logout(token: string): Promise<void> {
    await this.ds.query(
      `UPDATE auth_session SET revoked_at = $2, revoke_reason = 'logout'
        WHERE revoked_at IS NULL AND id = (SELECT session_id FROM refresh_token WHERE token_hash = $1)`,
      [sha256(token), this.clock.now()],
    );
  }

  async me(user: AuthUser): Promise<SessionUser> {
    const u = await this.ds.manager.findOneBy(User, { id: user.id });
    if (!u) throw AppError.notFound('User');
    if (!user.actingUserId) return toSessionUser(u);
    const proxy = await proxyInfo(this.ds.manager, user.sessionId);
    return { ...toSessionUser(u), ...(proxy ? { proxy } : {}) };
  }

  async updateMe(user: AuthUser, patch: { language?: 'ja' | 'en' }): Promise<SessionUser> {
    if (patch.language) {
      await this.ds.manager.update(
        User,
        { id: user.id },
        { language: patch.language, updatedAt: this.clock.now() },
      );
    }
    return this.me(user);
  }

  /** Change password (current one required); other sessions of the user end. */
  async changePassword(actor: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    if (actor.actingUserId) {
      throw AppError.forbidden(
        'Passwords cannot be changed inside a proxy session',
        ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION,
      );
    }
    await this.ds.transaction(async (em) => {
      const user = await em.findOne(User, { where: { id: actor.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw AppError.notFound('User');
      if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
        throw AppError.badRequest(
          ErrorCode.INVALID_CREDENTIALS,
          'currentPassword: the current password is wrong',
        );
      }
      assertPasswordPolicy(newPassword, user);
      if (newPassword === currentPassword) {
        throw AppError.badRequest(
          ErrorCode.PASSWORD_POLICY,
          'newPassword: must differ from the current password',
        );
      }
      const now = this.clock.now();
      await em.update(
        User,
        { id: user.id },
        {
          passwordHash: await this.hasher.hash(newPassword),
          mustChangePassword: false,
          passwordExpiresAt: null,
          updatedAt: now,
        },
      );
      await em.query(
        `UPDATE auth_session SET revoked_at = $3, revoke_reason = 'password_changed'
          WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
        [user.id, actor.sessionId, now],
      );
    });
  }
}

export function assertPasswordPolicy(
  password: string,
  user: { email: string; name: string },
  field = 'newPassword',
): void {
  const r = checkPassword(password, user);
  if (!r.ok) {
    throw AppError.badRequest(
      ErrorCode.PASSWORD_POLICY,
      `${field}: does not meet the password policy (${r.failures.join(', ')})`,
      {
        failures: r.failures,
      },
    );
  }
}

export function toSessionUser(u: User): SessionUser {
  return {
    id: u.id,
    role: u.role,
    name: u.name,
    email: u.email,
    language: u.language,
    timeZone: u.timeZone,
    dealerId: u.dealerId,
    customerId: u.customerId,
    memberRole: u.memberRole,
    mustChangePassword: u.mustChangePassword,
    handoverPending: u.handoverPending,
  };
}

/** The banner data of a proxy session: who really acts, for which dealer, why, until when. */
export async function proxyInfo(em: EntityManager, sessionId: string): Promise<ProxySessionInfo | null> {
  const [p] = await rows<{
    acting_user_id: string;
    name: string;
    dealer_id: string;
    company_name: string;
    reason: string | null;
    expires_at: Date;
  }>(
    em,
    `SELECT s.acting_user_id, a.name, d.id AS dealer_id, d.company_name, s.reason, s.expires_at
       FROM auth_session s
       JOIN app_user a ON a.id = s.acting_user_id
       JOIN dealer d ON d.id = a.dealer_id
      WHERE s.id = $1`,
    [sessionId],
  );
  if (!p) return null;
  return {
    sessionId,
    actingUserId: p.acting_user_id,
    actingUserName: p.name,
    dealerId: p.dealer_id,
    dealerCompanyName: p.company_name,
    reason: p.reason ?? '',
    expiresAt: p.expires_at.toISOString(),
  };
}
