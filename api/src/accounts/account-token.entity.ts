import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const tz = { type: 'timestamptz' as const };

export const TOKEN_KINDS = ['invitation', 'password_reset', 'set_password', 'email_change'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/**
 * A one-time secret e-mailed to a user: only its sha256 is stored. Single use (`used_at`),
 * superseded by a newer one of the same kind (`revoked_at`), valid until `expires_at`.
 */
@Entity('account_token')
export class AccountToken {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') userId: string;
  @Column('text') kind: TokenKind;
  @Column('text') tokenHash: string;
  /** password_reset: sha256 of the 6-digit code, salted with the token hash. */
  @Column({ type: 'text', nullable: true }) codeHash: string | null;
  /** email_change: the address being confirmed. */
  @Column({ type: 'text', nullable: true }) newEmail: string | null;
  /** Wrong codes entered so far. */
  @Column('integer') attempts: number;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Column(tz) createdAt: Date;
  @Column(tz) expiresAt: Date;
  @Column({ ...tz, nullable: true }) usedAt: Date | null;
  @Column({ ...tz, nullable: true }) revokedAt: Date | null;
}
