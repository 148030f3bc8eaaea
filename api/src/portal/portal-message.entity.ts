import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const tz = { type: 'timestamptz' as const };

/** A message shown in the customer portal (message list, latest first). */
@Entity('portal_message')
export class PortalMessage {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') customerId: string;
  /** e.g. `proxy_session_opened`; the web may render its own text from `data`. */
  @Column('text') kind: string;
  /** Title and body in the customer's language at the time of writing. */
  @Column('text') title: string;
  @Column('text') body: string;
  @Column('jsonb') data: Record<string, unknown>;
  @Column(tz) createdAt: Date;
  @Column({ ...tz, nullable: true }) readAt: Date | null;
}
