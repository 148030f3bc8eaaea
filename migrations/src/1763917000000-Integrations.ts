import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dealer integrations (issue #17): webhook endpoints (secrets encrypted at rest, rotation keeps
 * the previous secret for 24 h), an event outbox written in the same transaction as the fact,
 * one delivery per (event, endpoint) claimed in the database, every attempt kept; API keys
 * (only their sha256 stored) with a per-key rate window; audit rows name the key.
 */
export class Integrations1763917000000 implements MigrationInterface {
  name = 'Integrations1763917000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dealer_id uuid NOT NULL REFERENCES dealer(id),
        url text NOT NULL,
        events text[] NOT NULL,
        status text NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),
        disabled_reason text CHECK (disabled_reason IN ('manual', 'failing')),
        secret_enc text NOT NULL,
        previous_secret_enc text,
        previous_secret_expires_at timestamptz,
        failing_since timestamptz,
        created_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz
      );
      CREATE INDEX webhook_endpoint_dealer_idx ON webhook_endpoint (dealer_id) WHERE deleted_at IS NULL;

      CREATE TABLE webhook_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dealer_id uuid NOT NULL REFERENCES dealer(id),
        type text NOT NULL,
        dedupe_key text NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (dealer_id, dedupe_key)
      );

      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES webhook_event(id),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint(id),
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'retrying', 'succeeded', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        claimed_until timestamptz,
        last_attempt_at timestamptz,
        last_status_code int,
        last_error text,
        last_response_excerpt text,
        succeeded_at timestamptz,
        -- Retries go on for 3 days from here (creation, or the last manual redelivery).
        retry_from timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (event_id, endpoint_id)
      );
      CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (endpoint_id, next_attempt_at)
        WHERE status IN ('pending', 'retrying', 'sending');
      CREATE INDEX webhook_delivery_list_idx ON webhook_delivery (endpoint_id, created_at DESC);

      CREATE TABLE webhook_attempt (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_delivery(id),
        attempt int NOT NULL,
        at timestamptz NOT NULL,
        status_code int,
        error text,
        response_excerpt text,
        duration_ms int NOT NULL,
        UNIQUE (delivery_id, attempt)
      );

      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dealer_id uuid NOT NULL REFERENCES dealer(id),
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        created_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        last_used_at timestamptz,
        window_start timestamptz,
        window_count int NOT NULL DEFAULT 0,
        revoked_at timestamptz
      );
      CREATE INDEX api_key_dealer_idx ON api_key (dealer_id);

      ALTER TABLE audit_log ADD COLUMN api_key_id uuid;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_log DROP COLUMN api_key_id;
      DROP TABLE api_key; DROP TABLE webhook_attempt; DROP TABLE webhook_delivery;
      DROP TABLE webhook_event; DROP TABLE webhook_endpoint;
    `);
  }
}
