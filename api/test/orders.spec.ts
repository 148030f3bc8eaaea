import { beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { PasswordHasher } from '../src/common/auth/password-hasher.js';
import { bearer, makeDealerAndCustomer, PASSWORD, uniq } from './harness.js';
import { signIn, useTestApp } from './support/index.js';
import {
  addStock,
  createSku,
  mailbox,
  makeSecondary,
  OPERATOR,
  operatorToken,
  stockOf,
} from './licensing.js';

const t = useTestApp();
let op: string;
beforeAll(async () => {
  op = await operatorToken(t);
});

const token = signIn(t);
const act = (tok: string, id: string, action: string, body: object = {}) =>
  t.http.post(`/api/orders/${id}/${action}`).set(bearer(tok)).send(body);

describe('SKUs and price lists', () => {
  it('the operator creates, lists and reprices SKUs; dealers see their own prices', async () => {
    const m = await makeDealerAndCustomer(t);
    const sub = await makeSecondary(t, m.dealerId);
    const code = uniq('PL').toUpperCase().slice(0, 20);
    const body = {
      code,
      name: { ja: 'テスト', en: 'Test' },
      kind: 'direct',
      termMonths: 36,
      prices: { primary: 100, secondary: 120, list: 150 },
    };
    const created = await t.http.post('/api/skus').set(bearer(op)).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, active: true });
    const dup = await t.http.post('/api/skus').set(bearer(op)).send(body);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe(ErrorCode.SKU_CODE_TAKEN);

    const bad = await t.http
      .post('/api/skus')
      .set(bearer(op))
      .send({ ...body, code: 'X2', prices: { ...body.prices, list: 1.5 } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^prices\.list: /);
    const noName = await t.http
      .post('/api/skus')
      .set(bearer(op))
      .send({ ...body, code: 'X3', name: undefined });
    expect(noName.body.message).toMatch(/^name: /);
    expect(
      (
        await t.http
          .post('/api/skus')
          .set(bearer(op))
          .send({ ...body, code: 'X4', kind: 'cloud' })
      ).body.message,
    ).toMatch(/^kind: /);
    expect(
      (
        await t.http
          .post('/api/skus')
          .set(bearer(await token(m.ownerEmail)))
          .send(body)
      ).status,
    ).toBe(403);

    const primaryView = (await t.http.get('/api/skus').set(bearer(await token(m.ownerEmail)))).body.find(
      (s: { code: string }) => s.code === code,
    );
    expect(primaryView).toMatchObject({
      prices: { primary: 100, secondary: 120, list: 150 },
      unitPrice: 100,
    });
    const subView = (await t.http.get('/api/skus').set(bearer(await token(sub.ownerEmail)))).body.find(
      (s: { code: string }) => s.code === code,
    );
    expect(subView.prices).toEqual({ secondary: 120, list: 150 });
    expect(subView.unitPrice).toBe(120);

    const repriced = await t.http
      .patch(`/api/skus/${code}`)
      .set(bearer(op))
      .send({ prices: { secondary: 130 }, active: false });
    expect(repriced.status).toBe(200);
    expect(repriced.body).toMatchObject({
      prices: { primary: 100, secondary: 130, list: 150 },
      active: false,
    });
    // Inactive SKUs disappear for dealers and cannot be ordered.
    const after = (await t.http.get('/api/skus').set(bearer(await token(m.ownerEmail)))).body;
    expect(after.find((s: { code: string }) => s.code === code)).toBeUndefined();
    const order = await t.http
      .post('/api/orders')
      .set(bearer(await token(m.ownerEmail)))
      .send({ lines: [{ skuCode: code, quantity: 1 }] });
    expect(order.status).toBe(400);
    expect(order.body.code).toBe(ErrorCode.SKU_INACTIVE);
    expect((await t.http.patch('/api/skus/NOPE-NOPE').set(bearer(op)).send({ active: true })).status).toBe(
      404,
    );
  });
});

