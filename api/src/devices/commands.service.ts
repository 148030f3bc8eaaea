import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEVICE_OPERATIONS,
  deviceSupports,
  ErrorCode,
  FIRMWARE_VERSION_MAX,
  OPERATION_CAPABILITY,
  type DeviceCommandKind,
  type DeviceCommandView,
  type DeviceType,
} from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { CapabilityGate } from '../licenses/capability-gate.service.js';
import type { CreateCommandDto } from './dto/device.dto.js';
import type { CommandResultDto } from './dto/register-device.dto.js';

interface CommandRow {
  id: string;
  device_id: string;
  kind: DeviceCommandKind;
  payload: Record<string, unknown>;
  status: DeviceCommandView['status'];
  not_before: Date | null;
  created_at: Date;
  delivered_at: Date | null;
  result_message: string | null;
  completed_at: Date | null;
}

const view = (c: CommandRow): DeviceCommandView => ({
  id: c.id,
  deviceId: c.device_id,
  kind: c.kind,
  payload: c.payload,
  status: c.status,
  notBefore: c.not_before ? c.not_before.toISOString() : null,
  createdAt: c.created_at.toISOString(),
  deliveredAt: c.delivered_at ? c.delivered_at.toISOString() : null,
  resultMessage: c.result_message,
  completedAt: c.completed_at ? c.completed_at.toISOString() : null,
});

export interface QueueSpec {
  deviceId: string;
  type: DeviceType;
  kind: DeviceCommandKind;
  at: Date | null;
  payload?: Record<string, unknown>;
  userId: string;
}

/**
 * Commands queued for a device (by the customer, or by a maintaining dealer through
 * `MonitoringService`); the device receives them with a heartbeat. Rules shared by both:
 * the device type must support the operation (`DEVICE_OPERATIONS`, seed 001 §2.1), the device
 * must be licensed for remote maintenance (`CapabilityGate`, SPEC §3), and a firmware update is
 * one reservation per device that a new reservation overwrites (seed 001 §4.2.3) until the
 * device has started it. Lock contract: each use case locks the device row `FOR UPDATE` first;
 * the partial unique index `device_command_firmware_pending_key` is the backstop.
 */
