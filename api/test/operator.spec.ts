import { describe, expect, it } from '@jest/globals';
import type { DealerOverview, OperatorOverview } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer } from './harness.js';
import { useTestApp } from './support/index.js';
import { addStock, createSku, makeSecondary, operatorToken } from './licensing.js';

const t = useTestApp();

async function overview(): Promise<OperatorOverview> {
  const r = await t.http.get('/api/operator/overview').set(bearer(await operatorToken(t)));
  expect(r.status).toBe(200);
  return r.body as OperatorOverview;
}

describe('operator home and dealer detail (issue 14)', () => {
  it('counts dealers, stock, this month’s sales, unpaid invoices and failed job runs', async () => {
    const before = await overview();
    const m = await makeDealerAndCustomer(t);
    await makeSecondary(t, m.dealerId);
    const sku = await createSku(t);
    await addStock(t, m.dealerId, sku.code, 7);
    await t.ds.query(
      `INSERT INTO job_run (name, trigger, started_at, finished_at, outcome) VALUES ('reminders', 'manual', $1, $1, 'failed')`,
      [t.clock.now()],
    );
    const op = await operatorToken(t);
    const dealerTok = (await login(t, m.ownerEmail)).accessToken;
    const order = await t.http
      .post('/api/orders')
      .set(bearer(dealerTok))
      .send({ lines: [{ skuCode: sku.code, quantity: 2 }] });
    expect(order.status).toBe(201);
    for (const step of ['confirm', 'invoice']) {
      expect(
        (await t.http.post(`/api/orders/${order.body.id}/${step}`).set(bearer(op)).send({})).status,
      ).toBe(200);
    }

    const after = await overview();
    expect(after.dealers.primary).toBe(before.dealers.primary + 1);
    expect(after.dealers.secondary).toBe(before.dealers.secondary + 1);
    expect(after.stock.find((s) => s.skuCode === sku.code)?.quantity).toBe(7);
    expect(after.failedJobRuns).toBe(before.failedJobRuns + 1);
    expect(after.salesThisMonth.invoices).toBe(before.salesThisMonth.invoices + 1);
    expect(after.salesThisMonth.total).toBeGreaterThan(before.salesThisMonth.total);
    expect(after.unpaidInvoices.count).toBe(before.unpaidInvoices.count + 1);
    expect(after.unpaidInvoices.amountDue - before.unpaidInvoices.amountDue).toBe(
      after.salesThisMonth.total - before.salesThisMonth.total,
    );
  });

  it('shows one dealer: profile, parent, stock, customers, secondary dealers and orders', async () => {
    const m = await makeDealerAndCustomer(t);
    const sub = await makeSecondary(t, m.dealerId);
    const sku = await createSku(t);
    await addStock(t, sub.dealerId, sku.code, 3);
    const op = await operatorToken(t);

    const r = await t.http.get(`/api/operator/dealers/${sub.dealerId}`).set(bearer(op));
    expect(r.status).toBe(200);
    const d = r.body as DealerOverview;
    expect(d.dealer).toMatchObject({ id: sub.dealerId, loginId: sub.loginId, tier: 'secondary' });
    expect(d.parent).toEqual({
      id: m.dealerId,
      loginId: m.loginId,
      companyName: `Dealer ${m.loginId}`,
      suspendedAt: null,
    });
    expect(d.stock).toEqual([{ skuCode: sku.code, quantity: 3 }]);
    expect(d.customers.total).toBe(1);
    expect(d.customers.recent[0]).toMatchObject({
      id: sub.customerId,
      name: 'Sub Customer',
      licenseCount: 0,
    });

    const primary = (await t.http.get(`/api/operator/dealers/${m.dealerId}`).set(bearer(op)))
      .body as DealerOverview;
    expect(primary.parent).toBeNull();
    expect(primary.secondaryDealers.map((s) => s.id)).toEqual([sub.dealerId]);
  });

  it('is the operator’s only: dealers get 403, unknown ids 404', async () => {
    const m = await makeDealerAndCustomer(t);
    const tok = (await login(t, m.ownerEmail)).accessToken;
    expect((await t.http.get('/api/operator/overview').set(bearer(tok))).status).toBe(403);
    expect((await t.http.get(`/api/operator/dealers/${m.dealerId}`).set(bearer(tok))).status).toBe(403);
    const op = await operatorToken(t);
    expect(
      (await t.http.get('/api/operator/dealers/00000000-0000-4000-8000-000000000000').set(bearer(op))).status,
    ).toBe(404);
    expect((await t.http.get('/api/operator/dealers/nope').set(bearer(op))).status).toBe(404);
  });
});
