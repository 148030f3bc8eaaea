import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dealer suspension (issue 14 §2.3): the operator suspends a dealer (its members cannot sign in,
 * its sessions, proxy sessions and API keys stop working, its webhooks pause) and reinstates it.
 * `suspended_at` set = suspended; the reason and the operator who did it are kept beside it.
 */
export class DealerSuspension1764010000000 implements MigrationInterface {
  name = 'DealerSuspension1764010000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dealer
        ADD COLUMN suspended_at timestamptz,
        ADD COLUMN suspended_reason text CHECK (char_length(suspended_reason) <= 500),
        ADD COLUMN suspended_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL;
      CREATE INDEX dealer_suspended_idx ON dealer (suspended_at) WHERE suspended_at IS NOT NULL;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX dealer_suspended_idx;
      ALTER TABLE dealer DROP COLUMN suspended_by_user_id, DROP COLUMN suspended_reason, DROP COLUMN suspended_at;
    `);
  }
}
