import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CONNECTION_HISTORY_PAGE_SIZE,
  ErrorCode,
  type ConnectionEventKind,
  type ConnectionEventView,
  type DeviceLogKind,
  type DeviceLogView,
  type Page,
} from '@lc/shared';
import { rows } from '../common/database/database.js';
import { AuditService } from '../common/audit/audit.service.js';
import type { AuthUser } from '../common/auth/decorators.js';
import type { CsvFile } from '../common/http/csv.js';
import { AppError } from '../common/errors/app-error.js';

/**
 * Whose telemetry a query may read. The scope is part of every query's WHERE clause: a customer
 * reads its own devices; a caller that has already checked its access to one device (the
 * maintaining dealer) passes that device alone.
 */
export type TelemetryScope =
  { customerId: string; deviceId?: string } | { customerId?: undefined; deviceId: string };

export interface HistoryQuery {
  q?: string;
  kind?: ConnectionEventKind;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface LogQuery {
  kind?: DeviceLogKind;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** The connection-history CSV (portal and maintenance). */
export const historyCsv = (items: ConnectionEventView[]): CsvFile => ({
  base: 'connection-history',
  header: ['at', 'deviceName', 'serial', 'kind', 'status'],
  rows: items.map((e) => [e.at, e.deviceName, e.serial, e.kind, e.status]),
});

/** The device-log CSV (portal and maintenance). */
export const logsCsv = (items: DeviceLogView[]): CsvFile => ({
  base: 'device-logs',
  header: ['at', 'kind', 'code', 'message'],
  rows: items.map((l) => [l.at, l.kind, l.code, l.message]),
});

/** CSV exports stop here (a whole connection history of a large site stays downloadable). */
const EXPORT_MAX = 10_000;

const iso = (d: Date) => d.toISOString();
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/**
 * Reading device telemetry (SPEC §8): who may read it, connection history and device logs, for the
 * portal and for maintenance. Events are searched by `EventSearchService`; a heartbeat's events
 * and logs are written by `TelemetryIntakeService`.
 */
@Injectable()
export class DeviceTelemetryService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Who may read a customer's device telemetry through the portal routes (issue 12, seed 004
   * §1-1): the customer, and a dealer member only inside a proxy session — every such read is
   * audited (`devices.telemetry_read`, the real dealer member as impersonator). A dealer's own
   * token gets 403 500205: it reads logs, events and connection history through the maintenance
   * link the customer made (`/api/maintenance/devices/:id/…`), or in a proxy session.
   */
  async authorizeRead(user: AuthUser, what: string, deviceId?: string): Promise<string> {
    if (user.role !== 'customer' || !user.customerId) {
      throw AppError.forbidden(
        'customerId: a dealer reads device logs, events and connection history only through a maintenance ' +
          'link the customer made (Remote monitoring) or in a proxy session',
        ErrorCode.DEALER_NEEDS_MAINTENANCE_LINK,
      );
    }
    if (user.actingUserId) {
      await this.ds.transaction((em) =>
        this.audit.record(em, user, {
          action: 'devices.telemetry_read',
          targetType: deviceId ? 'device' : 'customer',
          targetId: deviceId ?? user.customerId!,
          customerId: user.customerId,
          after: { read: what },
        }),
      );
    }
    return user.customerId;
  }

  /** 404 unless the device exists within the scope. */
  async assertDevice(scope: TelemetryScope): Promise<void> {
    if (!scope.deviceId) return;
    const [d] = await rows<{ id: string }>(
      this.ds.manager,
      `SELECT id FROM device WHERE id = $1 AND ($2::uuid IS NULL OR customer_id = $2) AND deleted_at IS NULL`,
      [scope.deviceId, scope.customerId ?? null],
    );
    if (!d) throw AppError.notFound('Device');
  }

