import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Devices learn of entitlement changes at once: whenever a device's entitlements_version
 * changes, PostgreSQL notifies channel `lc_entitlements` with the device id (delivered at
 * commit, to every API process listening), which answers the device's waiting long-poll.
 */
export class EntitlementsNotify1763820000000 implements MigrationInterface {
  name = 'EntitlementsNotify1763820000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION device_entitlements_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('lc_entitlements', NEW.id::text);
        RETURN NEW;
      END $$;
      CREATE TRIGGER device_entitlements_changed
        AFTER UPDATE OF entitlements_version ON device
        FOR EACH ROW WHEN (NEW.entitlements_version IS DISTINCT FROM OLD.entitlements_version)
        EXECUTE FUNCTION device_entitlements_notify();
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER device_entitlements_changed ON device;
      DROP FUNCTION device_entitlements_notify();
    `);
  }
}
