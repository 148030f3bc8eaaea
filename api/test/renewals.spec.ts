import { describe, expect, it } from '@jest/globals';
import { bearer, makeDealerAndCustomer } from './harness.js';
import { signIn, useTestApp } from './support/index.js';
import { addCustomer, addStock, createSku, makeSecondary, operatorToken, stockOf } from './licensing.js';

const t = useTestApp();

const token = signIn(t);
const act = (tok: string, id: string, action: string, body: object = {}) =>
  t.http.post(`/api/orders/${id}/${action}`).set(bearer(tok)).send(body);

async function assignAt(at: string, email: string, customerId: string, skuCode: string, quantity: number) {
  t.clock.set(new Date(at), true);
  const r = await t.http
    .post('/api/assignments')
    .set(bearer(await token(email)))
    .send({ customerId, skuCode, quantity });
  expect(r.status).toBe(201);
  return r.body as { id: string; endsAt: string; licenses: Array<{ id: string }> };
}

/**
 * Customer A: two edge licenses ending 2027-12-31 (JST) and one renewal already in its pool;
 * customer B: one direct license ending 2028-01-31. "Now" is 2027-12-10 00:00 UTC.
 */
async function pipelineFixture() {
  const m = await makeDealerAndCustomer(t);
  const b = await addCustomer(t, m.dealerId, { name: 'B Shop' });
  const edge = await createSku(t, { kind: 'edge', termMonths: 12 });
  const direct = await createSku(t, { kind: 'direct', termMonths: 12 });
  await addStock(t, m.dealerId, edge.code, 3);
  await addStock(t, m.dealerId, direct.code, 2);
  await assignAt('2026-11-22T01:00:00Z', m.ownerEmail, m.customerId, edge.code, 2);
  await assignAt('2026-12-22T01:00:00Z', m.ownerEmail, b.customerId, direct.code, 1);
  const renewal = await assignAt('2027-12-10T00:00:00Z', m.ownerEmail, m.customerId, edge.code, 1);
  expect(renewal.endsAt).toBe('2029-01-31T14:59:59.999Z');
  return { m, b, edge, direct, tok: await token(m.ownerEmail) };
}

describe('renewal pipeline', () => {
  it('lists per customer the licenses ending within N days, the renewals waiting and the shortfall', async () => {
    const { m, b, edge, direct, tok } = await pipelineFixture();
    const r30 = await t.http.get('/api/renewals').query({ withinDays: 30 }).set(bearer(tok));
    expect(r30.status).toBe(200);
    expect(r30.body.withinDays).toBe(30);
    expect(r30.body.until).toBe('2028-01-09T00:00:00.000Z');
    expect(r30.body.customers).toHaveLength(1);
    expect(r30.body.customers[0]).toMatchObject({
      customerId: m.customerId,
      customerName: 'Customer Co',
      customerEmail: m.customerEmail,
      kinds: [{ kind: 'edge', ending: 2, waiting: 1, shortfall: 1 }],
    });
    expect(r30.body.customers[0].licenses).toHaveLength(2);
    expect(r30.body.customers[0].licenses[0]).toMatchObject({
      skuCode: edge.code,
      kind: 'edge',
      state: 'assigned',
      cameraId: null,
      endsAt: '2027-12-31T14:59:59.999Z',
      daysLeft: 22,
    });

    const r60 = await t.http.get('/api/renewals').query({ withinDays: 60 }).set(bearer(tok));
    expect(r60.body.customers.map((c: { customerId: string }) => c.customerId).sort()).toEqual(
      [m.customerId, b.customerId].sort(),
    );
    const bRow = r60.body.customers.find((c: { customerId: string }) => c.customerId === b.customerId);
    expect(bRow.kinds).toEqual([{ kind: 'direct', ending: 1, waiting: 0, shortfall: 1 }]);
    expect(bRow.licenses[0].skuCode).toBe(direct.code);
    expect(r60.body.totals).toEqual([
      { kind: 'edge', ending: 2, waiting: 1, shortfall: 1 },
      { kind: 'direct', ending: 1, waiting: 0, shortfall: 1 },
    ]);

    for (const bad of [45, 'x']) {
      const r = await t.http.get('/api/renewals').query({ withinDays: bad }).set(bearer(tok));
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/^withinDays: /);
    }
    // Another dealer sees nothing of it.
    const other = await makeDealerAndCustomer(t);
    const theirs = await t.http
      .get('/api/renewals')
      .query({ withinDays: 90 })
      .set(bearer(await token(other.ownerEmail)));
    expect(theirs.body.customers).toEqual([]);
  });

  it('prefills a renewal order for the shortfall net of stock, without placing it', async () => {
    const { m, edge, direct, tok } = await pipelineFixture();
    // Shortfall: 1 edge (no stock left) and 1 direct (1 in stock) → order 1 edge.
    expect(await stockOf(t, m.dealerId, edge.code)).toBe(0);
    expect(await stockOf(t, m.dealerId, direct.code)).toBe(1);
    const r = await t.http.post('/api/renewals/order-shortfall').set(bearer(tok)).send({ withinDays: 60 });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ lines: [{ skuCode: edge.code, quantity: 1 }] });
    const r30 = await t.http.post('/api/renewals/order-shortfall').set(bearer(tok)).send({ withinDays: 30 });
    expect(r30.body).toEqual({ lines: [{ skuCode: edge.code, quantity: 1 }] });
    expect((await t.http.get('/api/orders').set(bearer(tok))).body.total).toBe(0);
    // The body can be placed as is.
    const placed = await t.http.post('/api/orders').set(bearer(tok)).send(r.body);
    expect(placed.status).toBe(201);
    expect(
      (await t.http.post('/api/renewals/order-shortfall').set(bearer(tok)).send({ withinDays: 7 })).status,
    ).toBe(400);
    // Once the stock covers it, nothing is left to order.
    await addStock(t, m.dealerId, edge.code, 1);
    const covered = await t.http
      .post('/api/renewals/order-shortfall')
      .set(bearer(tok))
      .send({ withinDays: 60 });
    expect(covered.body).toEqual({ lines: [] });
  });
});

