import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { bearer, makeDealerAndCustomer } from './harness.js';
import { signIn, useTestApp } from './support/index.js';
import {
  addCustomer,
  addStock,
  createSku,
  mailbox,
  operatorToken,
  setTimeZone,
  stockOf,
} from './licensing.js';

const t = useTestApp();

const token = signIn(t);

describe('POST /api/assignments (SPEC §2 dates)', () => {
  it('assigns from stock with the SPEC example dates, records history, e-mails the customer', async () => {
    const m = await makeDealerAndCustomer(t);
    const sku = await createSku(t, { termMonths: 12 });
    await addStock(t, m.dealerId, sku.code, 5);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true); // 10:00 JST
    const tok = await token(m.ownerEmail);

    const r = await t.http
      .post('/api/assignments')
      .set(bearer(tok))
      .send({ customerId: m.customerId, skuCode: sku.code, quantity: 2 });
    expect(r.status).toBe(201);
    const dates = {
      assignedAt: '2026-11-22T01:00:00.000Z',
      freeUntil: '2026-12-31T14:59:59.999Z',
      termStartsAt: '2026-12-31T15:00:00.000Z',
      endsAt: '2027-12-31T14:59:59.999Z',
    };
    expect(r.body).toMatchObject({ customerId: m.customerId, skuCode: sku.code, quantity: 2, ...dates });
    expect(r.body.licenses).toHaveLength(2);
    for (const l of r.body.licenses) expect(l).toEqual({ id: expect.any(String), ...dates });
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(3);

    const [c] = await t.ds.query(`SELECT first_assigned_at FROM customer WHERE id = $1`, [m.customerId]);
    expect(c.first_assigned_at.toISOString()).toBe(dates.assignedAt);

    const mails = await mailbox(t, m.customerEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0].template).toBe('licenses-assigned');
    expect(mails[0].subject).toContain('2件');
    expect(mails[0].text).toContain('2026/12/31'); // free until, in the customer's zone
    expect(mails[0].text).toContain('2027/12/31');

    const stock = await t.http.get('/api/stock').set(bearer(tok));
    expect(stock.body).toContainEqual(
      expect.objectContaining({ skuCode: sku.code, quantity: 3, termMonths: 12 }),
    );
  });

  it("computes the dates in the customer's time zone", async () => {
    const m = await makeDealerAndCustomer(t);
    await setTimeZone(t, m.customerId, 'America/New_York');
    const sku = await createSku(t, { termMonths: 36 });
    await addStock(t, m.dealerId, sku.code, 1);
    t.clock.set(new Date('2026-12-01T03:00:00Z'), true); // still 30 November in New York
    const r = await t.http
      .post('/api/assignments')
      .set(bearer(await token(m.ownerEmail)))
      .send({ customerId: m.customerId, skuCode: sku.code, quantity: 1 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      freeUntil: '2027-01-01T04:59:59.999Z',
      termStartsAt: '2027-01-01T05:00:00.000Z',
      endsAt: '2030-01-01T04:59:59.999Z',
    });
  });

  it('refuses a short stock with 409 STOCK_SHORT and changes nothing', async () => {
    const m = await makeDealerAndCustomer(t);
    const sku = await createSku(t);
    await addStock(t, m.dealerId, sku.code, 2);
    const tok = await token(m.ownerEmail);
    const r = await t.http
      .post('/api/assignments')
      .set(bearer(tok))
      .send({ customerId: m.customerId, skuCode: sku.code, quantity: 3 });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe(ErrorCode.STOCK_SHORT);
    expect(r.body.details).toMatchObject({ requested: 3, available: 2, skuCode: sku.code });
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(2);
    const lic = await t.http.get(`/api/customers/${m.customerId}/licenses`).set(bearer(tok));
    expect(lic.body).toEqual([]);
    const [c] = await t.ds.query(`SELECT first_assigned_at FROM customer WHERE id = $1`, [m.customerId]);
    expect(c.first_assigned_at).toBeNull();
    expect(await mailbox(t, m.customerEmail)).toHaveLength(0);
  });

  it('names the field on bad input and refuses unknown SKUs, other roles and deactivated customers', async () => {
    const m = await makeDealerAndCustomer(t);
    const sku = await createSku(t);
    await addStock(t, m.dealerId, sku.code, 1);
    const tok = await token(m.ownerEmail);
    const post = (body: object) => t.http.post('/api/assignments').set(bearer(tok)).send(body);
    const base = { customerId: m.customerId, skuCode: sku.code, quantity: 1 };

    const zero = await post({ ...base, quantity: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.message).toMatch(/^quantity: /);
    expect((await post({ ...base, quantity: 1001 })).body.message).toMatch(/^quantity: /);
    expect((await post({ ...base, quantity: 1.5 })).body.message).toMatch(/^quantity: /);
    expect((await post({ ...base, customerId: 'nope' })).body.message).toMatch(/^customerId: /);
    const unknown = await post({ ...base, skuCode: 'NO-SUCH-SKU' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: ErrorCode.SKU_UNKNOWN,
      message: expect.stringMatching(/^skuCode: /),
    });
    const badKey = await t.http
      .post('/api/assignments')
      .set(bearer(tok))
      .set('Idempotency-Key', ' ')
      .send(base);
    expect(badKey.status).toBe(400);
    expect(badKey.body.message).toMatch(/^Idempotency-Key: /);

    const op = await t.http
      .post('/api/assignments')
      .set(bearer(await operatorToken(t)))
      .send(base);
    expect(op.status).toBe(403);
    const cust = await t.http
      .post('/api/assignments')
      .set(bearer(await token(m.customerEmail)))
      .send(base);
    expect(cust.status).toBe(403);

    await t.ds.query(`UPDATE customer SET deactivated_at = now() WHERE id = $1`, [m.customerId]);
    const gone = await post(base);
    expect(gone.status).toBe(409);
    expect(gone.body.code).toBe(ErrorCode.CUSTOMER_DEACTIVATED);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(1);
  });

  it('honours an Idempotency-Key: same body → same assignment, other body → 409', async () => {
    const m = await makeDealerAndCustomer(t);
    const sku = await createSku(t);
    await addStock(t, m.dealerId, sku.code, 5);
    const tok = await token(m.ownerEmail);
    const body = { customerId: m.customerId, skuCode: sku.code, quantity: 2 };
    const first = await t.http
      .post('/api/assignments')
      .set(bearer(tok))
      .set('Idempotency-Key', 'k-1')
      .send(body);
    expect(first.status).toBe(201);
    const again = await t.http
      .post('/api/assignments')
      .set(bearer(tok))
      .set('Idempotency-Key', 'k-1')
      .send(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(3);
    const other = await t.http
      .post('/api/assignments')
      .set(bearer(tok))
      .set('Idempotency-Key', 'k-1')
      .send({ ...body, quantity: 1 });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe(ErrorCode.IDEMPOTENCY_KEY_REUSED);

    // Ten identical requests at once: one assignment.
    const burst = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http.post('/api/assignments').set(bearer(tok)).set('Idempotency-Key', 'k-2').send(body),
      ),
    );
    expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(burst.map((r) => r.body.id)).size).toBe(1);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(1);
  });
});

