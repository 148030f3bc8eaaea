import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/decorators.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';

/**
 * Favorites (seed 001 §5.5): every portal user — the contract holder and each shared user —
 * marks cameras they may see; a shared user's favorites show only cameras still shared with them.
 */
@Injectable()
export class FavoritesService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser): Promise<{ cameraIds: string[] }> {
    const r = await rows<{ camera_id: string }>(
      this.ds.manager,
      `SELECT f.camera_id FROM favorite_camera f
         JOIN camera c ON c.id = f.camera_id AND c.deleted_at IS NULL AND c.customer_id = $2
        WHERE f.user_id = $1
          AND ($3::boolean = false OR EXISTS (SELECT 1 FROM shared_user_camera s
                                               WHERE s.user_id = f.user_id AND s.camera_id = f.camera_id))
        ORDER BY f.created_at DESC, f.camera_id`,
      [user.id, user.customerId, user.role === 'shared_user'],
    );
    return { cameraIds: r.map((x) => x.camera_id) };
  }

  async add(user: AuthUser, cameraId: string): Promise<void> {
    const [c] = await rows<{ id: string }>(
      this.ds.manager,
      `SELECT c.id FROM camera c
        WHERE c.id = $1 AND c.customer_id = $2 AND c.deleted_at IS NULL
          AND ($3::boolean = false OR EXISTS (SELECT 1 FROM shared_user_camera s WHERE s.user_id = $4 AND s.camera_id = c.id))`,
      [cameraId, user.customerId, user.role === 'shared_user', user.id],
    );
    if (!c) throw AppError.notFound('Camera');
    await this.ds.query(
      `INSERT INTO favorite_camera (user_id, camera_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [user.id, cameraId, this.clock.now()],
    );
  }

  /** Unmarks a camera; a camera that is not one the user may see is a 404, as in `add`. */
  async remove(user: AuthUser, cameraId: string): Promise<void> {
    const deleted = await rows<{ camera_id: string }>(
      this.ds.manager,
      `DELETE FROM favorite_camera f USING camera c
        WHERE f.user_id = $1 AND f.camera_id = $2 AND c.id = f.camera_id AND c.customer_id = $3
        RETURNING f.camera_id`,
      [user.id, cameraId, user.customerId],
    );
    if (deleted.length) return;
    const [c] = await rows<{ id: string }>(
      this.ds.manager,
      `SELECT c.id FROM camera c
        WHERE c.id = $1 AND c.customer_id = $2 AND c.deleted_at IS NULL
          AND ($3::boolean = false OR EXISTS (SELECT 1 FROM shared_user_camera s WHERE s.user_id = $4 AND s.camera_id = c.id))`,
      [cameraId, user.customerId, user.role === 'shared_user', user.id],
    );
    if (!c) throw AppError.notFound('Camera');
  }
}
