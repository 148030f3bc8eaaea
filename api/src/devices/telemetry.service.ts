import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ALARM_EVENT_TYPES,
  EVENT_BELL_SIZE,
  type AlarmView,
  CONNECTION_HISTORY_PAGE_SIZE,
  DEVICE_LOG_RETENTION,
  ErrorCode,
  EVENT_PAGE_SIZE,
  EVENT_SEARCH_MAX,
  type ConnectionEventKind,
  type ConnectionEventView,
  type DeviceEventView,
  type DeviceLogKind,
  type DeviceLogView,
  type Page,
} from '@lc/shared';
import { rows } from '../common/database/database.js';
import { Clock } from '../common/clock/clock.js';
import { AuditService } from '../common/audit/audit.service.js';
import type { AuthUser } from '../common/auth/decorators.js';
import { eventLicensedSql } from '../licenses/validity.js';
import type { CsvFile } from '../common/http/csv.js';
import { AppError } from '../common/errors/app-error.js';
import type { AuthDevice } from './credentials.js';
import type { HeartbeatEventDto, HeartbeatLogDto } from './dto/register-device.dto.js';

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

export interface EventQuery {
  deviceId?: string;
  deviceIds?: string[];
  type?: string;
  types?: string[];
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

/** Connection history, device logs and events (SPEC §8), read by the portal and by maintenance. */
@Injectable()
export class DeviceTelemetryService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  // ---------- intake (the device's heartbeat, in its transaction) ----------

  /**
   * Stores a heartbeat's events. A device's clock may run ahead: nothing is recorded later than
   * now. SPEC §3: events of a camera without a valid license are not stored; events of no known
   * camera (the recorder's own) follow the device rule — the same rule as the CapabilityGate.
   */
  recordEvents(
    em: EntityManager,
    device: AuthDevice,
    events: HeartbeatEventDto[],
    now: Date,
  ): Promise<Array<{ id: string; camera_id: string | null; type: string; at: Date }>> {
    return rows(
      em,
      `INSERT INTO device_event (device_id, customer_id, camera_id, type, at, message)
       SELECT $1, $2, c.id, e.type, LEAST(COALESCE(e.at, $4), $4), e.message
         FROM jsonb_to_recordset($3::jsonb) AS e(type text, at timestamptz, channel int, message text)
         LEFT JOIN camera c ON c.device_id = $1 AND c.channel = e.channel AND c.deleted_at IS NULL
        WHERE ${eventLicensedSql('c', 'dv', '$4')}
       RETURNING id, camera_id, type, at`,
      [device.deviceId, device.customerId, JSON.stringify(events), now],
    );
  }

