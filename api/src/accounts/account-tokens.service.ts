import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { RESET_CODE_MAX_ATTEMPTS } from '@lc/shared';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import type { TokenKind } from './account-token.entity.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const codeHash = (tokenHash: string, code: string) => sha256(`${tokenHash}:${code}`);

export interface IssuedToken {
  id: string;
  /** The secret for the e-mail link (base64url of 32 random bytes); never stored. */
  token: string;
  /** password_reset only: the 6-digit verification code; never stored. */
  code?: string;
  expiresAt: Date;
}

export interface TokenRow {
  id: string;
  user_id: string;
  kind: TokenKind;
  token_hash: string;
  code_hash: string | null;
  new_email: string | null;
  attempts: number;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

export type RedeemProblem = 'invalid' | 'expired' | 'locked' | 'wrong-code';
export type Redeemed = { ok: TokenRow } | { problem: RedeemProblem };

/**
 * Invitation, password-reset, set-password and e-mail-change secrets. Issuing one supersedes
 * the user's earlier ones of the same kind; redeeming locks the row, checks expiry against
 * the injected clock and marks it used, all in the caller's transaction.
 */
@Injectable()
export class AccountTokens {
  constructor(private readonly clock: Clock) {}

  async issue(
    em: EntityManager,
    t: { userId: string; kind: TokenKind; ttlHours: number; createdBy?: string | null; newEmail?: string },
  ): Promise<IssuedToken> {
    const now = this.clock.now();
    await this.revoke(em, t.userId, [t.kind]);
    const token = randomBytes(32).toString('base64url');
    const tokenHash = sha256(token);
    const code = t.kind === 'password_reset' ? String(randomInt(0, 1_000_000)).padStart(6, '0') : undefined;
    const expiresAt = new Date(now.getTime() + t.ttlHours * 3_600_000);
    const [row] = await rows<{ id: string }>(
      em,
      `INSERT INTO account_token (user_id, kind, token_hash, code_hash, new_email, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        t.userId,
        t.kind,
        tokenHash,
        code === undefined ? null : codeHash(tokenHash, code),
        t.newEmail ?? null,
        t.createdBy ?? null,
        now,
        expiresAt,
      ],
    );
    return { id: row.id, token, code, expiresAt };
  }

  /** Ends the user's outstanding tokens (of these kinds, or all). */
  async revoke(em: EntityManager, userId: string, kinds?: TokenKind[]): Promise<void> {
    await em.query(
      `UPDATE account_token SET revoked_at = $2
        WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL AND ($3::text[] IS NULL OR kind = ANY($3))`,
      [userId, this.clock.now(), kinds ?? null],
    );
  }

  /** Ends every outstanding token of these users (customer deactivation; caller's transaction). */
  async revokeAllOfUsers(em: EntityManager, userIds: string[], now: Date): Promise<void> {
    await em.query(
      `UPDATE account_token SET revoked_at = $2
        WHERE user_id = ANY($1::uuid[]) AND used_at IS NULL AND revoked_at IS NULL`,
      [userIds, now],
    );
  }

  /** Redeems a link token of one of these kinds: single use, not expired, not superseded. */
  async redeemLink(em: EntityManager, kinds: TokenKind[], token: string): Promise<Redeemed> {
    const [row] = await rows<TokenRow>(
      em,
      `SELECT * FROM account_token WHERE token_hash = $1 AND kind = ANY($2) FOR UPDATE`,
      [sha256(token), kinds],
    );
    return this.use(em, row);
  }

  /**
   * Redeems the user's newest password-reset code. A wrong code counts an attempt (the caller
   * must commit before refusing); after RESET_CODE_MAX_ATTEMPTS the code is locked.
   */
  async redeemCode(em: EntityManager, userId: string, code: string): Promise<Redeemed> {
    const [row] = await rows<TokenRow>(
      em,
      `SELECT * FROM account_token
        WHERE user_id = $1 AND kind = 'password_reset' AND used_at IS NULL AND revoked_at IS NULL
        ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [userId],
    );
    if (!row) return { problem: 'wrong-code' };
    if (row.expires_at <= this.clock.now()) return { problem: 'expired' };
    if (row.attempts >= RESET_CODE_MAX_ATTEMPTS) return { problem: 'locked' };
    const expected = Buffer.from(row.code_hash ?? '', 'hex');
    const given = Buffer.from(codeHash(row.token_hash, code), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      const [{ attempts }] = await rows<{ attempts: number }>(
        em,
        `UPDATE account_token SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts`,
        [row.id],
      );
      return { problem: attempts >= RESET_CODE_MAX_ATTEMPTS ? 'locked' : 'wrong-code' };
    }
    return this.use(em, row);
  }

  /** Marks a token used. A reset link still works after its code was locked: it needs the inbox. */
  private async use(em: EntityManager, row: TokenRow | undefined): Promise<Redeemed> {
    if (!row || row.used_at || row.revoked_at) return { problem: 'invalid' };
    if (row.expires_at <= this.clock.now()) return { problem: 'expired' };
    await em.query(`UPDATE account_token SET used_at = $2 WHERE id = $1`, [row.id, this.clock.now()]);
    return { ok: { ...row, used_at: this.clock.now() } };
  }

  /** Reset e-mails sent to this user in the last hour (to stop mail bombing). */
  async recentResets(em: EntityManager, userId: string): Promise<number> {
    const since = new Date(this.clock.now().getTime() - 3_600_000);
    const [{ n }] = await rows<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM account_token WHERE user_id = $1 AND kind = 'password_reset' AND created_at > $2`,
      [userId, since],
    );
    return n;
  }
}
