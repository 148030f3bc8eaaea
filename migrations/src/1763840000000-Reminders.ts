import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders and notices (issue #6). `license_reminder` makes a reminder exactly-once per
 * (license, threshold, recipient) by its primary key. `license_notice` holds the lapse and
 * auto-assignment events the expiry sweep records in the same transaction as the state change
 * (unique per kind and license; mailed right after, one e-mail per recipient and kind, marked
 * per side so each side is mailed once). `notification` records
 * every e-mail the jobs sent: to whom, when, for which licenses
 * (the dealer's Notifications page). Dealer members opt in to reminders with
 * `app_user.license_reminders`.
 */
export class Reminders1763840000000 implements MigrationInterface {
  name = 'Reminders1763840000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user ADD COLUMN license_reminders boolean NOT NULL DEFAULT false;

      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('reminder', 'lapse', 'auto_assign')),
        threshold text CHECK (threshold IN ('90d', '60d', '30d', '14d', '24h')),
        dealer_id uuid NOT NULL REFERENCES dealer(id),
        customer_id uuid REFERENCES customer(id),
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('dealer', 'customer')),
        to_address text NOT NULL,
        language text NOT NULL,
        time_zone text NOT NULL,
        mail_id uuid REFERENCES mail_outbox(id),
        license_count integer NOT NULL CHECK (license_count > 0),
        -- The licenses the e-mail listed (an array: a dealer's notice can list thousands).
        license_ids uuid[] NOT NULL CHECK (cardinality(license_ids) = license_count),
        created_at timestamptz NOT NULL,
        CONSTRAINT notification_threshold CHECK ((kind = 'reminder') = (threshold IS NOT NULL))
      );
      CREATE INDEX notification_dealer_idx ON notification (dealer_id, created_at DESC, id);

      CREATE TABLE license_reminder (
        license_id uuid NOT NULL REFERENCES license(id),
        threshold text NOT NULL CHECK (threshold IN ('90d', '60d', '30d', '14d', '24h')),
        recipient text NOT NULL CHECK (recipient = lower(recipient)),
        -- Deferred: the reminder rows are claimed first, the e-mail's notification row follows.
        notification_id uuid NOT NULL REFERENCES notification(id) DEFERRABLE INITIALLY DEFERRED,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (license_id, threshold, recipient)
      );

      CREATE TABLE license_notice (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('lapse', 'auto_assign')),
        -- lapse: the license that expired; auto_assign: the license that was bound. No foreign
        -- keys: an event log written set-based by the sweep (up to 100 000 rows at a time), and
        -- licenses, cameras, customers and dealers are never deleted.
        license_id uuid NOT NULL,
        previous_license_id uuid,
        camera_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        dealer_id uuid NOT NULL,
        at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        customer_mailed_at timestamptz,
        dealer_mailed_at timestamptz,
        CONSTRAINT license_notice_once UNIQUE (kind, license_id)
      );
      CREATE INDEX license_notice_customer_pending_idx ON license_notice (customer_id, id) WHERE customer_mailed_at IS NULL;
      CREATE INDEX license_notice_dealer_pending_idx ON license_notice (dealer_id, id) WHERE dealer_mailed_at IS NULL;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE license_notice;
      DROP TABLE license_reminder;
      DROP TABLE notification;
      ALTER TABLE app_user DROP COLUMN license_reminders;
    `);
  }
}
