import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: the expiry sweep records its lapse and auto-assignment notices as one row per
 * customer, selling dealer, kind and sweep batch (the cameras in parallel arrays) instead of one
 * row per camera, so a month-end writes — and the mailer claims — a fifth of the rows or fewer.
 * The view `license_notice_item` shows them one camera per row, as before. Each notice is still
 * recorded exactly once: in the transaction that expires (or binds) its license, which happens
 * once per license. Existing rows are grouped by (kind, customer, dealer, created, mailed); a
 * group keeps the smallest id of its rows, and the id sequence continues above the largest, so
 * the outbox's dedupe keys (`notice:…:<first notice id>:…`) never repeat.
 *
 * `camera` and `device` get fillfactor 50: the sweep marks lapsed cameras (`lapsed_at`) and bumps
 * devices' `entitlements_version`, neither indexed, and room on the page for each row's new
 * version makes those heap-only updates — no index entries written (bench/expiry-sweep: the
 * camera update 0.14–0.19 s → 0.06 s, the device update 0.08 s → 0.04 s at 10 000 due licenses).
 * Applies to pages written from now on; `VACUUM FULL camera, device` applies it to the rest.
 */
export class NoticeGroups1764050000000 implements MigrationInterface {
  name = 'NoticeGroups1764050000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE license_notice_group (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('lapse', 'auto_assign')),
        -- No foreign keys: an event log written set-based by the sweep; licenses, cameras,
        -- customers and dealers are never deleted.
        customer_id uuid NOT NULL,
        dealer_id uuid NOT NULL,
        -- One element per camera, in the same order in every array. lapse: the license that
        -- expired (previous: NULL); auto_assign: the license bound and the one it replaced.
        license_ids uuid[] NOT NULL,
        previous_license_ids uuid[] NOT NULL,
        camera_ids uuid[] NOT NULL,
        -- When each camera's license ended.
        ats timestamptz[] NOT NULL,
        created_at timestamptz NOT NULL,
        customer_mailed_at timestamptz,
        dealer_mailed_at timestamptz,
        CONSTRAINT license_notice_cameras CHECK (
          cardinality(license_ids) > 0
          AND cardinality(previous_license_ids) = cardinality(license_ids)
          AND cardinality(camera_ids) = cardinality(license_ids)
          AND cardinality(ats) = cardinality(license_ids))
      );
      INSERT INTO license_notice_group (id, kind, customer_id, dealer_id, license_ids, previous_license_ids,
                                        camera_ids, ats, created_at, customer_mailed_at, dealer_mailed_at)
      SELECT min(id), kind, customer_id, dealer_id, array_agg(license_id ORDER BY id),
             array_agg(previous_license_id ORDER BY id), array_agg(camera_id ORDER BY id), array_agg(at ORDER BY id),
             created_at, customer_mailed_at, dealer_mailed_at
        FROM license_notice
       GROUP BY kind, customer_id, dealer_id, created_at, customer_mailed_at, dealer_mailed_at;
      SELECT setval(pg_get_serial_sequence('license_notice_group', 'id'),
                    GREATEST((SELECT max(id) FROM license_notice), (SELECT max(id) FROM license_notice_group), 0) + 1,
                    false);
      DROP TABLE license_notice;
      ALTER TABLE license_notice_group RENAME TO license_notice;
      ALTER TABLE license_notice RENAME CONSTRAINT license_notice_group_pkey TO license_notice_pkey;
      ALTER SEQUENCE license_notice_group_id_seq RENAME TO license_notice_id_seq;
      CREATE INDEX license_notice_customer_pending_idx ON license_notice (customer_id, id) WHERE customer_mailed_at IS NULL;
      CREATE INDEX license_notice_dealer_pending_idx ON license_notice (dealer_id, id) WHERE dealer_mailed_at IS NULL;
      CREATE VIEW license_notice_item AS
        SELECT n.id AS notice_id, u.ord::int AS ord, n.kind, u.license_id, u.previous_license_id, u.camera_id,
               n.customer_id, n.dealer_id, u.at, n.created_at, n.customer_mailed_at, n.dealer_mailed_at
          FROM license_notice n
         CROSS JOIN LATERAL unnest(n.license_ids, n.previous_license_ids, n.camera_ids, n.ats)
               WITH ORDINALITY AS u(license_id, previous_license_id, camera_id, at, ord);

      ALTER TABLE camera SET (fillfactor = 50);
      ALTER TABLE device SET (fillfactor = 50);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE camera RESET (fillfactor);
      ALTER TABLE device RESET (fillfactor);
      CREATE TABLE license_notice_row (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('lapse', 'auto_assign')),
        license_id uuid NOT NULL,
        previous_license_id uuid,
        camera_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        dealer_id uuid NOT NULL,
        at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        customer_mailed_at timestamptz,
        dealer_mailed_at timestamptz
      );
      -- The first camera of a group keeps the group's id; the others take new ones.
      INSERT INTO license_notice_row (id, kind, license_id, previous_license_id, camera_id, customer_id, dealer_id,
                                      at, created_at, customer_mailed_at, dealer_mailed_at)
      SELECT notice_id, kind, license_id, previous_license_id, camera_id, customer_id, dealer_id, at, created_at,
             customer_mailed_at, dealer_mailed_at
        FROM license_notice_item WHERE ord = 1;
      SELECT setval(pg_get_serial_sequence('license_notice_row', 'id'),
                    COALESCE((SELECT max(id) FROM license_notice), 0) + 1, false);
      INSERT INTO license_notice_row (kind, license_id, previous_license_id, camera_id, customer_id, dealer_id,
                                      at, created_at, customer_mailed_at, dealer_mailed_at)
      SELECT kind, license_id, previous_license_id, camera_id, customer_id, dealer_id, at, created_at,
             customer_mailed_at, dealer_mailed_at
        FROM license_notice_item WHERE ord > 1 ORDER BY notice_id, ord;
      DROP VIEW license_notice_item;
      DROP TABLE license_notice;
      ALTER TABLE license_notice_row RENAME TO license_notice;
      ALTER INDEX license_notice_row_pkey RENAME TO license_notice_pkey;
      ALTER SEQUENCE license_notice_row_id_seq RENAME TO license_notice_id_seq;
      -- Duplicates (a license bound twice by the sweep) keep their first notice.
      DELETE FROM license_notice a USING license_notice b
       WHERE a.kind = b.kind AND a.license_id = b.license_id AND a.id > b.id;
      ALTER TABLE license_notice ADD CONSTRAINT license_notice_once UNIQUE (kind, license_id);
      CREATE INDEX license_notice_customer_pending_idx ON license_notice (customer_id, id) WHERE customer_mailed_at IS NULL;
      CREATE INDEX license_notice_dealer_pending_idx ON license_notice (dealer_id, id) WHERE dealer_mailed_at IS NULL;
    `);
  }
}
