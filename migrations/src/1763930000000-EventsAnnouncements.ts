import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #15: per-user event notification settings, the per (user, source, type) e-mail fold
 * state that makes event e-mails exactly-once and folds events within 10 minutes, operator
 * announcements and their per-user read marks (also for maintenance-history entries), and
 * versioned terms-of-use acceptances. An index on device_event(at) serves the retention job.
 */
export class EventsAnnouncements1763930000000 implements MigrationInterface {
  name = 'EventsAnnouncements1763930000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_notification_setting (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        email boolean NOT NULL,
        push boolean NOT NULL,
        event_types text[] NOT NULL,
        schedule jsonb,
        updated_at timestamptz NOT NULL
      );

      -- One row per user, source (camera, or the recorder for its own events) and event type:
      -- when the last e-mail went out. Events within 10 minutes of it are folded (counted).
      CREATE TABLE event_mail_state (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        source_id uuid NOT NULL,
        type text NOT NULL,
        last_mailed_at timestamptz NOT NULL,
        last_event_id uuid NOT NULL,
        folded integer NOT NULL DEFAULT 0,
        PRIMARY KEY (user_id, source_id, type)
      );

      CREATE INDEX device_event_at_idx ON device_event (at);

      CREATE TABLE announcement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title_ja text NOT NULL,
        title_en text NOT NULL,
        body_ja text NOT NULL,
        body_en text NOT NULL,
        audience text NOT NULL CHECK (audience IN ('customers', 'dealers', 'all')),
        publish_at timestamptz NOT NULL,
        created_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX announcement_publish_idx ON announcement (publish_at DESC);

      -- Read marks of messages that are not one customer's row (announcements, maintenance history).
      CREATE TABLE message_read (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        message_id uuid NOT NULL,
        read_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, message_id)
      );

      CREATE TABLE terms_acceptance (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        version text NOT NULL,
        accepted_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, version)
      );
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE terms_acceptance;
      DROP TABLE message_read;
      DROP TABLE announcement;
      DROP INDEX device_event_at_idx;
      DROP TABLE event_mail_state;
      DROP TABLE event_notification_setting;
    `);
  }
}
