import { createHash } from 'node:crypto';
import { Injectable, type ExecutionContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@lc/shared';
import { AppConfig } from '../config/config.js';
import { Clock } from '../clock/clock.js';
import { rows } from '../database/database.js';
import { AppError } from '../errors/app-error.js';
import type { AuthUser, Caller } from './decorators.js';

/** Every API key starts with this, so the guard tells it from an access token without a query. */
export const API_KEY_PREFIX = 'lck_';
export const apiKeyHash = (key: string) => createHash('sha256').update(key).digest('hex');
/** API keys have no session; stray session queries with this id match nothing. */
export const API_KEY_SESSION_ID = '00000000-0000-0000-0000-000000000000';
/** Sign-in, account, proxy sessions and key management need a person, not a key. */
const PERSON_ONLY = /^\/api\/(auth|account|proxy-sessions|api-keys)(\/|$|\?)/;

/**
 * `Authorization: Bearer lck_…` (issue #17): a dealer's API key acts as that dealer with a
 * manager's rights. One UPDATE finds the live key by its sha256, records its last use and counts
 * the request in the key's one-minute window (API_KEY_RATE_PER_MINUTE, across replicas); over
 * the limit → 429. A key of a suspended dealer matches nothing there and answers 403 200301. The principal is the member who created the key (else an owner), with
 * `apiKeyId` set, so every audit row names the key.
 */
@Injectable()
export class ApiKeyGate {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** True when the request carried an API key and it was accepted; false when it carried none. */
  async tryAuthenticate(ctx: ExecutionContext, allowed: Caller[]): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<{
      headers: Record<string, string | undefined>;
      originalUrl?: string;
      url: string;
      user?: AuthUser;
    }>();
    const m = /^Bearer\s+(lck_\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!m) return false;
    const user = await this.authenticate(m[1]).catch((e: unknown) => {
      const retry = e instanceof AppError ? e.details?.retryAfterSeconds : undefined;
      if (retry)
        ctx
          .switchToHttp()
          .getResponse<{ setHeader(n: string, v: string): void }>()
          .setHeader('Retry-After', String(retry));
      throw e;
    });
    if (!allowed.includes('dealer')) throw AppError.forbidden('This route is not for API keys');
    if (PERSON_ONLY.test(req.originalUrl ?? req.url)) {
      throw AppError.forbidden(
        'This route needs a signed-in person, not an API key',
        ErrorCode.API_KEY_NOT_ALLOWED,
      );
    }
    req.user = user;
    return true;
  }

  async authenticate(key: string): Promise<AuthUser> {
    const now = this.clock.now();
    const [k] = await rows<{
      id: string;
      dealer_id: string;
      window_count: number;
      window_start: Date;
      user_id: string | null;
    }>(
      this.ds.manager,
      `UPDATE api_key k
          SET last_used_at = $2,
              window_start = CASE WHEN k.window_start > $3 AND k.window_start <= $2 THEN k.window_start ELSE $2 END,
              window_count = CASE WHEN k.window_start > $3 AND k.window_start <= $2 THEN k.window_count + 1 ELSE 1 END
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM dealer d WHERE d.id = k.dealer_id AND d.suspended_at IS NOT NULL)
        RETURNING k.id, k.dealer_id, k.window_count, k.window_start,
                  COALESCE((SELECT u.id FROM app_user u WHERE u.id = k.created_by_user_id AND u.active),
                           (SELECT u.id FROM app_user u WHERE u.dealer_id = k.dealer_id AND u.member_role = 'owner'
                               AND u.active ORDER BY u.created_at LIMIT 1)) AS user_id`,
      [apiKeyHash(key), now, new Date(now.getTime() - 60_000)],
    );
    if (!k) {
      // A live key of a suspended dealer is refused with its own answer; it works again once reinstated.
      const [suspended] = await rows(
        this.ds.manager,
        `SELECT 1 FROM api_key k JOIN dealer d ON d.id = k.dealer_id
          WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND d.suspended_at IS NOT NULL`,
        [apiKeyHash(key)],
      );
      if (suspended) throw AppError.dealerSuspended(403);
    }
    if (!k || !k.user_id)
      throw AppError.unauthorized(ErrorCode.API_KEY_INVALID, 'Unknown or revoked API key');
    if (k.window_count > this.config.apiKeyRatePerMinute) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((k.window_start.getTime() + 60_000 - now.getTime()) / 1000),
      );
      throw new AppError(
        429,
        ErrorCode.API_KEY_RATE_LIMITED,
        `Too many requests with this API key (at most ${this.config.apiKeyRatePerMinute} a minute)`,
        { retryAfterSeconds },
      );
    }
    return {
      id: k.user_id,
      role: 'dealer',
      sessionId: API_KEY_SESSION_ID,
      dealerId: k.dealer_id,
      customerId: null,
      memberRole: 'manager',
      actingUserId: null,
      apiKeyId: k.id,
    };
  }
}