  async connectionHistory(
    scope: TelemetryScope,
    q: HistoryQuery,
    all = false,
  ): Promise<Page<ConnectionEventView>> {
    await this.assertDevice(scope);
    const page = all ? 1 : (q.page ?? 1);
    const pageSize = all ? EXPORT_MAX : (q.pageSize ?? CONNECTION_HISTORY_PAGE_SIZE);
    const r = await rows<{
      id: string;
      device_id: string;
      name: string | null;
      model: string;
      serial: string;
      at: Date;
      kind: ConnectionEventKind;
      status: string | null;
      total: number;
    }>(
      this.ds.manager,
      `SELECT e.id, e.device_id, d.name, d.model, d.serial, e.at, e.kind, e.status, count(*) OVER ()::int AS total
         FROM device_connection_event e JOIN device d ON d.id = e.device_id AND d.deleted_at IS NULL
        WHERE ($1::uuid IS NULL OR e.customer_id = $1) AND ($2::uuid IS NULL OR e.device_id = $2)
          AND ($3::text IS NULL OR d.name ILIKE $3 OR d.serial ILIKE $3)
          AND ($4::text IS NULL OR e.kind = $4)
          AND ($5::timestamptz IS NULL OR e.at >= $5) AND ($6::timestamptz IS NULL OR e.at < $6)
        ORDER BY e.at DESC, e.id DESC
        LIMIT $7 OFFSET $8`,
      [
        scope.customerId ?? null,
        scope.deviceId ?? null,
        q.q ? like(q.q) : null,
        q.kind ?? null,
        q.from ?? null,
        q.to ?? null,
        pageSize,
        (page - 1) * pageSize,
      ],
    );
    return {
      items: r.map((e) => ({
        id: e.id,
        deviceId: e.device_id,
        deviceName: e.name,
        model: e.model,
        serial: e.serial,
        at: iso(e.at),
        kind: e.kind,
        status: e.status,
      })),
      total: r[0]?.total ?? (page > 1 ? await this.countHistory(scope, q) : 0),
      page,
      pageSize,
    };
  }

  private async countHistory(scope: TelemetryScope, q: HistoryQuery): Promise<number> {
    const p = await this.connectionHistory(scope, { ...q, page: 1, pageSize: 1 });
    return p.total;
  }

  async logs(
    scope: TelemetryScope & { deviceId: string },
    q: LogQuery,
    all = false,
  ): Promise<Page<DeviceLogView>> {
    await this.assertDevice(scope);
    const page = all ? 1 : (q.page ?? 1);
    const pageSize = all ? EXPORT_MAX : (q.pageSize ?? CONNECTION_HISTORY_PAGE_SIZE);
    const r = await rows<{
      id: string;
      device_id: string;
      kind: DeviceLogKind;
      at: Date;
      code: string | null;
      message: string;
      total: number;
    }>(
      this.ds.manager,
      `SELECT l.id, l.device_id, l.kind, l.at, l.code, l.message, count(*) OVER ()::int AS total
         FROM device_log l
        WHERE l.device_id = $1 AND ($2::uuid IS NULL OR l.customer_id = $2)
          AND ($3::text IS NULL OR l.kind = $3)
          AND ($4::timestamptz IS NULL OR l.at >= $4) AND ($5::timestamptz IS NULL OR l.at < $5)
        ORDER BY l.at DESC, l.id DESC
        LIMIT $6 OFFSET $7`,
      [
        scope.deviceId,
        scope.customerId ?? null,
        q.kind ?? null,
        q.from ?? null,
        q.to ?? null,
        pageSize,
        (page - 1) * pageSize,
      ],
    );
    let total = r[0]?.total ?? 0;
    if (!r.length && page > 1) total = (await this.logs(scope, { ...q, page: 1, pageSize: 1 })).total;
    return {
      items: r.map((l) => ({
        id: l.id,
        deviceId: l.device_id,
        kind: l.kind,
        at: iso(l.at),
        code: l.code,
        message: l.message,
      })),
      total,
      page,
      pageSize,
    };
  }
}
