import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@lc/shared';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../errors/app-error.js';
import { rows } from '../database/database.js';
import { SingleFlight } from '../database/single-flight.js';

/**
 * The session's user or, in a proxy session, the acting member belongs to a suspended dealer
 * (issue 14 §2.3): the session stops at once, whatever its revocation state.
 */
const SUSPENDED_DEALER = `SELECT 1 FROM app_user m JOIN dealer d ON d.id = m.dealer_id
  WHERE m.id IN (s.user_id, s.acting_user_id) AND d.suspended_at IS NOT NULL`;

/** How often a session in use has its last activity written. */
const TOUCH_EVERY_MS = 1000;

/** Keeps sessions alive on use and refuses revoked, expired or idle ones. */
@Injectable()
export class SessionGate {
  /** Concurrent checks of one session share one statement (see SingleFlight). */
  private readonly checks = new SingleFlight<{ must_change_password: boolean }[]>();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * One statement on the happy path; a session of a suspended dealer's member (or a proxy
   * session such a member opened) is refused in that statement and answers 401 200301. on refusal a second query tells why. The session's
   * `last_active_at` is written at most once per second (`TOUCH_EVERY_MS`): a burst of requests
   * on one session reads it instead of queueing on its row lock; idle time is counted in minutes.
   * Requests on one session that arrive while its statement is in flight share that statement's
   * answer (`SingleFlight`): a revocation is seen by every request that arrives one round trip
   * after it committed.
   */
  async touch(sessionId: string): Promise<{ mustChangePassword: boolean }> {
    const now = this.clock.now();
    const idleSince = new Date(now.getTime() - this.config.idleTimeoutMinutes * 60_000);
    const ok = await this.checks.run(sessionId, () =>
      rows<{ must_change_password: boolean }>(
        this.ds.manager,
        `WITH cur AS (
         SELECT s.id, s.last_active_at, u.must_change_password
           FROM auth_session s JOIN app_user u ON u.id = s.user_id
          WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND s.last_active_at > $3
            AND NOT EXISTS (${SUSPENDED_DEALER})
       ), touched AS (
         UPDATE auth_session s SET last_active_at = $2
           FROM cur WHERE s.id = cur.id AND cur.last_active_at NOT BETWEEN $4 AND $2
         RETURNING 1
       )
       SELECT must_change_password FROM cur`,
        [sessionId, now, idleSince, new Date(now.getTime() - TOUCH_EVERY_MS)],
      ),
    );
    if (ok.length) return { mustChangePassword: ok[0].must_change_password };
    const [s] = await rows<{
      revoked_at: Date | null;
      expires_at: Date;
      last_active_at: Date;
      revoke_reason: string | null;
      dealer_suspended: boolean;
    }>(
      this.ds.manager,
      `SELECT revoked_at, expires_at, last_active_at, revoke_reason, EXISTS (${SUSPENDED_DEALER}) AS dealer_suspended
         FROM auth_session s WHERE id = $1`,
      [sessionId],
    );
    if (s?.dealer_suspended) throw AppError.dealerSuspended(401);
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
