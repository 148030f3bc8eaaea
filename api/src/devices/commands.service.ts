import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode, type DeviceCommandKind, type DeviceCommandView } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import type { CreateCommandDto } from './dto/device.dto.js';

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

/** Commands the customer queues for its device; the device receives them with a heartbeat. */
@Injectable()
export class CommandsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** A firmware update is a reservation: `at` is required and must be in the future (50401). */
  async create(user: AuthUser, deviceId: string, dto: CreateCommandDto): Promise<DeviceCommandView> {
    const customerId = user.customerId!;
    const now = this.clock.now();
    const at = dto.at ? new Date(dto.at) : null;
    if (dto.kind === 'firmware_update' && !at)
      throw AppError.validation('at', 'is required for a firmware update');
    if (at && at <= now) {
      throw AppError.badRequest(ErrorCode.RESERVATION_IN_PAST, 'at: must be in the future', { field: 'at' });
    }
    return this.ds.transaction(async (em) => {
      const [d] = await rows<{ id: string }>(
        em,
        `SELECT id FROM device WHERE id = $1 AND customer_id = $2 AND deleted_at IS NULL`,
        [deviceId, customerId],
      );
      if (!d) throw AppError.notFound('Device');
      const [c] = await rows<CommandRow>(
        em,
        `INSERT INTO device_command (device_id, kind, payload, not_before, created_by_user_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [deviceId, dto.kind, JSON.stringify(dto.payload ?? {}), at, user.id, now],
      );
      await this.audit.record(em, user, {
        action: 'devices.command_queued',
        targetType: 'device',
        targetId: deviceId,
        customerId,
        after: { commandId: c.id, kind: dto.kind, at: at?.toISOString() ?? null },
      });
      return view(c);
    });
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
