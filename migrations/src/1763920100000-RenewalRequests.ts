import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renewal requests (issue #14, SPEC §8): a customer asks its dealer to renew the license of one
 * camera (ending within 90 days or lapsed), with an optional note. At most one open request per
 * camera (unique partial index); the dealer marks it handled, usually after assigning licenses.
 */
export class RenewalRequests1763920100000 implements MigrationInterface {
  name = 'RenewalRequests1763920100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE renewal_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer(id),
        dealer_id uuid NOT NULL REFERENCES dealer(id),
        camera_id uuid NOT NULL REFERENCES camera(id),
        note text CHECK (char_length(note) <= 500),
        status text NOT NULL CHECK (status IN ('open', 'handled')),
        -- What the camera's license looked like when asked: its end, or null when it had none.
        license_ends_at timestamptz,
        created_at timestamptz NOT NULL,
        created_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        handled_at timestamptz,
        handled_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        CONSTRAINT renewal_request_handled CHECK ((status = 'handled') = (handled_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX renewal_request_open_key ON renewal_request (camera_id) WHERE status = 'open';
      CREATE INDEX renewal_request_dealer_idx ON renewal_request (dealer_id, status, created_at DESC);
      CREATE INDEX renewal_request_customer_idx ON renewal_request (customer_id, created_at DESC);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE renewal_request`);
  }
}
