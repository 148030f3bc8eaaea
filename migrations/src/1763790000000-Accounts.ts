import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts (issue #3): e-mailed one-time tokens (invitations, password reset with a 6-digit
 * code, set-password at handover, e-mail change), the handover flag of customers created with
 * a temporary password, the first-assignment instant that locks a customer's e-mail, portal
 * messages, one contract holder per customer, and proxy sessions removed with their member.
 */
export class Accounts1763790000000 implements MigrationInterface {
  name = 'Accounts1763790000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE customer ADD COLUMN first_assigned_at timestamptz;
      CREATE INDEX customer_dealer_created_idx ON customer (dealer_id, created_at);

      ALTER TABLE app_user ADD COLUMN handover_pending boolean NOT NULL DEFAULT false;
      CREATE UNIQUE INDEX app_user_customer_holder_key ON app_user (customer_id) WHERE role = 'customer';

      ALTER TABLE auth_session DROP CONSTRAINT auth_session_acting_user_id_fkey;
      ALTER TABLE auth_session ADD CONSTRAINT auth_session_acting_user_id_fkey
        FOREIGN KEY (acting_user_id) REFERENCES app_user(id) ON DELETE CASCADE;
      CREATE INDEX auth_session_acting_user_idx ON auth_session (acting_user_id) WHERE acting_user_id IS NOT NULL;

      CREATE TABLE account_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('invitation', 'password_reset', 'set_password', 'email_change')),
        token_hash text NOT NULL,
        code_hash text,
        new_email text,
        attempts integer NOT NULL DEFAULT 0,
        created_by uuid,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT account_token_hash_key UNIQUE (token_hash),
        CONSTRAINT account_token_code CHECK ((kind = 'password_reset') = (code_hash IS NOT NULL)),
        CONSTRAINT account_token_new_email CHECK ((kind = 'email_change') = (new_email IS NOT NULL))
      );
      CREATE INDEX account_token_user_kind_idx ON account_token (user_id, kind, created_at DESC);

      CREATE TABLE portal_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        read_at timestamptz
      );
      CREATE INDEX portal_message_customer_idx ON portal_message (customer_id, created_at DESC);

      CREATE INDEX audit_log_customer_idx ON audit_log (customer_id, at DESC);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX audit_log_customer_idx;
      DROP TABLE portal_message;
      DROP TABLE account_token;
      DROP INDEX auth_session_acting_user_idx;
      ALTER TABLE auth_session DROP CONSTRAINT auth_session_acting_user_id_fkey;
      ALTER TABLE auth_session ADD CONSTRAINT auth_session_acting_user_id_fkey
        FOREIGN KEY (acting_user_id) REFERENCES app_user(id);
      DROP INDEX app_user_customer_holder_key;
      ALTER TABLE app_user DROP COLUMN handover_pending;
      DROP INDEX customer_dealer_created_idx;
      ALTER TABLE customer DROP COLUMN first_assigned_at;
    `);
  }
}
