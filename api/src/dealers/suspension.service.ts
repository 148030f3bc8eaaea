import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DealerView } from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { rows } from '../common/database/database.js';
import { AuditService } from '../common/audit/audit.service.js';
import type { AuthUser } from '../common/auth/decorators.js';
import { dealerView, type DealerRow } from './dealers.service.js';

/**
 * The operator suspends and reinstates a dealer (issue 14 §2.3). Suspension is one row state
 * (`dealer.suspended_at`); every gate reads it in its own query, so it acts at once:
 * sign-in (`AuthService.login`, 403), access tokens and proxy sessions (`SessionGate`, 401),
 * refresh (403), API keys (`ApiKeyGate`, 403), webhook delivery (paused, `WebhookDeliveryService`).
 * Suspending also revokes the open sessions of the dealer's members and the proxy sessions they
 * opened (reason `dealer_suspended`), so they stay ended after reinstatement. Customers of the
 * dealer, their devices and licenses are untouched; its secondary dealers are not suspended with it.
 *
 * Locking contract: the dealer row is locked (`FOR UPDATE`) for the state change, so concurrent
 * suspend/reinstate calls serialise; both are idempotent (suspending a suspended dealer keeps
 * the first date and reason and writes no audit row; likewise reinstating an active one).
 */
@Injectable()
export class DealerSuspensionService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async suspend(actor: AuthUser, id: string, reason: string | null, ip: string | null): Promise<DealerView> {
    return this.ds.transaction(async (em) => {
      const d = await this.lock(em, id);
      if (d.suspended_at) return dealerView(d);
      const now = this.clock.now();
      const [after] = await rows<DealerRow>(
        em,
        `UPDATE dealer SET suspended_at = $2, suspended_reason = $3, suspended_by_user_id = $4, updated_at = $2
          WHERE id = $1 RETURNING *`,
        [id, now, reason || null, actor.id],
      );
      const revoked = await rows<{ id: string }>(
        em,
        `UPDATE auth_session s SET revoked_at = $2, revoke_reason = 'dealer_suspended'
          WHERE s.revoked_at IS NULL
            AND (s.user_id IN (SELECT id FROM app_user WHERE dealer_id = $1)
                 OR s.acting_user_id IN (SELECT id FROM app_user WHERE dealer_id = $1))
          RETURNING s.id`,
        [id, now],
      );
      await this.audit.record(
        em,
        actor,
        {
          action: 'dealer.suspended',
          targetType: 'dealer',
          targetId: id,
          dealerId: id,
          reason: reason || null,
          before: { suspendedAt: null },
          after: { suspendedAt: now.toISOString(), reason: reason || null, sessionsRevoked: revoked.length },
        },
        ip,
      );
      return dealerView(after);
    });
  }

  async reinstate(actor: AuthUser, id: string, ip: string | null): Promise<DealerView> {
    return this.ds.transaction(async (em) => {
      const d = await this.lock(em, id);
      if (!d.suspended_at) return dealerView(d);
      const now = this.clock.now();
      const [after] = await rows<DealerRow>(
        em,
        `UPDATE dealer SET suspended_at = NULL, suspended_reason = NULL, suspended_by_user_id = NULL, updated_at = $2
          WHERE id = $1 RETURNING *`,
        [id, now],
      );
      await this.audit.record(
        em,
        actor,
        {
          action: 'dealer.reinstated',
          targetType: 'dealer',
          targetId: id,
          dealerId: id,
          before: { suspendedAt: d.suspended_at.toISOString(), reason: d.suspended_reason },
          after: { suspendedAt: null },
        },
        ip,
      );
      return dealerView(after);
    });
  }

  private async lock(em: EntityManager, id: string): Promise<DealerRow> {
    const [d] = await rows<DealerRow>(em, `SELECT * FROM dealer WHERE id = $1 FOR UPDATE`, [id]);
    if (!d) throw AppError.notFound('Dealer');
    return d;
  }
}
