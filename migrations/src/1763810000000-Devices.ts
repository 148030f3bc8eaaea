import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Devices (issue #5): recorders and camera-direct cameras with their cameras, the service's
 * Ed25519 signing keys, pending device commands and connection history. The database itself
 * refuses a camera with two bound licenses (partial unique index) and a license bound to two
 * cameras (one camera_id column, now a foreign key); the Licenses migration's CHECK already
 * ties state 'bound' to a camera. A serial is unique among devices not deleted (a deleted or
 * replaced device's serial may register again).
 */
export class Devices1763810000000 implements MigrationInterface {
  name = 'Devices1763810000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE device (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer(id),
        type text NOT NULL CHECK (type IN ('recorder', 'camera')),
        serial text NOT NULL CHECK (length(serial) BETWEEN 1 AND 64),
        model text NOT NULL,
        mac text NOT NULL,
        firmware text NOT NULL,
        name text CHECK (char_length(name) <= 20),
        credential_hash text NOT NULL,
        status text NOT NULL DEFAULT 'online',
        last_seen_at timestamptz,
        entitlements_version bigint NOT NULL DEFAULT 1,
        replaced_by_device_id uuid REFERENCES device(id),
        deleted_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT device_replaced_is_deleted CHECK (replaced_by_device_id IS NULL OR deleted_at IS NOT NULL)
      );
      CREATE UNIQUE INDEX device_serial_key ON device (serial) WHERE deleted_at IS NULL;
      CREATE UNIQUE INDEX device_credential_key ON device (credential_hash);
      CREATE INDEX device_customer_idx ON device (customer_id, created_at) WHERE deleted_at IS NULL;
      CREATE INDEX device_liveness_idx ON device (last_seen_at) WHERE deleted_at IS NULL;

      CREATE TABLE camera (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        device_id uuid NOT NULL REFERENCES device(id),
        customer_id uuid NOT NULL REFERENCES customer(id),
        channel integer NOT NULL CHECK (channel BETWEEN 1 AND 256),
        model text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('edge', 'direct')),
        name text CHECK (char_length(name) <= 20),
        do_not_license boolean NOT NULL DEFAULT false,
        lapsed_at timestamptz,
        registered_at timestamptz NOT NULL,
        deleted_at timestamptz,
        CONSTRAINT camera_channel_key UNIQUE (device_id, channel)
      );
      CREATE INDEX camera_customer_idx ON camera (customer_id, kind) WHERE deleted_at IS NULL;

      ALTER TABLE license ADD CONSTRAINT license_camera_fk FOREIGN KEY (camera_id) REFERENCES camera(id);
      CREATE UNIQUE INDEX license_bound_camera_key ON license (camera_id) WHERE state = 'bound';
      CREATE INDEX license_camera_idx ON license (camera_id) WHERE camera_id IS NOT NULL;

      CREATE TABLE signing_key (
        key_id text PRIMARY KEY,
        public_key_pem text NOT NULL,
        private_key_pem text NOT NULL,
        created_at timestamptz NOT NULL,
        retired_at timestamptz
      );

      CREATE TABLE device_command (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        device_id uuid NOT NULL REFERENCES device(id),
        kind text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'done', 'failed', 'cancelled')),
        not_before timestamptz,
        created_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz
      );
      CREATE INDEX device_command_pending_idx ON device_command (device_id, created_at) WHERE status = 'pending';

      CREATE TABLE device_connection_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        device_id uuid NOT NULL REFERENCES device(id),
        customer_id uuid NOT NULL REFERENCES customer(id),
        at timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('registered', 'online', 'communication_error')),
        status text
      );
      CREATE INDEX device_connection_event_device_idx ON device_connection_event (device_id, at DESC);
      CREATE INDEX device_connection_event_customer_idx ON device_connection_event (customer_id, at DESC);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE device_connection_event;
      DROP TABLE device_command;
      DROP TABLE signing_key;
      DROP INDEX license_camera_idx;
      DROP INDEX license_bound_camera_key;
      ALTER TABLE license DROP CONSTRAINT license_camera_fk;
      DROP TABLE camera;
      DROP TABLE device;
    `);
  }
}
