import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEVICE_LOG_RETENTION } from '@lc/shared';
import { rows } from '../common/database/database.js';
import { eventLicensedSql } from '../licenses/validity.js';
import type { AuthDevice } from './credentials.js';
import type { HeartbeatEventDto, HeartbeatLogDto } from './dto/register-device.dto.js';

/** Telemetry intake: the events and logs of a device's heartbeat, written in its transaction (SPEC §8). */
@Injectable()
export class TelemetryIntakeService {
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
}
