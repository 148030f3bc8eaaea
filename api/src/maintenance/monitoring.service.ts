import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  OPERATION_CAPABILITY,
  PAGE_SIZE_DEFAULT,
  refusalMessage,
  type DeviceCommandView,
  type DeviceType,
  type IncidentKind,
  type MaintenanceCustomer,
  type MaintenanceDeviceDetail,
  type MaintenanceDeviceItem,
  type Page,
} from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { likePattern } from '../common/database/like.js';
import { AppError } from '../common/errors/app-error.js';
import type { MaintenanceDevicesQueryDto, MaintenanceOperationDto } from './dto/maintenance.dto.js';
import { linkedDevicesFrom } from './recipients.js';
import { boundValid } from '../licenses/validity.js';
import { CapabilityGate } from '../licenses/capability-gate.service.js';
import { CommandsService } from '../devices/commands.service.js';

interface ItemRow {
  id: string;
  customer_id: string;
  name: string | null;
  type: DeviceType;
  status: string;
  last_seen_at: Date | null;
  customer_name: string;
  serial: string;
  model: string;
  firmware: string;
  mac: string;
  created_at: Date;
  linked_at: Date;
  cameras: number;
  licensed_cameras: number;
}

interface CommandRow {
  id: string;
  device_id: string;
  kind: DeviceCommandView['kind'];
  payload: Record<string, unknown>;
  status: DeviceCommandView['status'];
  not_before: Date | null;
  created_at: Date;
  delivered_at: Date | null;
  result_message: string | null;
  completed_at: Date | null;
}

export type MaintenanceFilter = Omit<MaintenanceDevicesQueryDto, never>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const item = (r: ItemRow): MaintenanceDeviceItem => ({
  deviceId: r.id,
  customerId: r.customer_id,
  name: r.name,
  type: r.type,
  status: r.status,
  lastSeenAt: iso(r.last_seen_at),
  customerName: r.customer_name,
  serial: r.serial,
  model: r.model,
  firmware: r.firmware,
  cameras: r.cameras,
  licensedCameras: r.licensed_cameras,
  operable: r.licensed_cameras > 0,
});

const commandView = (c: CommandRow): DeviceCommandView => ({
  id: c.id,
  deviceId: c.device_id,
  kind: c.kind,
  payload: c.payload,
  status: c.status,
  notBefore: iso(c.not_before),
  createdAt: c.created_at.toISOString(),
  deliveredAt: iso(c.delivered_at),
  resultMessage: c.result_message,
  completedAt: iso(c.completed_at),
});