@Injectable()
export class CommandsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly gate: CapabilityGate,
  ) {}

  /** `at` required for a firmware update, and in the future (50401). */
  static checkTime(kind: DeviceCommandKind, atIso: string | undefined, now: Date): Date | null {
    const at = atIso ? new Date(atIso) : null;
    if (kind === 'firmware_update' && !at)
      throw AppError.validation('at', 'is required for a firmware update');
    if (at && at <= now) {
      throw AppError.badRequest(ErrorCode.RESERVATION_IN_PAST, 'at: must be in the future', { field: 'at' });
    }
    return at;
  }

  /** A firmware version in the payload is text of at most FIRMWARE_VERSION_MAX characters (400 100001). */
  static checkPayload(payload: Record<string, unknown> | undefined): void {
    const version = payload?.version;
    if (version === undefined) return;
    if (typeof version !== 'string') throw AppError.validation('payload.version', 'must be text');
    if ([...version].length > FIRMWARE_VERSION_MAX) {
      throw AppError.validation('payload.version', `must be at most ${FIRMWARE_VERSION_MAX} characters`);
    }
  }

  /** 400 500202 when the device type does not support the operation. */
  static checkSupported(type: DeviceType, kind: DeviceCommandKind): void {
    if (deviceSupports(type, kind)) return;
    throw AppError.badRequest(
      ErrorCode.OPERATION_NOT_SUPPORTED,
      `kind: a ${type === 'camera' ? 'camera-direct camera' : 'recorder'} does not support ${kind} ` +
        `(supported: ${DEVICE_OPERATIONS[type].join(', ')})`,
      { field: 'kind', supported: DEVICE_OPERATIONS[type] },
    );
  }

  /** The device row, locked; 404 outside the customer (when given). */
  async lockDevice(
    em: EntityManager,
    deviceId: string,
    customerId?: string,
  ): Promise<{ id: string; type: DeviceType }> {
    const [d] = await rows<{ id: string; type: DeviceType }>(
      em,
      `SELECT id, type FROM device WHERE id = $1 AND ($2::uuid IS NULL OR customer_id = $2) AND deleted_at IS NULL
        FOR UPDATE`,
      [deviceId, customerId ?? null],
    );
    if (!d) throw AppError.notFound('Device');
    return d;
  }

  /**
   * Inserts the command inside the caller's transaction (device locked, support and license
   * checked by the caller). A firmware update overwrites the pending reservation (cancelled) and
   * is refused (409 500203) while the device is running the previous one. Returns the command
   * and the id of the reservation it replaced.
   */
  async queueIn(
    em: EntityManager,
    q: QueueSpec,
  ): Promise<{ command: DeviceCommandView; replaced: string | null }> {
    const now = this.clock.now();
    let replaced: string | null = null;
    if (q.kind === 'firmware_update') {
      await this.assertNotStarted(em, q.deviceId);
      const [old] = await rows<{ id: string }>(
        em,
        `UPDATE device_command SET status = 'cancelled', completed_at = $2, result_message = 'overwritten'
          WHERE device_id = $1 AND kind = 'firmware_update' AND status = 'pending' RETURNING id`,
        [q.deviceId, now],
      );
      replaced = old?.id ?? null;
    }
    const [c] = await rows<CommandRow>(
      em,
      `INSERT INTO device_command (device_id, kind, payload, not_before, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [q.deviceId, q.kind, JSON.stringify(q.payload ?? {}), q.at, q.userId, now],
    );
    return { command: view(c), replaced };
  }

  private async assertNotStarted(em: EntityManager, deviceId: string): Promise<void> {
    const [started] = await rows<{ id: string }>(
      em,
      `SELECT id FROM device_command WHERE device_id = $1 AND kind = 'firmware_update' AND status = 'delivered'`,
      [deviceId],
    );
    if (started) {
      throw AppError.conflict(
        ErrorCode.FIRMWARE_UPDATE_STARTED,
        'at: the device has started the reserved firmware update; the reservation can no longer change',
        { field: 'at', commandId: started.id },
      );
    }
  }

  /**
   * Cancels the pending firmware-update reservation inside the caller's transaction (device
   * locked). 409 500203 once the device started it; 404 500204 when there is none. Needs no
   * license: withdrawing an operation is always allowed.
   */
  async cancelReservationIn(em: EntityManager, deviceId: string): Promise<DeviceCommandView> {
    const [c] = await rows<CommandRow>(
      em,
      `UPDATE device_command SET status = 'cancelled', completed_at = $2, result_message = 'cancelled'
        WHERE device_id = $1 AND kind = 'firmware_update' AND status = 'pending' RETURNING *`,
      [deviceId, this.clock.now()],
    );
    if (c) return view(c);
    await this.assertNotStarted(em, deviceId);
    throw new AppError(404, ErrorCode.NO_FIRMWARE_RESERVATION, 'deviceId: no firmware update is reserved');
  }

  /** The customer's operation (also in a proxy session). */
  async create(user: AuthUser, deviceId: string, dto: CreateCommandDto): Promise<DeviceCommandView> {
    const customerId = user.customerId!;
    const at = CommandsService.checkTime(dto.kind, dto.at, this.clock.now());
    CommandsService.checkPayload(dto.payload);
    return this.ds.transaction(async (em) => {
      const d = await this.lockDevice(em, deviceId, customerId);
      CommandsService.checkSupported(d.type, dto.kind);
      await this.gate.assertDevice(deviceId, OPERATION_CAPABILITY, { customerId, em });
      const { command, replaced } = await this.queueIn(em, {
        deviceId,
        type: d.type,
        kind: dto.kind,
        at,
        payload: dto.payload,
        userId: user.id,
      });
      await this.audit.record(em, user, {
        action: 'devices.command_queued',
        targetType: 'device',
        targetId: deviceId,
        customerId,
        after: {
          commandId: command.id,
          kind: dto.kind,
          at: at?.toISOString() ?? null,
          replacedCommandId: replaced,
        },
      });
      return command;
    });
  }

  /** The customer cancels the firmware-update reservation (seed 001 §4.2.3 [Cancel reservation]). */
  async cancelReservation(user: AuthUser, deviceId: string): Promise<DeviceCommandView> {
    const customerId = user.customerId!;
    return this.ds.transaction(async (em) => {
      await this.lockDevice(em, deviceId, customerId);
      const c = await this.cancelReservationIn(em, deviceId);
      await this.audit.record(em, user, {
        action: 'devices.firmware_reservation_cancelled',
        targetType: 'device',
        targetId: deviceId,
        customerId,
        after: { commandId: c.id },
      });
      return c;
    });
  }

  // ---------- delivery (the device's heartbeat, in its transaction) ----------

  /** Results the device reports for commands it was given (only pending or delivered ones change). */
  async recordResults(
    em: EntityManager,
    deviceId: string,
    results: CommandResultDto[],
    now: Date,
  ): Promise<void> {
    await em.query(
      `UPDATE device_command k SET status = r.status, result_message = r.message, completed_at = $3
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, status text, message text)
        WHERE k.id = r.id AND k.device_id = $1 AND k.status IN ('pending', 'delivered')`,
      [deviceId, JSON.stringify(results), now],
    );
  }

  /** Hands over the pending commands that are due (a reserved firmware update once its time has come). */
  async deliverDue(
    em: EntityManager,
    deviceId: string,
    now: Date,
  ): Promise<Array<{ id: string; kind: string; payload: Record<string, unknown>; createdAt: string }>> {
    const commands = await rows<{
      id: string;
      kind: string;
      payload: Record<string, unknown>;
      created_at: Date;
    }>(
      em,
      `UPDATE device_command SET status = 'delivered', delivered_at = $2
        WHERE device_id = $1 AND status = 'pending' AND (not_before IS NULL OR not_before <= $2)
        RETURNING id, kind, payload, created_at`,
      [deviceId, now],
    );
    return commands
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
      .map((c) => ({ id: c.id, kind: c.kind, payload: c.payload, createdAt: c.created_at.toISOString() }));
  }

  async list(customerId: string, deviceId: string): Promise<DeviceCommandView[]> {
    const r = await rows<CommandRow>(
      this.ds.manager,
      `SELECT k.* FROM device_command k JOIN device d ON d.id = k.device_id
        WHERE k.device_id = $1 AND d.customer_id = $2
        ORDER BY k.created_at DESC, k.id LIMIT 100`,
      [deviceId, customerId],
    );
    return r.map(view);
  }
}
