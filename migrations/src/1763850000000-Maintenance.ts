import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maintenance links (issue #7, seed 004): a dealer's maintenance-contact e-mails (at most 5),
 * customers' links of devices to a maintaining dealer (all devices — also later ones — or a
 * chosen set), failed link attempts for the rate limit, and anomaly incidents (at most one open
 * per dealer, device and kind, so each incident is e-mailed once).
 */
export class Maintenance1763850000000 implements MigrationInterface {
  name = 'Maintenance1763850000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dealer ADD COLUMN maintenance_emails text[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT dealer_maintenance_emails_max CHECK (cardinality(maintenance_emails) <= 5);

      CREATE TABLE maintenance_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer(id),
        dealer_id uuid NOT NULL REFERENCES dealer(id),
        all_devices boolean NOT NULL,
        created_at timestamptz NOT NULL,
        created_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL,
        removed_at timestamptz,
        removed_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL
      );
      CREATE UNIQUE INDEX maintenance_link_live_key ON maintenance_link (customer_id, dealer_id)
        WHERE removed_at IS NULL;
      CREATE INDEX maintenance_link_dealer_idx ON maintenance_link (dealer_id) WHERE removed_at IS NULL;

      CREATE TABLE maintenance_link_device (
        link_id uuid NOT NULL REFERENCES maintenance_link(id),
        device_id uuid NOT NULL REFERENCES device(id),
        PRIMARY KEY (link_id, device_id)
      );
      CREATE INDEX maintenance_link_device_device_idx ON maintenance_link_device (device_id);
      -- A chosen device stays linked through exchanges: links follow replaced_by_device_id back.
      CREATE INDEX device_replaced_by_idx ON device (replaced_by_device_id) WHERE replaced_by_device_id IS NOT NULL;

      CREATE TABLE maintenance_link_failure (
        id bigserial PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customer(id),
        at timestamptz NOT NULL
      );
      CREATE INDEX maintenance_link_failure_customer_idx ON maintenance_link_failure (customer_id, at);

      CREATE TABLE maintenance_incident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dealer_id uuid NOT NULL REFERENCES dealer(id),
        device_id uuid NOT NULL REFERENCES device(id),
        customer_id uuid NOT NULL REFERENCES customer(id),
        kind text NOT NULL CHECK (kind IN ('communication_error', 'recorder_error', 'alarm')),
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        close_reason text CHECK (close_reason IN ('recovered', 'unlinked'))
      );
      CREATE UNIQUE INDEX maintenance_incident_open_key ON maintenance_incident (dealer_id, device_id, kind)
        WHERE closed_at IS NULL;
      CREATE INDEX maintenance_incident_device_idx ON maintenance_incident (device_id, opened_at DESC);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE maintenance_incident;
      DROP TABLE maintenance_link_failure;
      DROP INDEX device_replaced_by_idx;
      DROP TABLE maintenance_link_device;
      DROP TABLE maintenance_link;
      ALTER TABLE dealer DROP CONSTRAINT dealer_maintenance_emails_max, DROP COLUMN maintenance_emails;
    `);
  }
}
