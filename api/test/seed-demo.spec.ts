import { describe, expect, it } from '@jest/globals';
import { computeTerm } from '@lc/shared';
import { useTestApp } from './support/index.js';

// The demo data (`npm start` on an empty database): besides the stock, two licenses the demo
// dealer sold to its first customer long enough ago that they end within 90 days of the first
// start, so the expiring lists, the dashboard and the reminders have something to show.

const t = useTestApp({ env: { SEED_DEMO: 'true' } });

describe('demo seed', () => {
  it('sells the first customer two licenses ending within 90 days, by the term rules, without touching the stock', async () => {
    const now = t.clock.now().getTime();
    const sold = (await t.ds.query(
      `SELECT l.state, l.assigned_at, l.free_until, l.term_starts_at, l.ends_at, s.code, s.term_months,
              d.login_id, a.quantity
         FROM license l JOIN customer c ON c.id = l.customer_id JOIN app_user u ON u.customer_id = c.id
         JOIN sku s ON s.id = l.sku_id JOIN dealer d ON d.id = l.selling_dealer_id
         JOIN license_assignment a ON a.id = l.assignment_id
        WHERE u.email = 'customer@demo.example'`,
    )) as Array<{
      state: string;
      assigned_at: Date;
      free_until: Date;
      term_starts_at: Date;
      ends_at: Date;
      code: string;
      term_months: number;
      login_id: string;
      quantity: number;
    }>;
    expect(sold).toHaveLength(2);
    for (const l of sold) {
      expect(l).toMatchObject({ state: 'assigned', code: 'EDGE-12M', login_id: 'demo-dealer', quantity: 2 });
      const days = (l.ends_at.getTime() - now) / 86_400_000;
      expect(days).toBeGreaterThan(0);
      expect(days).toBeLessThanOrEqual(90);
      const term = computeTerm(l.assigned_at, l.term_months, 'Asia/Tokyo');
      expect([l.free_until, l.term_starts_at, l.ends_at]).toEqual([
        term.freeUntil,
        term.termStartsAt,
        term.endsAt,
      ]);
    }
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM license l JOIN dealer d ON d.id = l.owner_dealer_id JOIN sku s ON s.id = l.sku_id
        WHERE d.login_id = 'demo-dealer' AND s.code = 'EDGE-12M' AND l.state = 'in_stock'`,
    );
    expect(n).toBe(20);
  });
});
