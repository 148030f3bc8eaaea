import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { API_KEYS_MAX, ErrorCode, type ApiKeyCreated, type ApiKeyView } from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { AuditService } from '../common/audit/audit.service.js';
import type { AuthUser } from '../common/auth/decorators.js';
import { API_KEY_PREFIX, apiKeyHash } from '../common/auth/api-key-gate.js';

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const view = (k: KeyRow): ApiKeyView => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.created_at.toISOString(),
  lastUsedAt: k.last_used_at ? k.last_used_at.toISOString() : null,
  revokedAt: k.revoked_at ? k.revoked_at.toISOString() : null,
});

/**
 * A dealer's API keys (issue #17), managed by its owners: the key (`lck_` + 32 random bytes,
 * base64url) is shown once; only its sha256 is stored. Authentication is `ApiKeyGate`.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser): Promise<ApiKeyView[]> {
    const r = await rows<KeyRow>(
      this.ds.manager,
      `SELECT * FROM api_key WHERE dealer_id = $1 ORDER BY revoked_at IS NOT NULL, created_at DESC, id`,
      [user.dealerId],
    );
    return r.map(view);
  }

  async create(user: AuthUser, name: string, ip: string | null): Promise<ApiKeyCreated> {
    const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    return this.ds.transaction(async (em) => {
      const now = this.clock.now();
      await em.query(`SELECT 1 FROM dealer WHERE id = $1 FOR UPDATE`, [user.dealerId]);
      const [{ n }] = await rows<{ n: number }>(
        em,
        `SELECT count(*)::int AS n FROM api_key WHERE dealer_id = $1 AND revoked_at IS NULL`,
        [user.dealerId],
      );
      if (n >= API_KEYS_MAX) {
        throw AppError.conflict(
          ErrorCode.API_KEY_LIMIT,
          `name: a dealer keeps at most ${API_KEYS_MAX} live API keys`,
        );
      }
      const [k] = await rows<KeyRow>(
        em,
        `INSERT INTO api_key (dealer_id, name, prefix, key_hash, created_by_user_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [user.dealerId, name, key.slice(0, 10), apiKeyHash(key), user.id, now],
      );
      await this.audit.record(
        em,
        user,
        {
          action: 'api_key.created',
          targetType: 'api_key',
          targetId: k.id,
          after: { name, prefix: k.prefix },
        },
        ip,
      );
      return { ...view(k), key };
    });
  }

  async revoke(user: AuthUser, id: string, ip: string | null): Promise<void> {
    await this.ds.transaction(async (em) => {
      const [k] = await rows<KeyRow>(
        em,
        `UPDATE api_key SET revoked_at = COALESCE(revoked_at, $3) WHERE id = $1 AND dealer_id = $2 RETURNING *`,
        [id, user.dealerId, this.clock.now()],
      );
      if (!k) throw AppError.notFound('API key');
      await this.audit.record(
        em,
        user,
        {
          action: 'api_key.revoked',
          targetType: 'api_key',
          targetId: id,
          before: { name: k.name, prefix: k.prefix },
        },
        ip,
      );
    });
  }
}
