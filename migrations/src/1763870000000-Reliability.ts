import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reliability (issue #11):
 * - `app_process`: every API process registers here and beats every few seconds (database clock);
 *   a process whose `expires_at` passed without a new beat is dead. Mail claims (`mail_outbox.claimed_by`) and job runs
 *   (`job_run.process_id`) name their process, so a dead process's claims are taken over at once
 *   and its running job runs are marked `abandoned`.
 * - Entitlement versions come from one sequence (a BEFORE trigger replaces every bump and the
 *   default), so no version number is ever handed out twice, not even by a rolled-back transaction.
 * - `dev_clock`: the development clock, shared by every process on this database (a trigger
 *   notifies `lc_dev_clock` on change).
 */
export class Reliability1763870000000 implements MigrationInterface {
  name = 'Reliability1763870000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_process (
        id uuid PRIMARY KEY,
        host text NOT NULL,
        pid integer NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        beat_at timestamptz NOT NULL DEFAULT now(),
        -- Dead once this passes without a new beat (each process sets it from its own interval).
        expires_at timestamptz NOT NULL
      );

      ALTER TABLE mail_outbox ADD COLUMN claimed_by uuid;
      ALTER TABLE job_run ADD COLUMN process_id uuid;
      ALTER TABLE job_run DROP CONSTRAINT job_run_outcome_check;
      ALTER TABLE job_run ADD CONSTRAINT job_run_outcome_check
        CHECK (outcome IN ('running', 'succeeded', 'failed', 'abandoned'));
      -- Runs left "running" by processes from before process tracking can never finish.
      UPDATE job_run SET outcome = 'abandoned', finished_at = now(),
             error = 'the process running it stopped before process tracking existed'
       WHERE outcome = 'running';
      CREATE INDEX job_run_running_idx ON job_run (process_id) WHERE outcome = 'running';

      CREATE SEQUENCE device_entitlements_version_seq AS bigint;
      SELECT setval('device_entitlements_version_seq',
                    GREATEST((SELECT max(entitlements_version) FROM device), 1));
      ALTER TABLE device ALTER COLUMN entitlements_version
        SET DEFAULT nextval('device_entitlements_version_seq');
      CREATE FUNCTION device_entitlements_version_next() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.entitlements_version := GREATEST(nextval('device_entitlements_version_seq'),
                                             OLD.entitlements_version + 1);
        RETURN NEW;
      END $$;
      CREATE TRIGGER device_entitlements_version_unique
        BEFORE UPDATE OF entitlements_version ON device
        FOR EACH ROW WHEN (NEW.entitlements_version IS DISTINCT FROM OLD.entitlements_version)
        EXECUTE FUNCTION device_entitlements_version_next();

      CREATE TABLE dev_clock (
        id smallint PRIMARY KEY CHECK (id = 1),
        offset_ms bigint NOT NULL DEFAULT 0,
        frozen_at timestamptz,
        revision bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE FUNCTION dev_clock_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('lc_dev_clock', NEW.revision::text);
        RETURN NEW;
      END $$;
      CREATE TRIGGER dev_clock_changed AFTER INSERT OR UPDATE ON dev_clock
        FOR EACH ROW EXECUTE FUNCTION dev_clock_notify();
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE dev_clock; DROP FUNCTION dev_clock_notify();
      DROP TRIGGER device_entitlements_version_unique ON device;
      DROP FUNCTION device_entitlements_version_next();
      ALTER TABLE device ALTER COLUMN entitlements_version SET DEFAULT 1;
      DROP SEQUENCE device_entitlements_version_seq;
      UPDATE job_run SET outcome = 'failed' WHERE outcome = 'abandoned';
      ALTER TABLE job_run DROP CONSTRAINT job_run_outcome_check;
      ALTER TABLE job_run ADD CONSTRAINT job_run_outcome_check
        CHECK (outcome IN ('running', 'succeeded', 'failed'));
      ALTER TABLE job_run DROP COLUMN process_id;
      ALTER TABLE mail_outbox DROP COLUMN claimed_by;
      DROP TABLE app_process;
    `);
  }
}