describe('POST /api/orders', () => {
  it('prices by tier, adds 10 % tax rounded down once, and tells the supplier', async () => {
    const m = await makeDealerAndCustomer(t);
    const a = await createSku(t, { prices: { primary: 1_999, secondary: 2_500, list: 3_000 } });
    const b = await createSku(t, { prices: { primary: 333, secondary: 444, list: 555 } });
    const r = await t.http
      .post('/api/orders')
      .set(bearer(await token(m.ownerEmail)))
      .send({
        lines: [
          { skuCode: a.code, quantity: 3 },
          { skuCode: b.code, quantity: 1 },
        ],
      });
    expect(r.status).toBe(201);
    // 5 997 + 333 = 6 330; tax 633 (per line it would be 599 + 33 = 632).
    expect(r.body).toMatchObject({
      status: 'submitted',
      supplier: null,
      buyer: { id: m.dealerId, tier: 'primary' },
      subtotal: 6_330,
      tax: 633,
      total: 6_963,
      amountDue: 6_963,
      lines: [
        { skuCode: a.code, quantity: 3, unitPrice: 1_999, amount: 5_997 },
        { skuCode: b.code, quantity: 1, unitPrice: 333, amount: 333 },
      ],
    });
    const mails = await mailbox(t, OPERATOR.email);
    expect(mails.find((x) => x.template === 'order-submitted' && x.data.orderId === r.body.id)).toBeDefined();
  });

  it('refuses bad lines with the field named', async () => {
    const m = await makeDealerAndCustomer(t);
    const sku = await createSku(t);
    const tok = await token(m.ownerEmail);
    const post = (body: unknown) =>
      t.http
        .post('/api/orders')
        .set(bearer(tok))
        .send(body as object);
    expect((await post({ lines: [] })).body.message).toMatch(/^lines: /);
    expect((await post({})).body.message).toMatch(/^lines: /);
    expect((await post({ lines: [{ skuCode: sku.code, quantity: 0 }] })).body.message).toMatch(
      /^lines\.0\.quantity: /,
    );
    expect((await post({ lines: [{ skuCode: sku.code, quantity: 1001 }] })).body.message).toMatch(
      /^lines\.0\.quantity: /,
    );
    expect((await post({ lines: ['x'] })).status).toBe(400);
    const unknown = await post({
      lines: [
        { skuCode: sku.code, quantity: 1 },
        { skuCode: 'NOPE', quantity: 1 },
      ],
    });
    expect(unknown.body).toMatchObject({
      code: ErrorCode.SKU_UNKNOWN,
      message: expect.stringMatching(/^lines\.1\.skuCode: /),
    });
    const dup = await post({
      lines: [
        { skuCode: sku.code, quantity: 1 },
        { skuCode: sku.code, quantity: 2 },
      ],
    });
    expect(dup.body).toMatchObject({ code: ErrorCode.ORDER_DUPLICATE_SKU });
    expect(
      (
        await t.http
          .post('/api/orders')
          .set(bearer(op))
          .send({ lines: [{ skuCode: sku.code, quantity: 1 }] })
      ).status,
    ).toBe(403);
    expect((await t.http.get('/api/orders').set(bearer(tok))).body.total).toBe(0);
  });

  it('Idempotency-Key: same key and body → same order; other body → 409; keys are per dealer', async () => {
    const m = await makeDealerAndCustomer(t);
    const other = await makeDealerAndCustomer(t);
    const sku = await createSku(t);
    const tok = await token(m.ownerEmail);
    const body = { lines: [{ skuCode: sku.code, quantity: 2 }] };
    const post = (key: string, b: object, tk = tok) =>
      t.http.post('/api/orders').set(bearer(tk)).set('Idempotency-Key', key).send(b);
    const first = await post('order-1', body);
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('submitted');
    const again = await post('order-1', body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const changed = await post('order-1', { lines: [{ skuCode: sku.code, quantity: 3 }] });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe(ErrorCode.IDEMPOTENCY_KEY_REUSED);
    // Another dealer's identical key is its own.
    const theirs = await post('order-1', body, await token(other.ownerEmail));
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
    // Without a key every request is a new order.
    const a = await t.http.post('/api/orders').set(bearer(tok)).send(body);
    const b = await t.http.post('/api/orders').set(bearer(tok)).send(body);
    expect(a.body.id).not.toBe(b.body.id);

    const burst = await Promise.all(Array.from({ length: 12 }, () => post('order-2', body)));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(1);
    expect(burst.filter((r) => r.status === 200)).toHaveLength(11);
    expect(new Set(burst.map((r) => r.body.id)).size).toBe(1);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM purchase_order WHERE buyer_dealer_id = $1 AND idempotency_key = 'order-2'`,
      [m.dealerId],
    );
    expect(n).toBe(1);
  });
});

describe('order state machine (operator supplier)', () => {
  it('submitted → confirmed → invoiced → partly paid → paid in full = fulfilled, licenses minted', async () => {
    const m = await makeDealerAndCustomer(t);
    const sku = await createSku(t, { prices: { primary: 9_000, secondary: 10_800, list: 12_000 } });
    const tok = await token(m.ownerEmail);
    const { body: order } = await t.http
      .post('/api/orders')
      .set(bearer(tok))
      .send({ lines: [{ skuCode: sku.code, quantity: 4 }] });
    expect(order.total).toBe(39_600);

    // Wrong transitions are 409 ORDER_TRANSITION.
    for (const action of ['invoice', 'pay']) {
      const r = await act(op, order.id, action);
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({
        code: ErrorCode.ORDER_TRANSITION,
        details: { status: 'submitted', action },
      });
    }
    const confirmed = await act(op, order.id, 'confirm');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      id: order.id,
      status: 'confirmed',
      confirmedAt: expect.any(String),
    });
    expect((await act(op, order.id, 'confirm')).body.code).toBe(ErrorCode.ORDER_TRANSITION);

    const invoiced = await act(op, order.id, 'invoice');
    expect(invoiced.body).toMatchObject({ status: 'invoiced', invoiceId: expect.any(String) });

    const over = await act(op, order.id, 'pay', { amount: 39_601 });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe(ErrorCode.PAYMENT_EXCEEDS_DUE);
    expect((await act(op, order.id, 'pay', { amount: 0 })).body.message).toMatch(/^amount: /);

    const part = await act(op, order.id, 'pay', { amount: 10_000 });
    expect(part.body).toMatchObject({ status: 'invoiced', amountPaid: 10_000, amountDue: 29_600 });
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(0);

    const rest = await act(op, order.id, 'pay');
    expect(rest.body).toMatchObject({ status: 'fulfilled', amountPaid: 39_600, amountDue: 0 });
    expect(rest.body.paidAt).toEqual(expect.any(String));
    expect(rest.body.fulfilledAt).toEqual(expect.any(String));
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(4);

    for (const action of ['pay', 'cancel', 'confirm']) {
      expect((await act(op, order.id, action)).body.code).toBe(ErrorCode.ORDER_TRANSITION);
    }
    const inv = await t.http.get(`/api/invoices/${rest.body.invoiceId}`).set(bearer(tok));
    expect(inv.body).toMatchObject({ status: 'paid', amountPaid: 39_600 });
    expect(inv.body.payments.map((p: { amount: number }) => p.amount)).toEqual([10_000, 29_600]);

    const templates = (await mailbox(t, m.ownerEmail)).map((x) => x.template).reverse();
    expect(templates).toEqual(['order-confirmed', 'invoice-issued', 'payment-received', 'payment-received']);
    const [last] = await mailbox(t, m.ownerEmail);
    expect(last.subject).toContain('4 license(s) added'); // the owner reads English
  });

  it('cancellation: the buyer while submitted, the supplier until paid; the invoice turns void', async () => {
    const m = await makeDealerAndCustomer(t);
    const sku = await createSku(t);
    const tok = await token(m.ownerEmail);
    const place = async () =>
      (
        await t.http
          .post('/api/orders')
          .set(bearer(tok))
          .send({ lines: [{ skuCode: sku.code, quantity: 1 }] })
      ).body.id as string;

    const o1 = await place();
    expect((await act(tok, o1, 'cancel')).body.status).toBe('cancelled');

    const o2 = await place();
    await act(op, o2, 'confirm');
    const late = await act(tok, o2, 'cancel');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe(ErrorCode.ORDER_TRANSITION);
    await act(op, o2, 'invoice');
    const cancelled = await act(op, o2, 'cancel');
    expect(cancelled.body).toMatchObject({ status: 'cancelled', amountDue: 0 });
    const inv = await t.http.get(`/api/invoices/${cancelled.body.invoiceId}`).set(bearer(tok));
    expect(inv.body).toMatchObject({ status: 'void', amountDue: 0 });
    expect((await act(op, o2, 'pay')).body.code).toBe(ErrorCode.ORDER_TRANSITION);

    const o3 = await place();
    await act(op, o3, 'confirm');
    await act(op, o3, 'invoice');
    await act(op, o3, 'pay', { amount: 1 });
    const withPayment = await act(op, o3, 'cancel');
    expect(withPayment.status).toBe(409);
    expect(withPayment.body.code).toBe(ErrorCode.ORDER_TRANSITION);
  });
});

describe('supplier permissions', () => {
  it('only the supplier acts: not the buyer, not another dealer, not the operator on a secondary order', async () => {
    const primary = await makeDealerAndCustomer(t);
    const stranger = await makeDealerAndCustomer(t);
    const sub = await makeSecondary(t, primary.dealerId);
    const sku = await createSku(t);
    const subTok = await token(sub.ownerEmail);
    const primaryTok = await token(primary.ownerEmail);
    const { body: order } = await t.http
      .post('/api/orders')
      .set(bearer(subTok))
      .send({ lines: [{ skuCode: sku.code, quantity: 1 }] });
    expect(order.supplier).toMatchObject({ id: primary.dealerId, loginId: primary.loginId });

    const byBuyer = await act(subTok, order.id, 'confirm');
    expect(byBuyer.status).toBe(403);
    const byStranger = await act(await token(stranger.ownerEmail), order.id, 'confirm');
    expect(byStranger.status).toBe(404);
    expect(
      (await t.http.get(`/api/orders/${order.id}`).set(bearer(await token(stranger.ownerEmail)))).status,
    ).toBe(404);
    const byOperator = await act(op, order.id, 'confirm');
    expect(byOperator.status).toBe(403);
    expect((await t.http.get(`/api/orders/${order.id}`).set(bearer(op))).status).toBe(200);

    // A staff member of the supplier may see but not act.
    const staffEmail = `${uniq('staff')}@dealer.test`;
    await t.ds.query(
      `INSERT INTO app_user (role, email, name, password_hash, language, dealer_id, member_role, created_at, updated_at)
       VALUES ('dealer', $1, 'Staff', $2, 'ja', $3, 'staff', now(), now())`,
      [staffEmail, await t.get(PasswordHasher).hash(PASSWORD), primary.dealerId],
    );
    expect((await act(await token(staffEmail), order.id, 'confirm')).status).toBe(403);

    const ok = await act(primaryTok, order.id, 'confirm');
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('confirmed');
    expect((await act(op, '00000000-0000-0000-0000-000000000000', 'confirm')).status).toBe(404);
    expect((await act(op, 'not-an-id', 'confirm')).status).toBe(404);
  });
});

describe('a secondary dealer buys from its primary dealer', () => {
  it("pays the secondary price and receives licenses out of the primary's stock; short stock refuses the payment", async () => {
    const primary = await makeDealerAndCustomer(t);
    const sub = await makeSecondary(t, primary.dealerId);
    const sku = await createSku(t, { prices: { primary: 9_000, secondary: 10_800, list: 12_000 } });
    await addStock(t, primary.dealerId, sku.code, 5);
    const subTok = await token(sub.ownerEmail);
    const pTok = await token(primary.ownerEmail);
    const place = async (quantity: number) =>
      (
        await t.http
          .post('/api/orders')
          .set(bearer(subTok))
          .send({ lines: [{ skuCode: sku.code, quantity }] })
      ).body;

    const o = await place(3);
    expect(o.lines[0].unitPrice).toBe(10_800);
    expect(o.total).toBe(35_640);
    await act(pTok, o.id, 'confirm');
    await act(pTok, o.id, 'invoice');
    const before = (await t.ds.query(
      `SELECT l.id FROM license l WHERE l.owner_dealer_id = $1 ORDER BY l.created_at, l.id LIMIT 3`,
      [primary.dealerId],
    )) as { id: string }[];
    const paid = await act(pTok, o.id, 'pay');
    expect(paid.body.status).toBe('fulfilled');
    expect(await stockOf(t, primary.dealerId, sku.code)).toBe(2);
    expect(await stockOf(t, sub.dealerId, sku.code)).toBe(3);
    const moved = (await t.ds.query(
      `SELECT id, order_id FROM license WHERE owner_dealer_id = $1 ORDER BY created_at, id`,
      [sub.dealerId],
    )) as { id: string; order_id: string }[];
    expect(moved.map((l) => l.id)).toEqual(before.map((l) => l.id));
    expect(moved.every((l) => l.order_id === o.id)).toBe(true);

    // Only 2 left: paying for 3 more is refused as a whole and records nothing.
    const short = await place(3);
    await act(pTok, short.id, 'confirm');
    await act(pTok, short.id, 'invoice');
    const refused = await act(pTok, short.id, 'pay');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe(ErrorCode.STOCK_SHORT);
    const still = await t.http.get(`/api/orders/${short.id}`).set(bearer(subTok));
    expect(still.body).toMatchObject({ status: 'invoiced', amountPaid: 0 });
    const inv = await t.http.get(`/api/invoices/${still.body.invoiceId}`).set(bearer(subTok));
    expect(inv.body).toMatchObject({ amountPaid: 0, payments: [] });
    expect(await stockOf(t, primary.dealerId, sku.code)).toBe(2);
    expect(await stockOf(t, sub.dealerId, sku.code)).toBe(3);
    // A partial payment is fine (no stock moves until paid in full)…
    expect((await act(pTok, short.id, 'pay', { amount: 100 })).body.amountPaid).toBe(100);
    // …and once the primary has stock again, the rest fulfils.
    await addStock(t, primary.dealerId, sku.code, 1);
    expect((await act(pTok, short.id, 'pay')).body.status).toBe('fulfilled');
    expect(await stockOf(t, primary.dealerId, sku.code)).toBe(0);
    expect(await stockOf(t, sub.dealerId, sku.code)).toBe(6);
  });

  it('two payments racing for the last licenses: one fulfils, the other gets STOCK_SHORT', async () => {
    const primary = await makeDealerAndCustomer(t);
    const sub1 = await makeSecondary(t, primary.dealerId);
    const sub2 = await makeSecondary(t, primary.dealerId);
    const sku = await createSku(t);
    await addStock(t, primary.dealerId, sku.code, 4);
    const pTok = await token(primary.ownerEmail);
    const orders = [];
    for (const s of [sub1, sub2]) {
      const { body } = await t.http
        .post('/api/orders')
        .set(bearer(await token(s.ownerEmail)))
        .send({ lines: [{ skuCode: sku.code, quantity: 3 }] });
      await act(pTok, body.id, 'confirm');
      await act(pTok, body.id, 'invoice');
      orders.push(body.id as string);
    }
    const results = await Promise.all(orders.map((id) => act(pTok, id, 'pay')));
    // Never both (that would oversell); SKIP LOCKED may even refuse both when their scans
    // interleave, in which case paying again succeeds.
    expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    for (const r of results.filter((x) => x.status !== 200)) expect(r.body.code).toBe(ErrorCode.STOCK_SHORT);
    if (results.every((r) => r.status === 409)) expect((await act(pTok, orders[0], 'pay')).status).toBe(200);
    expect(await stockOf(t, primary.dealerId, sku.code)).toBe(1);
    expect((await stockOf(t, sub1.dealerId, sku.code)) + (await stockOf(t, sub2.dealerId, sku.code))).toBe(3);
  });
});

describe('GET /api/orders', () => {
  it("a primary dealer sees its own orders and its secondaries' orders to it; the operator sees all", async () => {
    const primary = await makeDealerAndCustomer(t);
    const sub = await makeSecondary(t, primary.dealerId);
    const sku = await createSku(t);
    const pTok = await token(primary.ownerEmail);
    const subTok = await token(sub.ownerEmail);
    const mine = (
      await t.http
        .post('/api/orders')
        .set(bearer(pTok))
        .send({ lines: [{ skuCode: sku.code, quantity: 1 }] })
    ).body.id;
    const theirs = (
      await t.http
        .post('/api/orders')
        .set(bearer(subTok))
        .send({ lines: [{ skuCode: sku.code, quantity: 2 }] })
    ).body.id;
    const ids = (r: { body: { items: Array<{ id: string }> } }) => r.body.items.map((o) => o.id).sort();

    expect(ids(await t.http.get('/api/orders').set(bearer(pTok)))).toEqual([mine, theirs].sort());
    expect(ids(await t.http.get('/api/orders').query({ role: 'buyer' }).set(bearer(pTok)))).toEqual([mine]);
    expect(ids(await t.http.get('/api/orders').query({ role: 'supplier' }).set(bearer(pTok)))).toEqual([
      theirs,
    ]);
    expect(ids(await t.http.get('/api/orders').set(bearer(subTok)))).toEqual([theirs]);
    expect((await t.http.get(`/api/orders/${mine}`).set(bearer(subTok))).status).toBe(404);
    const all = ids(await t.http.get('/api/orders').query({ pageSize: 100 }).set(bearer(op)));
    expect(all).toEqual(expect.arrayContaining([mine, theirs]));
    await act(op, mine, 'confirm');
    expect(ids(await t.http.get('/api/orders').query({ status: 'confirmed' }).set(bearer(pTok)))).toEqual([
      mine,
    ]);
    expect(
      (await t.http.get('/api/orders').query({ status: 'lost' }).set(bearer(pTok))).body.message,
    ).toMatch(/^status: /);
  });
});

describe('odd input', () => {
  it('never produces a 500 on the licenses and billing routes', async () => {
    const m = await makeDealerAndCustomer(t);
    const sku = await createSku(t);
    const tok = await token(m.ownerEmail);
    const uuid = '00000000-0000-0000-0000-000000000000';
    const cases: Array<[string, string, unknown?, string?]> = [
      ['post', '/api/orders', { lines: 'all' }],
      ['post', '/api/orders', { lines: [{ skuCode: 5, quantity: '1' }] }],
      ['post', '/api/orders', { lines: [null] }],
      [
        'post',
        '/api/orders',
        { lines: Array.from({ length: 51 }, () => ({ skuCode: sku.code, quantity: 1 })) },
      ],
      ['post', '/api/orders', { lines: [{ skuCode: sku.code, quantity: 1 }], extra: true }],
      ['post', '/api/orders', [1, 2, 3]],
      ['post', `/api/orders/${uuid}/pay`, { amount: 'all' }],
      ['post', `/api/orders/${uuid}/pay`, { amount: 1e13 }],
      ['post', `/api/orders/${uuid}/invoice`, { dueAt: '2027-02-30T00:00:00Z' }],
      ['get', '/api/orders?page=0'],
      ['get', '/api/orders?page=abc&pageSize=-1'],
      ['get', '/api/invoices?from=2027-13-01'],
      ['get', '/api/invoices?to=2027-01-31T25:00Z'],
      ['get', '/api/invoices?status=lost'],
      ['get', `/api/invoices/${uuid}`],
      ['get', '/api/invoices/nope/print'],
      ['get', '/api/assignments?customerId=x'],
      ['get', '/api/assignments?from=yesterday'],
      ['get', '/api/assignments/export.csv?to=2027-00-10'],
      ['post', '/api/assignments/preview', { customerId: uuid, skuCode: 'x'.repeat(41), quantity: 1 }],
      ['post', '/api/assignments', { customerId: uuid.toUpperCase(), skuCode: sku.code, quantity: 1 }],
      ['post', '/api/assignments', 'not json', 'text/plain'],
      ['get', '/api/renewals'],
      ['get', '/api/renewals?withinDays=30&withinDays=60'],
      ['post', '/api/renewals/order-shortfall', { withinDays: '30' }],
      ['patch', `/api/skus/${encodeURIComponent('../x')}`, { prices: { primary: -1 } }],
      ['put', '/api/dealers/me/ec-site/dismissed', {}],
      ['put', '/api/dealers/me/invoice-registration', { registrationNumber: 42 }],
      ['post', `/api/ec/webhook/${'x'.repeat(300)}`, { shopOrderId: 'a' }],
      ['post', '/api/ec/webhook/%E0%A4%A', { shopOrderId: 'a' }],
    ];
    for (const [method, url, body, type] of cases) {
      let req = t.http[method as 'get' | 'post' | 'put' | 'patch'](url).set(bearer(tok));
      if (type) req = req.set('Content-Type', type);
      const r = body === undefined ? await req : await req.send(body as object);
      expect([method, url, r.status >= 400 && r.status < 500]).toEqual([method, url, true]);
      expect([url, r.headers['content-type']]).toEqual([url, expect.stringMatching(/^application\/json/)]);
      expect([url, typeof r.body.code]).toEqual([url, 'number']);
    }
  });
});