describe('concurrency', () => {
  it('60 parallel assignments of 1 against a stock of 20: exactly 20 succeed, the rest get STOCK_SHORT', async () => {
    const m = await makeDealerAndCustomer(t);
    const other = await addCustomer(t, m.dealerId);
    const sku = await createSku(t);
    await addStock(t, m.dealerId, sku.code, 20);
    const tok = await token(m.ownerEmail);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t.http
          .post('/api/assignments')
          .set(bearer(tok))
          .send({ customerId: i % 2 ? m.customerId : other.customerId, skuCode: sku.code, quantity: 1 }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe(ErrorCode.STOCK_SHORT);
    const ids = results.filter((r) => r.status === 201).map((r) => r.body.licenses[0].id);
    expect(new Set(ids).size).toBe(20);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(0);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM license l JOIN sku s ON s.id = l.sku_id WHERE s.code = $1 AND state = 'assigned'`,
      [sku.code],
    );
    expect(n).toBe(20);
  });

  it('parallel multi-license assignments never oversell', async () => {
    const m = await makeDealerAndCustomer(t);
    const sku = await createSku(t);
    await addStock(t, m.dealerId, sku.code, 30);
    const tok = await token(m.ownerEmail);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.http
          .post('/api/assignments')
          .set(bearer(tok))
          .send({ customerId: m.customerId, skuCode: sku.code, quantity: (i % 3) + 1 }),
      ),
    );
    expect(
      results.every((r) => r.status === 201 || (r.status === 409 && r.body.code === ErrorCode.STOCK_SHORT)),
    ).toBe(true);
    const assigned = results.filter((r) => r.status === 201).reduce((s, r) => s + r.body.quantity, 0);
    expect(assigned).toBeGreaterThan(0);
    expect(assigned).toBeLessThanOrEqual(30);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(30 - assigned);
    const all = results
      .filter((r) => r.status === 201)
      .flatMap((r) => r.body.licenses.map((l: { id: string }) => l.id));
    expect(new Set(all).size).toBe(assigned);
  });
});

describe('POST /api/assignments/preview (overlapDays, SPEC §2)', () => {
  it('shows the dates and the overlap with the earliest-ending valid license of the same kind', async () => {
    const m = await makeDealerAndCustomer(t);
    const edge = await createSku(t, { kind: 'edge', termMonths: 12 });
    const direct = await createSku(t, { kind: 'direct', termMonths: 12 });
    await addStock(t, m.dealerId, edge.code, 3);
    await addStock(t, m.dealerId, direct.code, 1);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    const body = { customerId: m.customerId, skuCode: edge.code, quantity: 1 };

    const none = await t.http
      .post('/api/assignments/preview')
      .set(bearer(await token(m.ownerEmail)))
      .send(body);
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({
      freeUntil: '2026-12-31T14:59:59.999Z',
      termStartsAt: '2026-12-31T15:00:00.000Z',
      endsAt: '2027-12-31T14:59:59.999Z',
      overlapDays: 0,
      comparedWith: null,
      timeZone: 'Asia/Tokyo',
      inStock: 3,
    });
    const first = await t.http
      .post('/api/assignments')
      .set(bearer(await token(m.ownerEmail)))
      .send(body);
    const firstId = first.body.licenses[0].id;

    // 31 October JST: the renewal's paid term starts 1 December, 31 days before the first ends.
    t.clock.set(new Date('2027-10-31T03:00:00Z'), true);
    let tok = await token(m.ownerEmail);
    const early = await t.http.post('/api/assignments/preview').set(bearer(tok)).send(body);
    expect(early.body).toMatchObject({
      termStartsAt: '2027-11-30T15:00:00.000Z',
      overlapDays: 31,
      comparedWith: { licenseId: firstId, endsAt: '2027-12-31T14:59:59.999Z' },
      inStock: 2,
    });
    // Another kind is not compared.
    const otherKind = await t.http
      .post('/api/assignments/preview')
      .set(bearer(tok))
      .send({ ...body, skuCode: direct.code });
    expect(otherKind.body).toMatchObject({ overlapDays: 0, comparedWith: null });

    // 1 November JST: the term starts 1 January, right after: no overlap.
    t.clock.set(new Date('2027-11-01T03:00:00Z'), true);
    tok = await token(m.ownerEmail);
    const onTime = await t.http.post('/api/assignments/preview').set(bearer(tok)).send(body);
    expect(onTime.body).toMatchObject({ termStartsAt: '2027-12-31T15:00:00.000Z', overlapDays: 0 });

    // The preview changed nothing; the assignment records the overlap it showed.
    t.clock.set(new Date('2027-10-31T03:00:00Z'), true);
    tok = await token(m.ownerEmail);
    expect(await stockOf(t, m.dealerId, edge.code)).toBe(2);
    const renewal = await t.http.post('/api/assignments').set(bearer(tok)).send(body);
    expect(renewal.body.overlapDays).toBe(31);

    // An expired license is no longer compared.
    t.clock.set(new Date('2028-01-15T03:00:00Z'), true);
    tok = await token(m.ownerEmail);
    const later = await t.http.post('/api/assignments/preview').set(bearer(tok)).send(body);
    expect(later.body.comparedWith).toEqual({
      licenseId: renewal.body.licenses[0].id,
      endsAt: renewal.body.endsAt,
    });
  });
});

describe('tenant isolation', () => {
  it("a dealer cannot preview, assign to or list another dealer's customer, nor use its stock", async () => {
    const a = await makeDealerAndCustomer(t);
    const b = await makeDealerAndCustomer(t);
    const sku = await createSku(t);
    await addStock(t, a.dealerId, sku.code, 5);
    const tokB = await token(b.ownerEmail);
    const body = { customerId: a.customerId, skuCode: sku.code, quantity: 1 };
    for (const path of ['/api/assignments', '/api/assignments/preview']) {
      const r = await t.http.post(path).set(bearer(tokB)).send(body);
      expect(r.status).toBe(404);
      expect(r.body.code).toBe(ErrorCode.NOT_FOUND);
    }
    expect((await t.http.get(`/api/customers/${a.customerId}/licenses`).set(bearer(tokB))).status).toBe(404);
    // B's own customer, but B holds none of that SKU: A's stock is not B's.
    const own = await t.http
      .post('/api/assignments')
      .set(bearer(tokB))
      .send({ ...body, customerId: b.customerId });
    expect(own.status).toBe(409);
    expect(own.body.code).toBe(ErrorCode.STOCK_SHORT);
    expect(await stockOf(t, a.dealerId, sku.code)).toBe(5);
    // History shows only one's own assignments.
    await t.http
      .post('/api/assignments')
      .set(bearer(await token(a.ownerEmail)))
      .send({ ...body });
    expect((await t.http.get('/api/assignments').set(bearer(tokB))).body.total).toBe(0);
    expect((await t.http.get('/api/stock').set(bearer(tokB))).body).toContainEqual(
      expect.objectContaining({ skuCode: sku.code, quantity: 0 }),
    );
  });
});

describe('GET /api/customers/:id/licenses', () => {
  it('shows the licenses to the dealer and the customer, not to another customer or dealer', async () => {
    const m = await makeDealerAndCustomer(t);
    const other = await makeDealerAndCustomer(t);
    const sku = await createSku(t);
    await addStock(t, m.dealerId, sku.code, 2);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    const assigned = await t.http
      .post('/api/assignments')
      .set(bearer(await token(m.ownerEmail)))
      .send({ customerId: m.customerId, skuCode: sku.code, quantity: 2 });
    expect(assigned.status).toBe(201);

    const dealerView = await t.http
      .get(`/api/customers/${m.customerId}/licenses`)
      .set(bearer(await token(m.ownerEmail)));
    expect(dealerView.status).toBe(200);
    expect(dealerView.body).toHaveLength(2);
    expect(dealerView.body[0]).toEqual({
      id: expect.any(String),
      skuCode: sku.code,
      kind: 'edge',
      state: 'assigned',
      cameraId: null,
      assignedAt: '2026-11-22T01:00:00.000Z',
      freeUntil: '2026-12-31T14:59:59.999Z',
      termStartsAt: '2026-12-31T15:00:00.000Z',
      endsAt: '2027-12-31T14:59:59.999Z',
      termMonths: 12,
      daysLeft: 405,
    });
    const own = await t.http
      .get(`/api/customers/${m.customerId}/licenses`)
      .set(bearer(await token(m.customerEmail)));
    expect(own.status).toBe(200);
    expect(own.body).toEqual(dealerView.body);
    const op = await t.http
      .get(`/api/customers/${m.customerId}/licenses`)
      .set(bearer(await operatorToken(t)));
    expect(op.body).toHaveLength(2);

    const otherCustomer = await t.http
      .get(`/api/customers/${m.customerId}/licenses`)
      .set(bearer(await token(other.customerEmail)));
    expect(otherCustomer.status).toBe(404);
    const otherDealer = await t.http
      .get(`/api/customers/${m.customerId}/licenses`)
      .set(bearer(await token(other.ownerEmail)));
    expect(otherDealer.status).toBe(404);
    expect(
      (await t.http.get(`/api/customers/not-a-uuid/licenses`).set(bearer(await token(m.ownerEmail)))).status,
    ).toBe(404);

    // Past ends_at the license reads expired even before the expiry sweep ran.
    t.clock.set(new Date('2028-01-01T00:00:00Z'), true);
    const later = await t.http
      .get(`/api/customers/${m.customerId}/licenses`)
      .set(bearer(await token(m.ownerEmail)));
    expect(later.body.map((l: { state: string; daysLeft: number }) => [l.state, l.daysLeft])).toEqual([
      ['expired', 0],
      ['expired', 0],
    ]);
  });
});

describe('assignment history', () => {
  it('filters by customer, SKU and period, pages, and exports CSV', async () => {
    const m = await makeDealerAndCustomer(t);
    const c2 = await addCustomer(t, m.dealerId, { name: 'Second, Inc.' });
    const s1 = await createSku(t);
    const s2 = await createSku(t, { kind: 'direct', termMonths: 36 });
    await addStock(t, m.dealerId, s1.code, 10);
    await addStock(t, m.dealerId, s2.code, 10);
    const assign = async (at: string, customerId: string, skuCode: string, quantity: number) => {
      t.clock.set(new Date(at), true);
      const r = await t.http
        .post('/api/assignments')
        .set(bearer(await token(m.ownerEmail)))
        .send({ customerId, skuCode, quantity });
      expect(r.status).toBe(201);
    };
    await assign('2027-01-10T01:00:00Z', m.customerId, s1.code, 1);
    await assign('2027-01-31T15:30:00Z', c2.customerId, s1.code, 2); // 1 February JST
    await assign('2027-02-20T01:00:00Z', m.customerId, s2.code, 3);
    const tok = await token(m.ownerEmail);
    const get = (query: Record<string, string | number>) =>
      t.http.get('/api/assignments').set(bearer(tok)).query(query);

    const all = await get({});
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((i: { quantity: number }) => i.quantity)).toEqual([3, 2, 1]);
    expect(all.body.items[0]).toMatchObject({
      customerId: m.customerId,
      customerName: 'Customer Co',
      customerEmail: m.customerEmail,
      skuCode: s2.code,
      kind: 'direct',
      termMonths: 36,
      assignedBy: { name: 'Owner Person' },
    });
    expect(
      (await get({ customerId: c2.customerId })).body.items.map((i: { quantity: number }) => i.quantity),
    ).toEqual([2]);
    expect((await get({ skuCode: s1.code })).body.total).toBe(2);
    // Dates are days in Asia/Tokyo: January JST is the first assignment only.
    expect((await get({ from: '2027-01-01', to: '2027-01-31' })).body.total).toBe(1);
    expect((await get({ from: '2027-02-01' })).body.total).toBe(2);
    expect((await get({ to: '2027-01-31T15:30:00Z' })).body.total).toBe(1);
    const page2 = await get({ page: 2, pageSize: 2 });
    expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.body.items).toHaveLength(1);
    expect((await get({ pageSize: 1000 })).status).toBe(400);
    expect((await get({ from: '2027-02-30' })).body.message).toMatch(/^from: /);

    const csv = await t.http.get('/api/assignments/export.csv').set(bearer(tok)).query({ skuCode: s1.code });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="assignments-\d{8}\.csv"/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^assignment_id,assigned_at,customer_id,customer_name/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"Second, Inc."');
  });
});
