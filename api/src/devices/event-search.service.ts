import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ALARM_EVENT_TYPES,
  EVENT_BELL_SIZE,
  type AlarmView,
  EVENT_PAGE_SIZE,
  EVENT_SEARCH_MAX,
  type DeviceEventView,
  type Page,
} from '@lc/shared';
import { rows } from '../common/database/database.js';
import { Clock } from '../common/clock/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { eventLicensedSql } from '../licenses/validity.js';
import type { TelemetryScope } from './telemetry.service.js';

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

const iso = (d: Date) => d.toISOString();

/** An event row with its device's and camera's names. */
interface EventRow {
  id: string;
  device_id: string;
  device_name: string | null;
  camera_id: string | null;
  camera_name: string | null;
  type: string;
  at: Date;
}

/** Events of live devices, with their camera (null for the recorder's own events). */
const EVENTS_FROM = `device_event e
         JOIN device d ON d.id = e.device_id AND d.deleted_at IS NULL
         LEFT JOIN camera c ON c.id = e.camera_id`;

/** Device events: the search (portal, shared users, maintenance) and the header bell (SPEC §8). */
@Injectable()
export class EventSearchService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

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
    const r = await rows<EventRow & { channel: number | null; message: string | null }>(
      this.ds.manager,
      `SELECT e.id, e.device_id, d.name AS device_name, e.camera_id, c.name AS camera_name, c.channel,
              e.type, e.at, e.message
         FROM ${EVENTS_FROM}
        ${where}
        ORDER BY e.at DESC, e.id DESC
        LIMIT $8 OFFSET $9`,
      [...params, limit, offset],
    );
    // Counted up to one past the maximum: enough to say "more matched".
    const [c] = await rows<{ n: number }>(
      this.ds.manager,
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM ${EVENTS_FROM}
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
    const r = await rows<EventRow>(
      this.ds.manager,
      `SELECT e.id, e.device_id, d.name AS device_name, e.camera_id, c.name AS camera_name, e.type, e.at
         FROM ${EVENTS_FROM}
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
