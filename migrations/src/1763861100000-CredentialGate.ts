import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The credential gate (issue 11 §3): failed sign-ins per client address (throttled across
 * accounts), and failures and locks of logins that match no account, so that an unknown login
 * answers exactly like a known one.
 */
export class CredentialGate1763861100000 implements MigrationInterface {
  name = 'CredentialGate1763861100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_address_failure (
        id bigserial PRIMARY KEY,
        ip text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX login_address_failure_ip_at_idx ON login_address_failure (ip, at);

      CREATE TABLE unknown_login_failure (
        id bigserial PRIMARY KEY,
        login_key text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX unknown_login_failure_key_at_idx ON unknown_login_failure (login_key, at);

      CREATE TABLE unknown_login_lock (
        login_key text PRIMARY KEY,
        locked_until timestamptz NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE unknown_login_lock; DROP TABLE unknown_login_failure; DROP TABLE login_address_failure;`,
    );
  }
}