describe('GET /api/dashboard', () => {
  it('shows stock, licenses ending per month (Asia/Tokyo), recent assignments, open orders and invoices', async () => {
    const { m, edge, direct, tok } = await pipelineFixture();
    const sub = await makeSecondary(t, m.dealerId);
    const op = await operatorToken(t);
    // An open order of the dealer (invoiced, unpaid) and one its secondary placed with it.
    const own = (
      await t.http
        .post('/api/orders')
        .set(bearer(tok))
        .send({ lines: [{ skuCode: edge.code, quantity: 2 }] })
    ).body;
    await act(op, own.id, 'confirm');
    await act(op, own.id, 'invoice');
    const subOrder = (
      await t.http
        .post('/api/orders')
        .set(bearer(await token(sub.ownerEmail)))
        .send({ lines: [{ skuCode: direct.code, quantity: 1 }] })
    ).body;
    await act(tok, subOrder.id, 'confirm');
    await act(tok, subOrder.id, 'invoice');

    const d = await t.http.get('/api/dashboard').set(bearer(tok));
    expect(d.status).toBe(200);
    expect(d.body.stock).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ skuCode: edge.code, quantity: 0 }),
        expect.objectContaining({ skuCode: direct.code, quantity: 1 }),
      ]),
    );
    expect(d.body.endingByMonth).toHaveLength(12);
    expect(d.body.endingByMonth[0]).toEqual({ month: '2027-12', count: 2 });
    expect(d.body.endingByMonth[1]).toEqual({ month: '2028-01', count: 1 });
    expect(d.body.endingByMonth[11].month).toBe('2028-11');
    expect(d.body.endingByMonth.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(3);
    expect(d.body.recentAssignments.map((a: { quantity: number }) => a.quantity)).toEqual([1, 1, 2]);
    expect(d.body.recentAssignments[0]).toMatchObject({ customerId: m.customerId, skuCode: edge.code });
    expect(d.body.openOrders.map((o: { id: string; role: string }) => [o.id, o.role]).sort()).toEqual(
      [
        [own.id, 'buyer'],
        [subOrder.id, 'supplier'],
      ].sort(),
    );
    expect(d.body.unpaidInvoices).toHaveLength(1);
    expect(d.body.unpaidInvoices[0]).toMatchObject({
      counterparty: 'License Console Operator',
      total: 19_800,
      amountDue: 19_800,
      dueAt: '2028-01-31T14:59:59.999Z',
      status: 'unpaid',
      invoiceNumber: expect.stringMatching(/^OP-\d{6}$/),
    });
    expect(d.body.receivables).toHaveLength(1);
    expect(d.body.receivables[0]).toMatchObject({ counterparty: `Sub ${sub.loginId}`, status: 'unpaid' });
    expect((await t.http.get('/api/dashboard').set(bearer(op))).status).toBe(403);
  });
});

