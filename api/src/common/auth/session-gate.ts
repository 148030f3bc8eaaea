import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@lc/shared';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../errors/app-error.js';
import { rows } from '../database/database.js';

/** How often a session in use has its last activity written. */
const TOUCH_EVERY_MS = 1000;

/** Keeps sessions alive on use and refuses revoked, expired or idle ones. */
@Injectable()
export class SessionGate {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * One statement on the happy path; on refusal a second query tells why. The session's
   * `last_active_at` is written at most once per second (`TOUCH_EVERY_MS`): a burst of requests
   * on one session reads it instead of queueing on its row lock; idle time is counted in minutes.
   */
  async touch(sessionId: string): Promise<{ mustChangePassword: boolean }> {
    const now = this.clock.now();
    const idleSince = new Date(now.getTime() - this.config.idleTimeoutMinutes * 60_000);
    const ok = await rows<{ must_change_password: boolean }>(
      this.ds.manager,
      `WITH cur AS (
         SELECT s.id, s.last_active_at, u.must_change_password
           FROM auth_session s JOIN app_user u ON u.id = s.user_id
          WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND s.last_active_at > $3
       ), touched AS (
         UPDATE auth_session s SET last_active_at = $2
           FROM cur WHERE s.id = cur.id AND cur.last_active_at NOT BETWEEN $4 AND $2
         RETURNING 1
       )
       SELECT must_change_password FROM cur`,
      [sessionId, now, idleSince, new Date(now.getTime() - TOUCH_EVERY_MS)],
    );
    if (ok.length) return { mustChangePassword: ok[0].must_change_password };
    const [s] = await rows<{
      revoked_at: Date | null;
      expires_at: Date;
      last_active_at: Date;
      revoke_reason: string | null;
    }>(
      this.ds.manager,
      `SELECT revoked_at, expires_at, last_active_at, revoke_reason FROM auth_session WHERE id = $1`,
      [sessionId],
    );
    if (!s || s.revoked_at) {
      throw AppError.unauthorized(ErrorCode.SESSION_REVOKED, 'Your session has ended; sign in again', {
        reason: s?.revoke_reason ?? 'unknown',
      });
    }
    if (s.expires_at <= now)
      throw AppError.unauthorized(ErrorCode.SESSION_REVOKED, 'Your session has expired; sign in again');
    throw AppError.unauthorized(
      ErrorCode.SESSION_IDLE_TIMEOUT,
      `You were signed out after ${this.config.idleTimeoutMinutes} minutes of inactivity`,
      { idleTimeoutMinutes: this.config.idleTimeoutMinutes },
    );
  }
}
