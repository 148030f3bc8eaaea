import { Injectable, Module } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, LOCKOUT } from '@lc/shared';
import { AppConfig } from '../common/config/config.js';
import { Clock } from '../common/clock/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { rows } from '../common/database/database.js';
import { PasswordHasher } from '../common/auth/password-hasher.js';
import { MailService } from '../common/mail/mail.service.js';

/** The columns of `app_user` the credential rules read. */
export interface CredentialUser {
  id: string;
  email: string;
  name: string;
  language: 'ja' | 'en';
  timeZone: string;
  passwordHash: string | null;
  lockedUntil: Date | null;
  passwordExpiresAt: Date | null;
  mustChangePassword: boolean;
}

/** Selects `app_user u` as a CredentialUser (lower-case aliases, converted by `toCredentialUser`). */
export const CREDENTIAL_COLUMNS = `u.id, u.email, u.name, u.language, u.time_zone, u.password_hash,
  u.locked_until, u.password_expires_at, u.must_change_password`;

export function toCredentialUser(r: Record<string, unknown>): CredentialUser {
  return {
    id: r.id as string,
    email: r.email as string,
    name: r.name as string,
    language: r.language as 'ja' | 'en',
    timeZone: r.time_zone as string,
    passwordHash: (r.password_hash as string | null) ?? null,
    lockedUntil: (r.locked_until as Date | null) ?? null,
    passwordExpiresAt: (r.password_expires_at as Date | null) ?? null,
    mustChangePassword: r.must_change_password === true,
  };
}

export interface CredentialRequest<U extends CredentialUser> {
  /**
   * Finds the account inside the transaction and locks its row (`FOR UPDATE`); null when there
   * is none (or it cannot sign in) — then `unknownKey` is counted instead, so an unknown login
   * answers exactly like a known one, lockout included.
   */
  find: (em: EntityManager) => Promise<U | null>;
  unknownKey: string;
  password: string;
  /** The client address: failures from it are throttled across accounts (sign-in, device registration). */
  ip?: string | null;
  /** Sign-in lets an initial password through so that it can be changed; everything else refuses it. */
  allowPasswordChange?: boolean;
  /** The wrong-password answer of this use case (401 for sign-in, 400 naming `password` elsewhere). */
  invalid: () => AppError;
  /** Field named in the locked message. */
  field: string;
}

type Failure =
  | { kind: 'invalid' }
  | { kind: 'locked'; until: Date }
  | { kind: 'initial-expired' }
  | { kind: 'must-change' }
  | { kind: 'throttled'; retryAfterSeconds: number };

const WINDOW_MS = LOCKOUT.windowMinutes * 60_000;
const LOCK_MS = LOCKOUT.lockMinutes * 60_000;

/**
 * The one credential gate (SPEC §5) used by sign-in, device registration, device deletion and
 * account deactivation: the password, the lockout (5 failures in 15 minutes lock for 15
 * minutes; an `account-locked` e-mail), the 24-hour initial password (401006), the required
 * first change (403001), and a throttle of failures per client address across accounts
 * (`LOGIN_FAILURES_PER_IP` in 15 minutes → 429 with `retryAfterSeconds`).
 *
 * Locking contract: the account row is locked by `find` (`FOR UPDATE`); an unknown login is
 * serialised by a transaction advisory lock on its key. Failures commit on their own (the
 * transaction returns the refusal and it is thrown after commit); on success `then` runs in the
 * same transaction, and its own errors roll the whole use case back.
 */
