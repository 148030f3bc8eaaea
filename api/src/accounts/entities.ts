import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DealerTier, Language, MemberRole, Role } from '@lc/shared';

const tz = { type: 'timestamptz' as const };

@Entity('dealer')
export class Dealer {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') loginId: string;
  @Column('text') tier: DealerTier;
  @Column({ type: 'uuid', nullable: true }) parentDealerId: string | null;
  @Column('text') companyName: string;
  @Column({ type: 'text', nullable: true }) department: string | null;
  @Column({ type: 'text', nullable: true }) representativeName: string | null;
  @Column({ type: 'text', nullable: true }) representativeKana: string | null;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column('text') notificationEmail: string;
  @Column(tz) createdAt: Date;
  @Column(tz) updatedAt: Date;
  /** Set while the operator has the dealer suspended (see dealers/suspension.service.ts). */
  @Column({ ...tz, nullable: true }) suspendedAt: Date | null;
  @Column({ type: 'text', nullable: true }) suspendedReason: string | null;
  @Column({ type: 'uuid', nullable: true }) suspendedByUserId: string | null;
}

@Entity('customer')
export class Customer {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') dealerId: string;
  @Column('text') name: string;
  @Column(tz) createdAt: Date;
  @Column(tz) updatedAt: Date;
  @Column({ ...tz, nullable: true }) deactivatedAt: Date | null;
  /** Set by the licenses feature at the first assignment; locks the contract holder's e-mail. */
  @Column({ ...tz, nullable: true }) firstAssignedAt: Date | null;
}

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') role: Role;
  @Column('text') email: string;
  @Column('text') name: string;
  @Column({ type: 'text', nullable: true }) passwordHash: string | null;
  @Column('text') language: Language;
  @Column('text') timeZone: string;
  @Column({ type: 'uuid', nullable: true }) dealerId: string | null;
  @Column({ type: 'text', nullable: true }) memberRole: MemberRole | null;
  @Column({ type: 'uuid', nullable: true }) customerId: string | null;
  @Column('boolean') mustChangePassword: boolean;
  /** Created with a temporary password: ask "reset the password now?" at every sign-in. */
  @Column('boolean') handoverPending: boolean;
  @Column({ ...tz, nullable: true }) passwordExpiresAt: Date | null;
  @Column({ ...tz, nullable: true }) lockedUntil: Date | null;
  @Column('boolean') active: boolean;
  @Column(tz) createdAt: Date;
  @Column(tz) updatedAt: Date;
}

@Entity('sku')
export class Sku {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text') nameJa: string;
  @Column('text') nameEn: string;
  @Column('text') kind: 'edge' | 'direct';
  @Column('integer') termMonths: number;
  @Column('integer') pricePrimary: number;
  @Column('integer') priceSecondary: number;
  @Column('integer') priceList: number;
  @Column('boolean') active: boolean;
  @Column(tz) createdAt: Date;
}
