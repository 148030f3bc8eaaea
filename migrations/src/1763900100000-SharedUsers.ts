import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared users, camera sharing, folders and favorites (issue 13; seed 001 §4.3, §4.4, §5.5).
 * A shared user is an `app_user` with role `shared_user`; `shared_user` holds its permissions
 * (live view is always granted, so it has no column). Sharing, folder membership and favorites
 * are plain rows deleted with what they point at; a device is in at most one folder (primary key).
 * Folder depth (≤ 3) and entries (≤ 100) are checked by the service under a lock on the customer.
 */
export class SharedUsers1763900100000 implements MigrationInterface {
  name = 'SharedUsers1763900100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE shared_user (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customer(id),
        can_playback boolean NOT NULL DEFAULT false,
        can_download boolean NOT NULL DEFAULT false,
        can_camera_control boolean NOT NULL DEFAULT false,
        can_event_search boolean NOT NULL DEFAULT false,
        can_camera_settings boolean NOT NULL DEFAULT false,
        created_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX shared_user_customer_idx ON shared_user (customer_id);

      CREATE TABLE shared_user_camera (
        user_id uuid NOT NULL REFERENCES shared_user(user_id) ON DELETE CASCADE,
        camera_id uuid NOT NULL REFERENCES camera(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, camera_id)
      );
      CREATE INDEX shared_user_camera_camera_idx ON shared_user_camera (camera_id);

      CREATE TABLE folder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer(id),
        parent_id uuid REFERENCES folder(id),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 32),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX folder_customer_idx ON folder (customer_id);
      CREATE INDEX folder_parent_idx ON folder (parent_id) WHERE parent_id IS NOT NULL;

      CREATE TABLE folder_device (
        device_id uuid PRIMARY KEY REFERENCES device(id) ON DELETE CASCADE,
        folder_id uuid NOT NULL REFERENCES folder(id) ON DELETE CASCADE
      );
      CREATE INDEX folder_device_folder_idx ON folder_device (folder_id);

      CREATE TABLE favorite_camera (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        camera_id uuid NOT NULL REFERENCES camera(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, camera_id)
      );
      CREATE INDEX favorite_camera_camera_idx ON favorite_camera (camera_id);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE favorite_camera;
      DROP TABLE folder_device;
      DROP TABLE folder;
      DROP TABLE shared_user_camera;
      DROP TABLE shared_user;
    `);
  }
}