@Injectable()
export class CredentialCheck {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly mail: MailService,
  ) {}

  async run<U extends CredentialUser, T>(
    req: CredentialRequest<U>,
    then: (em: EntityManager, user: U) => Promise<T>,
  ): Promise<T> {
    const outcome = await this.ds.transaction(async (em): Promise<{ ok: T } | Failure> => {
      const now = this.clock.now();
      if (req.ip) {
        const throttled = await this.addressThrottled(em, req.ip, now);
        if (throttled) return throttled;
      }
      const user = await req.find(em);
      if (!user) return this.unknown(em, req, now);
      if (user.lockedUntil && user.lockedUntil > now) return { kind: 'locked', until: user.lockedUntil };
      if (!(await this.hasher.verify(user.passwordHash, req.password))) {
        await this.recordAddress(em, req.ip, now);
        return this.countFailure(em, user, req.ip ?? null, now);
      }
      await em.query(`DELETE FROM login_failure WHERE user_id = $1`, [user.id]);
      if (user.passwordExpiresAt && user.passwordExpiresAt <= now) return { kind: 'initial-expired' };
      if (user.mustChangePassword && !req.allowPasswordChange) return { kind: 'must-change' };
      return { ok: await then(em, user) };
    });
    if ('ok' in outcome) return outcome.ok;
    throw this.refusal(outcome, req);
  }

  private refusal(f: Failure, req: CredentialRequest<CredentialUser>): AppError {
    switch (f.kind) {
      case 'invalid':
        return req.invalid();
      case 'locked':
        return AppError.locked(f.until, this.clock.now(), req.field);
      case 'initial-expired':
        return AppError.unauthorized(
          ErrorCode.INITIAL_PASSWORD_EXPIRED,
          'password: the initial password was valid for 24 hours and has expired; use "forgot password" to get a new one',
        );
      case 'must-change':
        return new AppError(
          403,
          ErrorCode.PASSWORD_CHANGE_REQUIRED,
          'password: the initial password must be changed first; sign in to the portal and set your own',
        );
      case 'throttled':
        return new AppError(
          429,
          ErrorCode.RATE_LIMITED,
          `login: too many failed sign-ins from this address; try again in ${Math.ceil(f.retryAfterSeconds / 60)} minutes`,
          { retryAfterSeconds: f.retryAfterSeconds },
        );
    }
  }

  /** Too many failures from this address in the window → the seconds until the oldest leaves it. */
  private async addressThrottled(em: EntityManager, ip: string, now: Date): Promise<Failure | null> {
    const [r] = await rows<{ n: number; oldest: Date | null }>(
      em,
      `SELECT count(*)::int AS n, min(at) AS oldest FROM login_address_failure WHERE ip = $1 AND at > $2`,
      [ip, new Date(now.getTime() - WINDOW_MS)],
    );
    if (r.n < this.config.loginFailuresPerIp || !r.oldest) return null;
    const retryAfterSeconds = Math.max(1, Math.ceil((r.oldest.getTime() + WINDOW_MS - now.getTime()) / 1000));
    return { kind: 'throttled', retryAfterSeconds };
  }

  private async recordAddress(em: EntityManager, ip: string | null | undefined, now: Date): Promise<void> {
    if (!ip) return;
    await em.query(`DELETE FROM login_address_failure WHERE ip = $1 AND at <= $2`, [
      ip,
      new Date(now.getTime() - WINDOW_MS),
    ]);
    await em.query(`INSERT INTO login_address_failure (ip, at) VALUES ($1, $2)`, [ip, now]);
  }

  private async countFailure(
    em: EntityManager,
    user: CredentialUser,
    ip: string | null,
    now: Date,
  ): Promise<Failure> {
    await em.query(`INSERT INTO login_failure (user_id, at, ip) VALUES ($1, $2, $3)`, [user.id, now, ip]);
    const [{ n }] = await rows<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM login_failure WHERE user_id = $1 AND at > $2`,
      [user.id, new Date(now.getTime() - WINDOW_MS)],
    );
    if (n < LOCKOUT.maxFailures) return { kind: 'invalid' };
    const until = new Date(now.getTime() + LOCK_MS);
    await em.query(`UPDATE app_user SET locked_until = $2, updated_at = $3 WHERE id = $1`, [
      user.id,
      until,
      now,
    ]);
    await em.query(`DELETE FROM login_failure WHERE user_id = $1`, [user.id]);
    await this.mail.enqueue(em, {
      to: user.email,
      template: 'account-locked',
      language: user.language,
      timeZone: user.timeZone,
      data: { name: user.name, lockedUntil: until.toISOString(), ...LOCKOUT },
    });
    return { kind: 'locked', until };
  }

  /**
   * An unknown login: the same hash work, the same failure count and the same lock as a known
   * one, kept under its lower-cased key, so the answers cannot tell the two apart.
   */
  private async unknown(
    em: EntityManager,
    req: CredentialRequest<CredentialUser>,
    now: Date,
  ): Promise<Failure> {
    const key = req.unknownKey.toLowerCase().slice(0, 320);
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('unknown-login:' || $1, 0))`, [key]);
    const [lock] = await rows<{ locked_until: Date }>(
      em,
      `SELECT locked_until FROM unknown_login_lock WHERE login_key = $1`,
      [key],
    );
    if (lock && lock.locked_until > now) return { kind: 'locked', until: lock.locked_until };
    await this.hasher.verify(null, req.password);
    await this.recordAddress(em, req.ip, now);
    await em.query(`DELETE FROM unknown_login_failure WHERE login_key = $1 AND at <= $2`, [
      key,
      new Date(now.getTime() - WINDOW_MS),
    ]);
    await em.query(`INSERT INTO unknown_login_failure (login_key, at) VALUES ($1, $2)`, [key, now]);
    const [{ n }] = await rows<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM unknown_login_failure WHERE login_key = $1`,
      [key],
    );
    if (n < LOCKOUT.maxFailures) return { kind: 'invalid' };
    const until = new Date(now.getTime() + LOCK_MS);
    await em.query(
      `INSERT INTO unknown_login_lock (login_key, locked_until) VALUES ($1, $2)
       ON CONFLICT (login_key) DO UPDATE SET locked_until = EXCLUDED.locked_until`,
      [key, until],
    );
    await em.query(`DELETE FROM unknown_login_failure WHERE login_key = $1`, [key]);
    return { kind: 'locked', until };
  }
}

/** The credential gate, for every feature that checks a password. */
@Module({ providers: [CredentialCheck], exports: [CredentialCheck] })
export class CredentialsModule {}
