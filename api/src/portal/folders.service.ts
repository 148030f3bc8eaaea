import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  FOLDER_MAX_DEPTH,
  FOLDER_MAX_ENTRIES,
  folderDepth,
  foldersVisibleTo,
  type FolderView,
} from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';
import { sharedCameraIds } from '../customers/shared-access.js';

/**
 * The customer's device folders (seed 001 §4.4): at most 3 levels, at most 100 entries
 * (devices + subfolders) per folder, a device in at most one folder. Every change locks the
 * customer's row, so the limits hold when two requests race. Deleting a folder moves its devices
 * and subfolders up one level.
 */
@Injectable()
export class FoldersService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The contract holder sees every folder; a shared user the folders holding their cameras. */
  async list(user: AuthUser): Promise<FolderView[]> {
    const all = await this.all(this.ds.manager, user.customerId!);
    if (user.role !== 'shared_user') return all;
    const cams = await sharedCameraIds(this.ds.manager, user.id);
    const devices = await rows<{ device_id: string }>(
      this.ds.manager,
      `SELECT DISTINCT device_id FROM camera WHERE id = ANY($1::uuid[])`,
      [cams],
    );
    return foldersVisibleTo(all, new Set(devices.map((d) => d.device_id)));
  }

  async create(user: AuthUser, dto: { name: string; parentId?: string | null }): Promise<FolderView> {
    const customerId = user.customerId!;
    return this.ds.transaction(async (em) => {
      await lockCustomer(em, customerId);
      const all = await this.all(em, customerId);
      const parentId = dto.parentId ?? null;
      if (parentId) {
        const depth = this.depthOf(all, parentId);
        if (depth >= FOLDER_MAX_DEPTH) throw tooDeep();
        assertRoom(all, parentId, 1);
      }
      const now = this.clock.now();
      const [f] = await rows<{ id: string }>(
        em,
        `INSERT INTO folder (customer_id, parent_id, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
        [customerId, parentId, dto.name, now],
      );
      await this.audit.record(em, user, {
        action: 'folder.created',
        targetType: 'folder',
        targetId: f.id,
        customerId,
        after: { name: dto.name, parentId },
      });
      return { id: f.id, name: dto.name, parentId, deviceIds: [] };
    });
  }

  /** Rename and/or move a folder (its subtree must still fit in 3 levels). */
  async update(
    user: AuthUser,
    id: string,
    dto: { name?: string; parentId?: string | null },
  ): Promise<FolderView> {
    const customerId = user.customerId!;
    return this.ds.transaction(async (em) => {
      await lockCustomer(em, customerId);
      const all = await this.all(em, customerId);
      const f = all.find((x) => x.id === id);
      if (!f) throw AppError.notFound('Folder');
      const name = dto.name ?? f.name;
      let parentId = f.parentId;
      if (dto.parentId !== undefined && dto.parentId !== f.parentId) {
        parentId = dto.parentId;
        if (parentId) {
          if (parentId === id || this.isDescendant(all, parentId, id)) {
            throw AppError.validation('parentId', 'a folder cannot move into itself');
          }
          const height = this.height(all, id);
          if (this.depthOf(all, parentId) + height > FOLDER_MAX_DEPTH) throw tooDeep();
          assertRoom(all, parentId, 1);
        }
      }
      await em.query(`UPDATE folder SET name = $2, parent_id = $3, updated_at = $4 WHERE id = $1`, [
        id,
        name,
        parentId,
        this.clock.now(),
      ]);
      await this.audit.record(em, user, {
        action: 'folder.updated',
        targetType: 'folder',
        targetId: id,
        customerId,
        before: { name: f.name, parentId: f.parentId },
        after: { name, parentId },
      });
      return { ...f, name, parentId };
    });
  }

  /** Puts devices in the folder (out of any other folder). */
  async setDevices(user: AuthUser, id: string, deviceIds: string[]): Promise<FolderView> {
    const customerId = user.customerId!;
    return this.ds.transaction(async (em) => {
      await lockCustomer(em, customerId);
      const all = await this.all(em, customerId);
      const f = all.find((x) => x.id === id);
      if (!f) throw AppError.notFound('Folder');
      const ids = [...new Set(deviceIds)];
      const own = await rows<{ id: string }>(
        em,
        `SELECT id FROM device WHERE customer_id = $1 AND deleted_at IS NULL AND id = ANY($2::uuid[])`,
        [customerId, ids],
      );
      if (own.length !== ids.length)
        throw AppError.validation('deviceIds', 'names a device that is not yours');
      const adding = ids.filter((d) => !f.deviceIds.includes(d)).length;
      assertRoom(all, id, adding, 'deviceIds');
      await em.query(
        `INSERT INTO folder_device (device_id, folder_id) SELECT unnest($2::uuid[]), $1
           ON CONFLICT (device_id) DO UPDATE SET folder_id = EXCLUDED.folder_id`,
        [id, ids],
      );
      await this.audit.record(em, user, {
        action: 'folder.devices_added',
        targetType: 'folder',
        targetId: id,
        customerId,
        after: { deviceIds: ids },
      });
      const [after] = (await this.all(em, customerId)).filter((x) => x.id === id);
      return after;
    });
  }

  /** Takes a device out of the folder (back to the top level). */
  async removeDevice(user: AuthUser, id: string, deviceId: string): Promise<void> {
    const customerId = user.customerId!;
    await this.ds.transaction(async (em) => {
      await lockCustomer(em, customerId);
      const r = await rows<{ device_id: string }>(
        em,
        `DELETE FROM folder_device fd USING folder f
          WHERE fd.folder_id = f.id AND f.customer_id = $1 AND f.id = $2 AND fd.device_id = $3 RETURNING fd.device_id`,
        [customerId, id, deviceId],
      );
      if (!r.length) throw AppError.notFound('Device in this folder');
      await this.audit.record(em, user, {
        action: 'folder.device_removed',
        targetType: 'folder',
        targetId: id,
        customerId,
        before: { deviceId },
      });
    });
  }

  /** Deletes a folder; its devices and subfolders move up one level (to its parent, or the top). */
  async remove(user: AuthUser, id: string): Promise<void> {
    const customerId = user.customerId!;
    await this.ds.transaction(async (em) => {
      await lockCustomer(em, customerId);
      const all = await this.all(em, customerId);
      const f = all.find((x) => x.id === id);
      if (!f) throw AppError.notFound('Folder');
      const children = all.filter((x) => x.parentId === id);
      if (f.parentId) {
        // The parent loses this folder and gains its contents: it must still hold at most 100.
        assertRoom(all, f.parentId, children.length + f.deviceIds.length - 1);
        await em.query(`UPDATE folder_device SET folder_id = $2 WHERE folder_id = $1`, [id, f.parentId]);
      } else {
        await em.query(`DELETE FROM folder_device WHERE folder_id = $1`, [id]);
      }
      await em.query(`UPDATE folder SET parent_id = $2, updated_at = $3 WHERE parent_id = $1`, [
        id,
        f.parentId,
        this.clock.now(),
      ]);
      await em.query(`DELETE FROM folder WHERE id = $1`, [id]);
      await this.audit.record(em, user, {
        action: 'folder.deleted',
        targetType: 'folder',
        targetId: id,
        customerId,
        before: {
          name: f.name,
          parentId: f.parentId,
          deviceIds: f.deviceIds,
          subfolders: children.map((c) => c.id),
        },
      });
    });
  }

  private async all(em: EntityManager, customerId: string): Promise<FolderView[]> {
    const r = await rows<{ id: string; name: string; parent_id: string | null; device_ids: string[] }>(
      em,
      `SELECT f.id, f.name, f.parent_id,
              COALESCE((SELECT array_agg(fd.device_id ORDER BY d.created_at, d.id)
                          FROM folder_device fd JOIN device d ON d.id = fd.device_id AND d.deleted_at IS NULL
                         WHERE fd.folder_id = f.id), '{}') AS device_ids
         FROM folder f WHERE f.customer_id = $1 ORDER BY f.name, f.created_at, f.id`,
      [customerId],
    );
    return r.map((f) => ({ id: f.id, name: f.name, parentId: f.parent_id, deviceIds: f.device_ids }));
  }

  private depthOf(all: FolderView[], id: string): number {
    const d = folderDepth(id, new Map(all.map((f) => [f.id, f.parentId])));
    if (d === null) throw AppError.validation('parentId', 'no such folder');
    return d;
  }

  /** Levels in the subtree rooted at id (1 = no subfolders). */
  private height(all: FolderView[], id: string): number {
    const kids = all.filter((f) => f.parentId === id);
    return 1 + Math.max(0, ...kids.map((k) => this.height(all, k.id)));
  }

  private isDescendant(all: FolderView[], id: string, ancestor: string): boolean {
    let cur = all.find((f) => f.id === id);
    while (cur?.parentId) {
      if (cur.parentId === ancestor) return true;
      cur = all.find((f) => f.id === cur!.parentId);
    }
    return false;
  }
}

async function lockCustomer(em: EntityManager, customerId: string): Promise<void> {
  await em.query(`SELECT id FROM customer WHERE id = $1 FOR UPDATE`, [customerId]);
}

function tooDeep(): AppError {
  return AppError.badRequest(
    ErrorCode.FOLDER_TOO_DEEP,
    `parentId: folders nest at most ${FOLDER_MAX_DEPTH} levels`,
    {
      field: 'parentId',
      max: FOLDER_MAX_DEPTH,
    },
  );
}

/** A folder holds at most 100 entries: its devices plus its subfolders. */
function assertRoom(all: FolderView[], folderId: string, adding: number, field = 'parentId'): void {
  const f = all.find((x) => x.id === folderId);
  if (!f) throw AppError.validation(field, 'no such folder');
  const entries = f.deviceIds.length + all.filter((x) => x.parentId === folderId).length;
  if (entries + adding > FOLDER_MAX_ENTRIES) {
    throw AppError.badRequest(
      ErrorCode.FOLDER_FULL,
      `${field}: a folder holds at most ${FOLDER_MAX_ENTRIES} entries (devices and subfolders)`,
      { field, max: FOLDER_MAX_ENTRIES },
    );
  }
}
