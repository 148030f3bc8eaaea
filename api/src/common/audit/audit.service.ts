import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';
import type { AuthUser } from '../auth/decorators.js';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  dealerId?: string | null;
  customerId?: string | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Append-only audit log, written in the same transaction as the change. */
@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  async record(
    em: EntityManager,
    actor: AuthUser | null,
    e: AuditEntry,
    ip: string | null = null,
  ): Promise<void> {
    // In a proxy session the entry also belongs to the dealer of the customer being acted as,
    // so the dealer's audit log shows what its member did there.
    await em.query(
      `INSERT INTO audit_log (at, actor_user_id, impersonator_user_id, actor_role, dealer_id, customer_id,
                              action, target_type, target_id, reason, before, after, ip, api_key_id)
       VALUES ($1,$2,$3,$4,
               COALESCE($5::uuid, CASE WHEN $3::uuid IS NOT NULL
                                       THEN (SELECT dealer_id FROM customer WHERE id = $6::uuid) END),
               $6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [
        this.clock.now(),
        actor?.id ?? null,
        actor?.actingUserId ?? null,
        actor?.role ?? null,
        e.dealerId ?? actor?.dealerId ?? null,
        e.customerId ?? actor?.customerId ?? null,
        e.action,
        e.targetType ?? null,
        e.targetId ?? null,
        e.reason ?? null,
        e.before === undefined ? null : JSON.stringify(e.before),
        e.after === undefined ? null : JSON.stringify(e.after),
        ip,
        actor?.apiKeyId ?? null,
      ],
    );
  }
}