/**
 * The maintaining dealer's view (seed 004 §1-4): devices linked to it across customers, a device
 * page, and remote operations while licensed (SPEC §3). Tenancy is in every query: a device not
 * linked to the dealer does not exist for it (404), also when its id is guessed.
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly gate: CapabilityGate,
    private readonly commandsSvc: CommandsService,
  ) {}

  /** Filters as SQL after the linked-devices WHERE; `$1` is the dealer, `$2` now. */
  private filter(dealerId: string, q: MaintenanceFilter): { sql: string; params: unknown[] } {
    const params: unknown[] = [dealerId, this.clock.now()];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (q.customerId) where.push(`d.customer_id = ${p(q.customerId)}`);
    if (q.q) {
      const s = p(likePattern(q.q));
      where.push(`(d.name ILIKE ${s} OR d.serial ILIKE ${s})`);
    }
    if (q.status) where.push(`d.status = ${p(q.status)}`);
    if (q.lastSeenBefore) where.push(`d.last_seen_at < ${p(new Date(q.lastSeenBefore))}`);
    if (q.lastSeenAfter) where.push(`d.last_seen_at >= ${p(new Date(q.lastSeenAfter))}`);
    return { sql: where.map((w) => ` AND ${w}`).join(''), params };
  }

  /** Linked devices with customer name and camera counts; `$1` dealer, `$2` now, then `extra`. */
  private query(extra: string): string {
    return `SELECT d.id, d.customer_id, d.name, d.type, d.status, d.last_seen_at, d.serial, d.model, d.firmware,
                   d.mac, d.created_at, l.created_at AS linked_at, c.name AS customer_name,
                   cams.cameras, cams.licensed_cameras
              ${linkedDevicesFrom(
                '$1',
                `CROSS JOIN LATERAL (
                   SELECT count(*)::int AS cameras,
                          count(*) FILTER (WHERE EXISTS (
                            SELECT 1 FROM license li WHERE li.camera_id = k.id AND ${boundValid('li', '$2')}))::int AS licensed_cameras
                     FROM camera k WHERE k.device_id = d.id AND k.deleted_at IS NULL) cams`,
              )}
              ${extra}`;
  }

  /** `GET /api/maintenance/devices` (API.md): every linked device matching the filter. */
  async list(dealerId: string, q: MaintenanceFilter): Promise<MaintenanceDeviceItem[]> {
    const f = this.filter(dealerId, q);
    const r = await rows<ItemRow>(
      this.ds.manager,
      this.query(`${f.sql} ORDER BY c.name, d.name NULLS LAST, d.serial, d.id`),
      f.params,
    );
    return r.map(item);
  }

  async page(
    dealerId: string,
    q: MaintenanceFilter & { page?: number; pageSize?: number },
  ): Promise<Page<MaintenanceDeviceItem>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? PAGE_SIZE_DEFAULT;
    const f = this.filter(dealerId, q);
    const [{ total }] = await rows<{ total: number }>(
      this.ds.manager,
      `SELECT count(*)::int AS total ${linkedDevicesFrom('$1')} AND $2::timestamptz IS NOT NULL ${f.sql}`,
      f.params,
    );
    const n = f.params.length;
    const r = await rows<ItemRow>(
      this.ds.manager,
      this.query(
        `${f.sql} ORDER BY c.name, d.name NULLS LAST, d.serial, d.id LIMIT $${n + 1} OFFSET $${n + 2}`,
      ),
      [...f.params, pageSize, (page - 1) * pageSize],
    );
    return { items: r.map(item), total, page, pageSize };
  }

  /** The customers that linked devices to this dealer (for the list's customer filter). */
  async customers(dealerId: string): Promise<MaintenanceCustomer[]> {
    const r = await rows<{ customer_id: string; name: string; devices: number }>(
      this.ds.manager,
      `SELECT d.customer_id, c.name, count(*)::int AS devices ${linkedDevicesFrom('$1')}
        GROUP BY d.customer_id, c.name ORDER BY c.name, d.customer_id`,
      [dealerId],
    );
    return r.map((c) => ({ customerId: c.customer_id, name: c.name, devices: c.devices }));
  }

  /** One linked device, or 404 (not linked to this dealer, deleted, or no such id). */
  private async linked(em: EntityManager, dealerId: string, deviceId: string): Promise<ItemRow> {
    const [r] = await rows<ItemRow>(em, this.query(` AND d.id = $3`), [dealerId, this.clock.now(), deviceId]);
    if (!r) throw AppError.notFound('Device');
    return r;
  }

  /** Throws 404 unless the device is linked to the dealer (for the telemetry pages). */
  async assertLinked(dealerId: string, deviceId: string): Promise<void> {
    await this.linked(this.ds.manager, dealerId, deviceId);
  }

  async detail(dealerId: string, deviceId: string): Promise<MaintenanceDeviceDetail> {
    const em = this.ds.manager;
    const now = this.clock.now();
    const r = await this.linked(em, dealerId, deviceId);
    const cams = await rows<{
      id: string;
      channel: number;
      name: string | null;
      model: string;
      kind: 'edge' | 'direct';
      ends_at: Date | null;
    }>(
      em,
      `SELECT k.id, k.channel, k.name, k.model, k.kind, li.ends_at
         FROM camera k
         LEFT JOIN license li ON li.camera_id = k.id AND ${boundValid('li', '$2')}
        WHERE k.device_id = $1 AND k.deleted_at IS NULL ORDER BY k.channel`,
      [deviceId, now],
    );
    const incidents = await rows<{ kind: IncidentKind; opened_at: Date }>(
      em,
      `SELECT kind, opened_at FROM maintenance_incident
        WHERE dealer_id = $1 AND device_id = $2 AND closed_at IS NULL ORDER BY opened_at`,
      [dealerId, deviceId],
    );
    const base = item(r);
    const lic = await this.gate.device(deviceId, { em });
    return {
      ...base,
      mac: r.mac,
      createdAt: r.created_at.toISOString(),
      linkedAt: r.linked_at.toISOString(),
      cameraList: cams.map((k) => ({
        id: k.id,
        channel: k.channel,
        name: k.name,
        model: k.model,
        kind: k.kind,
        licensed: k.ends_at !== null,
        endsAt: iso(k.ends_at),
      })),
      blockedReason: base.operable ? null : 'unlicensed',
      licenseState: lic?.licenseState ?? 'never_licensed',
      lapsedAt: lic?.lapsedAt ?? null,
      openIncidents: incidents.map((i) => ({ kind: i.kind, openedAt: i.opened_at.toISOString() })),
    };
  }

  /** The command list; the caller has authorised the read (`authorizeRead`). */
  async commands(dealerId: string, deviceId: string): Promise<DeviceCommandView[]> {
    await this.linked(this.ds.manager, dealerId, deviceId);
    const r = await rows<CommandRow>(
      this.ds.manager,
      `SELECT * FROM device_command WHERE device_id = $1 ORDER BY created_at DESC, id LIMIT 100`,
      [deviceId],
    );
    return r.map(commandView);
  }

  /**
   * Queues a remote operation through the same rules as the customer's (`CommandsService`:
   * supported by the device type, firmware reservation overwritten), only while the device is
   * licensed for remote maintenance — decided by the `CapabilityGate`; refused here with this
   * route's documented 409 600105 and the gate's message. Audited with the dealer member.
   */
  async operate(
    user: AuthUser,
    deviceId: string,
    dto: MaintenanceOperationDto,
    ip: string | null,
  ): Promise<DeviceCommandView> {
    const at = CommandsService.checkTime(dto.kind, dto.at, this.clock.now());
    return this.ds.transaction(async (em) => {
      await em.query(`SELECT 1 FROM device WHERE id = $1 FOR SHARE`, [deviceId]);
      const d = await this.linked(em, user.dealerId!, deviceId);
      const locked = await this.commandsSvc.lockDevice(em, deviceId);
      CommandsService.checkSupported(locked.type, dto.kind);
      await this.assertLicensed(em, deviceId, 'conflict');
      const { command, replaced } = await this.commandsSvc.queueIn(em, {
        deviceId,
        type: locked.type,
        kind: dto.kind,
        at,
        payload: dto.payload,
        userId: user.id,
      });
      await this.audit.record(
        em,
        user,
        {
          action: 'maintenance.command_queued',
          targetType: 'device',
          targetId: deviceId,
          dealerId: user.dealerId,
          customerId: d.customer_id,
          after: {
            commandId: command.id,
            kind: dto.kind,
            at: iso(at),
            payload: dto.payload ?? {},
            replacedCommandId: replaced,
          },
        },
        ip,
      );
      return command;
    });
  }

  /** Cancels the firmware-update reservation of a linked device (no license needed). Audited. */
  async cancelReservation(user: AuthUser, deviceId: string, ip: string | null): Promise<DeviceCommandView> {
    return this.ds.transaction(async (em) => {
      const d = await this.linked(em, user.dealerId!, deviceId);
      await this.commandsSvc.lockDevice(em, deviceId);
      const c = await this.commandsSvc.cancelReservationIn(em, deviceId);
      await this.audit.record(
        em,
        user,
        {
          action: 'maintenance.firmware_reservation_cancelled',
          targetType: 'device',
          targetId: deviceId,
          dealerId: user.dealerId,
          customerId: d.customer_id,
          after: { commandId: c.id },
        },
        ip,
      );
      return c;
    });
  }

  /**
   * The SPEC §3 check for remote maintenance on this device: `forbidden` → 403 500201 (reads),
   * `conflict` → 409 600105 (operations, as documented since issue #7).
   */
  private async assertLicensed(
    em: EntityManager,
    deviceId: string,
    as: 'forbidden' | 'conflict',
  ): Promise<void> {
    const lic = await this.gate.device(deviceId, { em });
    const refusal = lic && CapabilityGate.deviceRefusal(lic, OPERATION_CAPABILITY);
    if (!refusal) return;
    if (as === 'forbidden') throw CapabilityGate.refuse(refusal);
    throw AppError.conflict(
      ErrorCode.MAINTENANCE_UNLICENSED,
      refusalMessage(refusal).replace(/^deviceId/, 'kind'),
      {
        field: 'kind',
        reason: 'unlicensed',
        ...refusal,
      },
    );
  }

  /**
   * A remote-maintenance read of a linked device (connection history, logs, command list): 404
   * unless linked, 403 500201 unless licensed (SPEC §3), and audited
   * (`maintenance.device_read`, with what was read) in its own small transaction.
   */
  async authorizeRead(user: AuthUser, deviceId: string, what: string, ip: string | null): Promise<void> {
    await this.ds.transaction(async (em) => {
      const d = await this.linked(em, user.dealerId!, deviceId);
      await this.assertLicensed(em, deviceId, 'forbidden');
      await this.audit.record(
        em,
        user,
        {
          action: 'maintenance.device_read',
          targetType: 'device',
          targetId: deviceId,
          dealerId: user.dealerId,
          customerId: d.customer_id,
          after: { read: what },
        },
        ip,
      );
    });
  }
}