  /** Stores a heartbeat's logs and keeps the newest DEVICE_LOG_RETENTION of each kind. */
  async recordLogs(em: EntityManager, device: AuthDevice, logs: HeartbeatLogDto[], now: Date): Promise<void> {
    await em.query(
      `INSERT INTO device_log (device_id, customer_id, kind, at, code, message)
       SELECT $1, $2, e.kind, LEAST(COALESCE(e.at, $4), $4), e.code, e.message
         FROM jsonb_to_recordset($3::jsonb) AS e(kind text, at timestamptz, code text, message text)`,
      [device.deviceId, device.customerId, JSON.stringify(logs), now],
    );
    const kinds = [...new Set(logs.map((l) => l.kind))];
    await em.query(
      `DELETE FROM device_log WHERE id IN (
         SELECT id FROM (
           SELECT id, kind, row_number() OVER (PARTITION BY kind ORDER BY at DESC, id DESC) AS n
             FROM device_log WHERE device_id = $1 AND kind = ANY($2::text[])) x
          WHERE n > ($3::jsonb ->> x.kind)::int)`,
      [device.deviceId, kinds, JSON.stringify(DEVICE_LOG_RETENTION)],
    );
  }

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
      serial: string;
      at: Date;
      kind: ConnectionEventKind;
      status: string | null;
      total: number;
    }>(
      this.ds.manager,
      `SELECT e.id, e.device_id, d.name, d.serial, e.at, e.kind, e.status, count(*) OVER ()::int AS total
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

  /**
   * Event search: several devices and types, newest first, 100 per page, at most the latest
   * 1000 (SPEC §8); `truncated` says more matched. A device outside the scope is 404. Only events
   * of cameras licensed now (recorder-level events: the device rule) are found (SPEC §3 remote
   * search); a license bound again shows them again at once.
   */
  async events(
    scope: TelemetryScope,
    q: EventQuery,
    /** A shared user's cameras: only their events (null: every camera of the scope). */
    cameraIds: string[] | null = null,
  ): Promise<Page<DeviceEventView> & { truncated: boolean }> {
    if (q.deviceId && scope.deviceId && q.deviceId !== scope.deviceId) throw AppError.notFound('Device');
    const deviceIds = [
      ...new Set([
        ...(q.deviceIds ?? []),
        ...(q.deviceId ? [q.deviceId] : []),
        ...(scope.deviceId ? [scope.deviceId] : []),
      ]),
    ];
    if (scope.deviceId && deviceIds.some((d) => d !== scope.deviceId)) throw AppError.notFound('Device');
    if (deviceIds.length) {
      const [n] = await rows<{ n: number }>(
        this.ds.manager,
        `SELECT count(*)::int AS n FROM device
          WHERE id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR customer_id = $2) AND deleted_at IS NULL`,
        [deviceIds, scope.customerId ?? null],
      );
      if (n.n !== deviceIds.length) throw AppError.notFound('Device');
    }
    const types = [...new Set([...(q.types ?? []), ...(q.type ? [q.type] : [])])];
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? EVENT_PAGE_SIZE;
    const offset = (page - 1) * pageSize;
    const limit = Math.max(0, Math.min(pageSize, EVENT_SEARCH_MAX - offset));
    const where = `WHERE ($1::uuid IS NULL OR e.customer_id = $1)
          AND (cardinality($2::uuid[]) = 0 OR e.device_id = ANY($2::uuid[]))
          AND (cardinality($3::text[]) = 0 OR e.type = ANY($3::text[]))
          AND ($4::timestamptz IS NULL OR e.at >= $4) AND ($5::timestamptz IS NULL OR e.at < $5)
          AND ($6::uuid[] IS NULL OR e.camera_id = ANY($6::uuid[]))
          AND ${eventLicensedSql('c', 'dv', '$7', 'e.device_id')}`;
    const params = [
      scope.customerId ?? null,
      deviceIds,
      types,
      q.from ?? null,
      q.to ?? null,
      cameraIds,
      this.clock.now(),
    ];
    const r = await rows<{
      id: string;
      device_id: string;
      device_name: string | null;
      camera_id: string | null;
      camera_name: string | null;
      channel: number | null;
      type: string;
      at: Date;
      message: string | null;
    }>(
      this.ds.manager,
      `SELECT e.id, e.device_id, d.name AS device_name, e.camera_id, c.name AS camera_name, c.channel,
              e.type, e.at, e.message
         FROM device_event e
         JOIN device d ON d.id = e.device_id AND d.deleted_at IS NULL
         LEFT JOIN camera c ON c.id = e.camera_id
        ${where}
        ORDER BY e.at DESC, e.id DESC
        LIMIT $8 OFFSET $9`,
      [...params, limit, offset],
    );
    // Counted up to one past the maximum: enough to say "more matched".
    const [c] = await rows<{ n: number }>(
      this.ds.manager,
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM device_event e JOIN device d ON d.id = e.device_id AND d.deleted_at IS NULL
           LEFT JOIN camera c ON c.id = e.camera_id
          ${where}
          LIMIT $8) x`,
      [...params, EVENT_SEARCH_MAX + 1],
    );
    return {
      items: r.map((e) => ({
        id: e.id,
        deviceId: e.device_id,
        deviceName: e.device_name,
        cameraId: e.camera_id,
        cameraName: e.camera_name,
        channel: e.channel,
        type: e.type,
        at: iso(e.at),
        message: e.message,
      })),
      total: Math.min(c.n, EVENT_SEARCH_MAX),
      truncated: c.n > EVENT_SEARCH_MAX,
      page,
      pageSize,
    };
  }

  /** The header bell: the customer's latest alarms (seed 001 §5.6.2). */
  async latestAlarms(customerId: string): Promise<AlarmView[]> {
    const r = await rows<{
      id: string;
      device_id: string;
      device_name: string | null;
      camera_id: string | null;
      camera_name: string | null;
      type: string;
      at: Date;
    }>(
      this.ds.manager,
      `SELECT e.id, e.device_id, d.name AS device_name, e.camera_id, c.name AS camera_name, e.type, e.at
         FROM device_event e
         JOIN device d ON d.id = e.device_id AND d.deleted_at IS NULL
         LEFT JOIN camera c ON c.id = e.camera_id
        WHERE e.customer_id = $1 AND e.type = ANY($2::text[])
        ORDER BY e.at DESC, e.id DESC LIMIT $3`,
      [customerId, ALARM_EVENT_TYPES, EVENT_BELL_SIZE],
    );
    return r.map((e) => ({
      id: e.id,
      deviceId: e.device_id,
      deviceName: e.device_name,
      cameraId: e.camera_id,
      cameraName: e.camera_name,
      type: e.type,
      at: iso(e.at),
    }));
  }
}
