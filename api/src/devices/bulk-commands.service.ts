import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode, type BulkCommandResult } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { CommandsService } from './commands.service.js';
import type { BulkCommandDto } from './dto/bulk-commands.dto.js';

/**
 * Bulk operations on recorders (seed 001 §4.2.10–4.2.11): the same command for several
 * recorders, each through the single-device path ({@link CommandsService.create}: its rules,
 * its transaction, its audit entry), so one device's refusal does not undo the others. The
 * answer lists a result per device, in the order asked.
 */
@Injectable()
export class BulkCommandsService {
  constructor(
    private readonly ds: DataSource,
    private readonly commands: CommandsService,
  ) {}

  async run(user: AuthUser, dto: BulkCommandDto): Promise<{ results: BulkCommandResult[] }> {
    if (dto.kind === 'thumbnail_cache') {
      if (dto.payload?.enabled === undefined) throw AppError.validation('payload.enabled', 'is required');
      if (dto.payload.enabled && dto.payload.intervalMinutes === undefined)
        throw AppError.validation('payload.intervalMinutes', 'is required to turn the thumbnail cache on');
    }
    const ids = [...new Set(dto.deviceIds)];
    const devices = new Map(
      (
        await rows<{ id: string; type: string; name: string | null; serial: string }>(
          this.ds.manager,
          `SELECT id, type, name, serial FROM device WHERE id = ANY($1::uuid[]) AND customer_id = $2 AND deleted_at IS NULL`,
          [ids, user.customerId],
        )
      ).map((d) => [d.id, d]),
    );
    const payload =
      dto.kind === 'thumbnail_cache'
        ? {
            enabled: dto.payload!.enabled,
            ...(dto.payload!.enabled ? { intervalMinutes: dto.payload!.intervalMinutes } : {}),
          }
        : dto.kind === 'firmware_update' && dto.payload?.version
          ? { version: dto.payload.version }
          : undefined;
    const results: BulkCommandResult[] = [];
    for (const id of ids) {
      const d = devices.get(id);
      const base = { deviceId: id, deviceName: d ? (d.name ?? d.serial) : null };
      if (!d) {
        results.push({
          ...base,
          ok: false,
          commandId: null,
          code: ErrorCode.BULK_DEVICE_NOT_FOUND,
          message: 'Device not found',
        });
        continue;
      }
      if (d.type !== 'recorder') {
        results.push({
          ...base,
          ok: false,
          commandId: null,
          code: ErrorCode.BULK_NOT_A_RECORDER,
          message: 'deviceIds: bulk operations are for recorders only',
        });
        continue;
      }
      try {
        const c = await this.commands.create(user, id, { kind: dto.kind, at: dto.at, payload });
        results.push({ ...base, ok: true, commandId: c.id, code: null, message: null });
      } catch (e) {
        if (!(e instanceof AppError) || e.status >= 500) throw e;
        results.push({ ...base, ok: false, commandId: null, code: e.code, message: e.message });
      }
    }
    return { results };
  }
}
