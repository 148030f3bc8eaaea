import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@lc/shared';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../errors/app-error.js';
import { rows } from '../database/database.js';

/** Keeps sessions alive on use and refuses revoked, expired or idle ones. */
@Injectable()
export class SessionGate {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** One UPDATE on the happy path; on refusal a second query tells why. */
  async touch(sessionId: string): Promise<{ mustChangePassword: boolean }> {
    const now = this.clock.now();
    const idleSince = new Date(now.getTime() - this.config.idleTimeoutMinutes * 60_000);
    const ok = await rows<{ must_change_password: boolean }>(
      this.ds.manager,
      `UPDATE auth_session s SET last_active_at = $2
         FROM app_user u
        WHERE s.id = $1 AND u.id = s.user_id
          AND s.revoked_at IS NULL AND s.expires_at > $2 AND s.last_active_at > $3
        RETURNING u.must_change_password`,
      [sessionId, now, idleSince],
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
