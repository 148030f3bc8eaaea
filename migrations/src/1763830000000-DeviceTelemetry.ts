import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What devices report with their heartbeats: events (motion, alarms …) and logs (error, access,
 * operation, network; trimmed per kind to SPEC §8's sizes), and the results of commands.
 */
export class DeviceTelemetry1763830000000 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE device_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        device_id uuid NOT NULL REFERENCES device(id),
        customer_id uuid NOT NULL REFERENCES customer(id),
        camera_id uuid REFERENCES camera(id),
        type text NOT NULL,
        at timestamptz NOT NULL,
        message text
      );
      CREATE INDEX device_event_customer_idx ON device_event (customer_id, at DESC, id);
      CREATE INDEX device_event_device_idx ON device_event (device_id, at DESC);

      CREATE TABLE device_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        device_id uuid NOT NULL REFERENCES device(id),
        customer_id uuid NOT NULL REFERENCES customer(id),
        kind text NOT NULL CHECK (kind IN ('error', 'access', 'operation', 'network')),
        at timestamptz NOT NULL,
        code text,
        message text NOT NULL
      );
      CREATE INDEX device_log_device_idx ON device_log (device_id, kind, at DESC, id);

      ALTER TABLE device_command ADD COLUMN result_message text, ADD COLUMN completed_at timestamptz;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE device_command DROP COLUMN result_message, DROP COLUMN completed_at;
      DROP TABLE device_log;
      DROP TABLE device_event;
    `);
  }
}