describe('prepaid protection', () => {
  it('an unpaid, overdue or cancelled invoice never changes licenses already assigned', async () => {
    const primary = await makeDealerAndCustomer(t);
    const sub = await makeSecondary(t, primary.dealerId);
    const sku = await createSku(t);
    await addStock(t, primary.dealerId, sku.code, 10);
    t.clock.set(new Date('2027-01-10T01:00:00Z'), true);
    let pTok = await token(primary.ownerEmail);
    let subTok = await token(sub.ownerEmail);
    // The secondary buys 3 and pays; both assign licenses to their customers.
    const first = (
      await t.http
        .post('/api/orders')
        .set(bearer(subTok))
        .send({ lines: [{ skuCode: sku.code, quantity: 3 }] })
    ).body;
    await act(pTok, first.id, 'confirm');
    await act(pTok, first.id, 'invoice');
    expect((await act(pTok, first.id, 'pay')).body.status).toBe('fulfilled');
    await assignAt('2027-01-10T01:00:00Z', primary.ownerEmail, primary.customerId, sku.code, 2);
    await assignAt('2027-01-10T01:00:00Z', sub.ownerEmail, sub.customerId, sku.code, 2);
    const snapshot = () =>
      t.ds.query(
        `SELECT id, state, owner_dealer_id, selling_dealer_id, customer_id, camera_id, assigned_at, free_until,
                term_starts_at, ends_at, updated_at
           FROM license WHERE customer_id = ANY($1::uuid[]) ORDER BY id`,
        [[primary.customerId, sub.customerId]],
      );
    const before = await snapshot();
    expect(before).toHaveLength(4);

    // New orders whose invoices stay unpaid: the primary's to the operator, the secondary's to the primary.
    const op = await operatorToken(t);
    const owed = (
      await t.http
        .post('/api/orders')
        .set(bearer(pTok))
        .send({ lines: [{ skuCode: sku.code, quantity: 5 }] })
    ).body;
    await act(op, owed.id, 'confirm');
    await act(op, owed.id, 'invoice');
    const subOwed = (
      await t.http
        .post('/api/orders')
        .set(bearer(subTok))
        .send({ lines: [{ skuCode: sku.code, quantity: 1 }] })
    ).body;
    await act(pTok, subOwed.id, 'confirm');
    await act(pTok, subOwed.id, 'invoice');
    await act(pTok, subOwed.id, 'pay', { amount: 100 });

    // Months later both invoices are overdue; the jobs run.
    t.clock.set(new Date('2027-06-01T00:00:00Z'), true);
    pTok = await token(primary.ownerEmail);
    subTok = await token(sub.ownerEmail);
    const inv = await t.http.get(`/api/invoices`).query({ status: 'overdue' }).set(bearer(pTok));
    expect(inv.body.items.map((i: { orderId: string }) => i.orderId).sort()).toEqual(
      [owed.id, subOwed.id].sort(),
    );
    for (const job of ['expiry-sweep', 'reminders']) {
      expect((await t.http.post(`/api/dev/jobs/${job}/run`)).status).toBe(200);
    }
    expect(await snapshot()).toEqual(before);
    for (const [tk, customerId] of [
      [pTok, primary.customerId],
      [subTok, sub.customerId],
    ]) {
      const r = await t.http.get(`/api/customers/${customerId}/licenses`).set(bearer(tk));
      expect(r.body.map((l: { state: string }) => l.state)).toEqual(['assigned', 'assigned']);
    }
    // Stock already held stays usable, and cancelling the unpaid order takes nothing back.
    await act(op, owed.id, 'cancel');
    expect(await snapshot()).toEqual(before);
    expect(await stockOf(t, primary.dealerId, sku.code)).toBe(5);
    expect(await stockOf(t, sub.dealerId, sku.code)).toBe(1);
    await assignAt('2027-06-01T00:00:00Z', sub.ownerEmail, sub.customerId, sku.code, 1);
  });
});
