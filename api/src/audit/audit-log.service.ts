import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PAGE_SIZE_DEFAULT, type AuditEntryView, type Page, type Role } from '@lc/shared';
import { AppError } from '../common/errors/app-error.js';
import { rows } from '../common/database/database.js';
import type { AuthUser } from '../common/auth/decorators.js';
import { assertManager } from '../dealers/dealers.service.js';
import type { AuditQueryDto } from './dto/audit-query.dto.js';

interface Row {
  id: string;
  at: Date;
  action: string;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_role: Role | null;
  impersonator_user_id: string | null;
  impersonator_name: string | null;
  dealer_id: string | null;
  customer_id: string | null;
  target_type: string | null;
  target_id: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

const view = (r: Row): AuditEntryView => ({
  id: String(r.id),
  at: r.at.toISOString(),
  action: r.action,
  actorUserId: r.actor_user_id,
  actorName: r.actor_name,
  actorRole: r.actor_role,
  impersonatorUserId: r.impersonator_user_id,
  impersonatorName: r.impersonator_name,
  dealerId: r.dealer_id,
  customerId: r.customer_id,
  targetType: r.target_type,
  targetId: r.target_id,
  reason: r.reason,
  before: r.before,
  after: r.after,
  ip: r.ip,
});

export const AUDIT_CSV_HEADER = [
  'id',
  'at',
  'action',
  'actorUserId',
  'actorName',
  'actorRole',
  'impersonatorUserId',
  'impersonatorName',
  'dealerId',
  'customerId',
  'targetType',
  'targetId',
  'reason',
  'before',
  'after',
  'ip',
] as const;

/**
 * Reading the append-only audit log. A dealer (owner or manager) sees only entries with its
 * dealer_id — the condition is part of the SQL; the operator sees all, optionally one dealer.
 */
@Injectable()
export class AuditLogService {
  constructor(private readonly ds: DataSource) {}

  async list(actor: AuthUser, q: AuditQueryDto): Promise<Page<AuditEntryView>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? PAGE_SIZE_DEFAULT;
    const { where, params } = this.filter(actor, q);
    const [{ total }] = await rows<{ total: number }>(
      this.ds.manager,
      `SELECT count(*)::int AS total FROM audit_log a ${where}`,
      params,
    );
    const items = await this.select(where, params, `LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
    return { items: items.map(view), total, page, pageSize };
  }

  async exportRows(actor: AuthUser, q: AuditQueryDto): Promise<unknown[][]> {
    const { where, params } = this.filter(actor, q);
    const items = await this.select(where, params, 'LIMIT 100000');
    return items.map((r) => {
      const v = view(r);
      return AUDIT_CSV_HEADER.map((h) => v[h]);
    });
  }

  private select(where: string, params: unknown[], limit: string): Promise<Row[]> {
    return rows<Row>(
      this.ds.manager,
      `SELECT a.*, u.name AS actor_name, i.name AS impersonator_name
         FROM audit_log a
         LEFT JOIN app_user u ON u.id = a.actor_user_id
         LEFT JOIN app_user i ON i.id = a.impersonator_user_id
         ${where}
        ORDER BY a.at DESC, a.id DESC ${limit}`,
      params,
    );
  }

  private filter(actor: AuthUser, q: AuditQueryDto): { where: string; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (actor.role === 'operator') {
      if (q.dealerId) where.push(`a.dealer_id = ${p(q.dealerId)}`);
    } else {
      assertManager(actor);
      if (q.dealerId && q.dealerId.toLowerCase() !== actor.dealerId) {
        throw AppError.forbidden('dealerId: you can read only your own audit log');
      }
      where.push(`a.dealer_id = ${p(actor.dealerId)}`);
    }
    if (q.customerId) where.push(`a.customer_id = ${p(q.customerId)}`);
    if (q.action) {
      where.push(
        q.action.endsWith('*')
          ? `a.action LIKE ${p(q.action.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`) + '%')}`
          : `a.action = ${p(q.action)}`,
      );
    }
    if (q.from) where.push(`a.at >= ${p(new Date(q.from))}`);
    if (q.to) where.push(`a.at < ${p(new Date(q.to))}`);
    return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }
}
