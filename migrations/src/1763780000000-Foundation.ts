import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation schema: accounts (operator, dealers with members, customers), sessions and
 * refresh-token families, login failures for lockout, SKUs, the mail outbox, job runs,
 * app secrets and the audit log.
 */
export class Foundation1763780000000 implements MigrationInterface {
  name = 'Foundation1763780000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_secret (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE dealer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        login_id text NOT NULL,
        tier text NOT NULL CHECK (tier IN ('primary', 'secondary')),
        parent_dealer_id uuid REFERENCES dealer(id),
        company_name text NOT NULL,
        department text,
        representative_name text,
        representative_kana text,
        phone text,
        address text,
        notification_email text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT dealer_login_id_key UNIQUE (login_id),
        CONSTRAINT dealer_login_id_format CHECK (login_id ~ '^[A-Za-z0-9_-]{3,16}$'),
        CONSTRAINT dealer_tier_parent CHECK ((tier = 'primary') = (parent_dealer_id IS NULL))
      );

      CREATE TABLE customer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dealer_id uuid NOT NULL REFERENCES dealer(id),
        name text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deactivated_at timestamptz
      );
      CREATE INDEX customer_dealer_idx ON customer (dealer_id);

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        role text NOT NULL CHECK (role IN ('operator', 'dealer', 'customer', 'shared_user')),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text,
        language text NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en')),
        time_zone text NOT NULL DEFAULT 'Asia/Tokyo',
        dealer_id uuid REFERENCES dealer(id),
        member_role text CHECK (member_role IN ('owner', 'manager', 'staff')),
        customer_id uuid REFERENCES customer(id),
        must_change_password boolean NOT NULL DEFAULT false,
        password_expires_at timestamptz,
        locked_until timestamptz,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT app_user_role_links CHECK (
          (role = 'operator' AND dealer_id IS NULL AND customer_id IS NULL) OR
          (role = 'dealer' AND dealer_id IS NOT NULL AND member_role IS NOT NULL AND customer_id IS NULL) OR
          (role IN ('customer', 'shared_user') AND customer_id IS NOT NULL AND dealer_id IS NULL)
        )
      );
      CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));
      CREATE INDEX app_user_dealer_idx ON app_user (dealer_id);
      CREATE INDEX app_user_customer_idx ON app_user (customer_id);

      CREATE TABLE login_failure (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        ip text
      );
      CREATE INDEX login_failure_user_at_idx ON login_failure (user_id, at);

      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        acting_user_id uuid REFERENCES app_user(id),
        reason text,
        created_at timestamptz NOT NULL,
        last_active_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoke_reason text,
        ip text,
        user_agent text
      );
      CREATE INDEX auth_session_user_idx ON auth_session (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES auth_session(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT refresh_token_hash_key UNIQUE (token_hash)
      );
      CREATE INDEX refresh_token_session_idx ON refresh_token (session_id);

      CREATE TABLE sku (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name_ja text NOT NULL,
        name_en text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('edge', 'direct')),
        term_months integer NOT NULL CHECK (term_months BETWEEN 1 AND 120),
        price_primary integer NOT NULL CHECK (price_primary >= 0),
        price_secondary integer NOT NULL CHECK (price_secondary >= 0),
        price_list integer NOT NULL CHECK (price_list >= 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        CONSTRAINT sku_code_key UNIQUE (code)
      );

      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL,
        template text NOT NULL,
        language text NOT NULL,
        data jsonb NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        claimed_until timestamptz,
        last_error text,
        dedupe_key text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        CONSTRAINT mail_outbox_dedupe_key UNIQUE (dedupe_key)
      );
      CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
      CREATE INDEX mail_outbox_to_idx ON mail_outbox (lower(to_address), created_at DESC);

      CREATE TABLE job_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slot timestamptz,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        outcome text NOT NULL DEFAULT 'running' CHECK (outcome IN ('running', 'succeeded', 'failed')),
        counts jsonb NOT NULL DEFAULT '{}',
        error text
      );
      CREATE UNIQUE INDEX job_run_slot_key ON job_run (name, slot) WHERE slot IS NOT NULL;
      CREATE INDEX job_run_started_idx ON job_run (started_at DESC);

      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_user_id uuid,
        impersonator_user_id uuid,
        actor_role text,
        dealer_id uuid,
        customer_id uuid,
        action text NOT NULL,
        target_type text,
        target_id text,
        reason text,
        before jsonb,
        after jsonb,
        ip text
      );
      CREATE INDEX audit_log_dealer_idx ON audit_log (dealer_id, at DESC);
      CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_log; DROP FUNCTION audit_log_append_only();
      DROP TABLE job_run; DROP TABLE mail_outbox; DROP TABLE sku;
      DROP TABLE refresh_token; DROP TABLE auth_session; DROP TABLE login_failure;
      DROP TABLE app_user; DROP TABLE customer; DROP TABLE dealer; DROP TABLE app_secret;
    `);
  }
}
