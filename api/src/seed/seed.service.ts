import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../common/config/config.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import { PasswordHasher } from '../common/auth/password-hasher.js';
import { computeTerm } from '@lc/shared';
import { DEMO } from './demo.js';

/** Creates the operator from OPERATOR_EMAIL/OPERATOR_PASSWORD and, on an empty database, the demo data. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
  ) {}

  async run(): Promise<{ operatorCreated: boolean; demoSeeded: boolean }> {
    return this.ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(727_002)');
      const now = this.clock.now();
      const existing = await rows(em, `SELECT 1 FROM app_user WHERE lower(email) = lower($1)`, [
        this.config.operatorEmail,
      ]);
      let operatorCreated = false;
      if (!existing.length) {
        await em.query(
          `INSERT INTO app_user (role, email, name, password_hash, language, time_zone, created_at, updated_at)
           VALUES ('operator', $1, 'Operator', $2, 'en', 'Asia/Tokyo', $3, $3)`,
          [this.config.operatorEmail, await this.hasher.hash(this.config.operatorPassword), now],
        );
        operatorCreated = true;
      }
      let demoSeeded = false;
      if (this.config.seedDemo && !(await rows(em, 'SELECT 1 FROM dealer LIMIT 1')).length) {
        await this.seedDemo(em, now);
        demoSeeded = true;
        this.logger.log('Seeded demo data');
      }
      return { operatorCreated, demoSeeded };
    });
  }

  private async seedDemo(em: EntityManager, now: Date): Promise<void> {
    const hash = await this.hasher.hash(DEMO.password);
    const dealer = async (
      d: typeof DEMO.primary | typeof DEMO.secondary,
      tier: string,
      parent: string | null,
    ) => {
      const [row] = await rows<{ id: string }>(
        em,
        `INSERT INTO dealer (login_id, tier, parent_dealer_id, company_name, phone, notification_email, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
        [d.loginId, tier, parent, d.companyName, d.phone, d.owner.email, now],
      );
      return row.id;
    };
    const user = (role: string, email: string, name: string, extra: Record<string, unknown>) =>
      em.query(
        `INSERT INTO app_user (role, email, name, password_hash, language, time_zone, dealer_id, member_role, customer_id,
                               created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
        [
          role,
          email,
          name,
          hash,
          extra.language ?? 'ja',
          extra.timeZone ?? 'Asia/Tokyo',
          extra.dealerId ?? null,
          extra.memberRole ?? null,
          extra.customerId ?? null,
          now,
        ],
      );
    const primary = await dealer(DEMO.primary, 'primary', null);
    await user('dealer', DEMO.primary.owner.email, DEMO.primary.owner.name, {
      dealerId: primary,
      memberRole: 'owner',
      language: 'en',
    });
    await user('dealer', DEMO.primary.manager.email, DEMO.primary.manager.name, {
      dealerId: primary,
      memberRole: 'manager',
    });
    const secondary = await dealer(DEMO.secondary, 'secondary', primary);
    await user('dealer', DEMO.secondary.owner.email, DEMO.secondary.owner.name, {
      dealerId: secondary,
      memberRole: 'owner',
    });
    const customerIds = new Map<string, string>();
    for (const c of DEMO.customers) {
      const [row] = await rows<{ id: string }>(
        em,
        `INSERT INTO customer (dealer_id, name, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id`,
        [primary, c.name, now],
      );
      customerIds.set(c.email, row.id);
      await user('customer', c.email, c.name, {
        customerId: row.id,
        language: c.language,
        timeZone: c.timeZone,
      });
    }
    for (const s of DEMO.skus) {
      await em.query(
        `INSERT INTO sku (code, name_ja, name_en, kind, term_months, price_primary, price_secondary, price_list, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [s.code, s.nameJa, s.nameEn, s.kind, s.termMonths, ...s.prices, now],
      );
    }
    for (const sold of DEMO.sold)
      await this.seedSold(em, primary, customerIds.get(sold.customer)!, sold, now);
    // Licenses in the demo dealers' stock, so assignments can be tried at once.
    for (const [dealerId, stock] of [
      [primary, DEMO.stock.primary],
      [secondary, DEMO.stock.secondary],
    ] as const) {
      for (const [code, quantity] of Object.entries(stock)) {
        await em.query(
          `INSERT INTO license (sku_id, kind, term_months, state, owner_dealer_id, created_at, updated_at)
           SELECT s.id, s.kind, s.term_months, 'in_stock', $2, $3, $3 FROM sku s, generate_series(1, $4)
            WHERE s.code = $1`,
          [code, dealerId, now, quantity],
        );
      }
    }
  }

  /**
   * An assignment made long enough ago that its licenses end within `endingWithinDays` of now
   * (the term rules of shared/term.ts, in the customer's time zone): the latest assignment day
   * whose term ends no later than that.
   */
  private async seedSold(
    em: EntityManager,
    dealerId: string,
    customerId: string,
    sold: (typeof DEMO.sold)[number],
    now: Date,
  ): Promise<void> {
    const [sku] = await rows<{ id: string; kind: string; term_months: number }>(
      em,
      `SELECT id, kind, term_months FROM sku WHERE code = $1`,
      [sold.sku],
    );
    const day = 86_400_000;
    const limit = now.getTime() + sold.endingWithinDays * day;
    let assignedAt = new Date(now.getTime() - 30 * day);
    let term = computeTerm(assignedAt, sku.term_months);
    while (term.endsAt.getTime() > limit) {
      assignedAt = new Date(assignedAt.getTime() - day);
      term = computeTerm(assignedAt, sku.term_months);
    }
    const [a] = await rows<{ id: string }>(
      em,
      `INSERT INTO license_assignment (dealer_id, customer_id, sku_id, quantity, assigned_at, free_until,
                                       term_starts_at, ends_at, time_zone, overlap_days, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Asia/Tokyo', 0, $5) RETURNING id`,
      [
        dealerId,
        customerId,
        sku.id,
        sold.quantity,
        term.assignedAt,
        term.freeUntil,
        term.termStartsAt,
        term.endsAt,
      ],
    );
    await em.query(
      `INSERT INTO license (sku_id, kind, term_months, state, selling_dealer_id, customer_id, assignment_id,
                            assigned_at, free_until, term_starts_at, ends_at, created_at, updated_at)
       SELECT $1, $2, $3, 'assigned', $4, $5, $6, $7, $8, $9, $10, $7, $7 FROM generate_series(1, $11)`,
      [
        sku.id,
        sku.kind,
        sku.term_months,
        dealerId,
        customerId,
        a.id,
        term.assignedAt,
        term.freeUntil,
        term.termStartsAt,
        term.endsAt,
        sold.quantity,
      ],
    );
    await em.query(`UPDATE customer SET first_assigned_at = $2 WHERE id = $1`, [customerId, term.assignedAt]);
  }
}
