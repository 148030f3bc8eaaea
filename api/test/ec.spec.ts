import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { ecSignatureHeader } from '../src/billing/ec-signature.js';
import { bearer, login, makeDealerAndCustomer, startApp, type Made } from './harness.js';
import { useTestApp } from './support/index.js';
import { addStock, createSku, makeSecondary, stockOf, type TestSku } from './licensing.js';

/** The operator's shop secret (configuration); no dealer ever sees it. */
const SHOP_SECRET = 'whsec_operator-shop-secret-for-the-tests-0123456789';
const NEXT_SECRET = 'whsec_operator-shop-secret-after-rotation-987654321';

const t = useTestApp({ env: { EC_WEBHOOK_SECRET: SHOP_SECRET } });

const token = async (email: string) => (await login(t, email)).accessToken;
let shopSeq = 0;
const shopOrderId = () => `SHOP-${process.pid}-${++shopSeq}-${Date.now()}`;

async function dealerAndSku(): Promise<{ m: Made; tok: string; sku: TestSku }> {
  const m = await makeDealerAndCustomer(t);
  return { m, tok: await token(m.ownerEmail), sku: await createSku(t) };
}

/** POSTs a raw JSON body to the shop webhook, signed with `secret` at the service clock's now. */
function deliver(body: unknown, secret = SHOP_SECRET, opts: { at?: number; signature?: string } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const ts = opts.at ?? Math.floor(t.clock.now().getTime() / 1000);
  return t.http
    .post('/api/ec/webhook')
    .set('Content-Type', 'application/json')
    .set('X-Signature', opts.signature ?? ecSignatureHeader(secret, ts, raw))
    .send(raw);
}

describe('EC-site dialog; no dealer route for the shop secret', () => {
  it('shows the shop link and keeps a per-user dismissed flag; nothing about the integration', async () => {
    const m = await makeDealerAndCustomer(t);
    const tok = await token(m.ownerEmail);
    const before = await t.http.get('/api/dealers/me/ec-site').set(bearer(tok));
    expect(before.body).toEqual({ url: 'https://shop.license-console.example/licenses', dismissed: false });
    // The secret is the operator's: there is no route to read or create it.
    expect((await t.http.post('/api/dealers/me/ec-secret').set(bearer(tok))).status).toBe(404);
    expect(JSON.stringify(before.body)).not.toContain('whsec_');
    const dismissed = await t.http
      .put('/api/dealers/me/ec-site/dismissed')
      .set(bearer(tok))
      .send({ dismissed: true });
    expect(dismissed.body.dismissed).toBe(true);
    expect((await t.http.get('/api/dealers/me/ec-site').set(bearer(tok))).body.dismissed).toBe(true);
    expect(
      (await t.http.put('/api/dealers/me/ec-site/dismissed').set(bearer(tok)).send({ dismissed: 'yes' })).body
        .message,
    ).toMatch(/^dismissed: /);
    const shown = await t.http
      .put('/api/dealers/me/ec-site/dismissed')
      .set(bearer(tok))
      .send({ dismissed: false });
    expect(shown.body.dismissed).toBe(false);
  });
});

describe("POST /api/ec/webhook (the operator's shop)", () => {
  it('a paid shop order becomes a fulfilled order with a paid invoice and stock for the named dealer, once', async () => {
    const { m, tok, sku } = await dealerAndSku();
    const id = shopOrderId();
    const body = {
      shopOrderId: id,
      status: 'paid',
      dealerLoginId: m.loginId,
      lines: [{ skuCode: sku.code, quantity: 3 }],
    };
    const r = await deliver(body);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      received: true,
      duplicate: false,
      ecOrderId: expect.any(String),
      orderId: expect.any(String),
      minted: 3,
    });
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(3);
    // Billing reconciles: the order is the operator's sale, its invoice is paid in full.
    const order = await t.http.get(`/api/orders/${r.body.orderId}`).set(bearer(tok));
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({ status: 'fulfilled', total: 29_700, amountPaid: 29_700 });
    const [inv] = await t.ds.query(
      `SELECT i.total::int, i.amount_paid::int, i.paid_at, i.issuer_dealer_id,
              (SELECT sum(amount)::int FROM invoice_payment p WHERE p.invoice_id = i.id) AS payments
         FROM invoice i WHERE i.order_id = $1`,
      [r.body.orderId],
    );
    expect(inv).toMatchObject({
      total: 29_700,
      amount_paid: 29_700,
      issuer_dealer_id: null,
      payments: 29_700,
    });
    expect(inv.paid_at).not.toBeNull();
    const [lic] = await t.ds.query(
      `SELECT count(*)::int AS n FROM license WHERE order_id = $1 AND ec_order_id = $2 AND owner_dealer_id = $3`,
      [r.body.orderId, r.body.ecOrderId, m.dealerId],
    );
    expect(lic.n).toBe(3);
    const [audit] = await t.ds.query(
      `SELECT after FROM audit_log WHERE dealer_id = $1 AND action = 'ec.order.paid' AND target_id = $2`,
      [m.dealerId, r.body.ecOrderId],
    );
    expect(audit.after).toMatchObject({ shopOrderId: id, minted: 3, orderId: r.body.orderId });

    const replay = await deliver(body);
    expect(replay.body).toEqual({
      received: true,
      duplicate: true,
      ecOrderId: r.body.ecOrderId,
      orderId: r.body.orderId,
      minted: 0,
    });
    // The shop order id counts once across the shop: other lines or another dealer add nothing.
    const other = await dealerAndSku();
    const changed = await deliver({
      ...body,
      dealerLoginId: other.m.loginId,
      lines: [{ skuCode: sku.code, quantity: 9 }],
    });
    expect(changed.body.duplicate).toBe(true);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(3);
    expect(await stockOf(t, other.m.dealerId, sku.code)).toBe(0);

    // Ten deliveries of a new order at once: one adds stock, one order, one invoice.
    const id2 = shopOrderId();
    const burst = await Promise.all(
      Array.from({ length: 10 }, () =>
        deliver({ ...body, shopOrderId: id2, lines: [{ skuCode: sku.code, quantity: 2 }] }),
      ),
    );
    expect(burst.every((x) => x.status === 200)).toBe(true);
    expect(burst.filter((x) => x.body.duplicate === false)).toHaveLength(1);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(5);
    const [orders] = await t.ds.query(
      `SELECT count(*)::int AS n FROM purchase_order WHERE buyer_dealer_id = $1`,
      [m.dealerId],
    );
    expect(orders.n).toBe(2);
  });

  it("a secondary dealer buys from the operator at its tier price; its primary's stock is untouched", async () => {
    const { m, sku } = await dealerAndSku();
    await addStock(t, m.dealerId, sku.code, 4);
    const sub = await makeSecondary(t, m.dealerId);
    const r = await deliver({
      shopOrderId: shopOrderId(),
      status: 'paid',
      dealerLoginId: sub.loginId,
      lines: [{ skuCode: sku.code, quantity: 2 }],
    });
    expect(r.body).toMatchObject({ duplicate: false, minted: 2 });
    expect(await stockOf(t, sub.dealerId, sku.code)).toBe(2);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(4);
    const [o] = await t.ds.query(
      `SELECT supplier_dealer_id, subtotal::int FROM purchase_order WHERE id = $1`,
      [r.body.orderId],
    );
    expect(o).toEqual({ supplier_dealer_id: null, subtotal: 2 * 10_800 });
  });

  it('refuses bad signatures with 401 and a code, and changes nothing', async () => {
    const { m, tok, sku } = await dealerAndSku();
    const body = {
      shopOrderId: shopOrderId(),
      status: 'paid',
      dealerLoginId: m.loginId,
      lines: [{ skuCode: sku.code, quantity: 1 }],
    };
    const expectRefused = async (r: { status: number; body: { code: number } }) => {
      expect(r.status).toBe(401);
      expect(r.body.code).toBe(ErrorCode.EC_SIGNATURE_INVALID);
    };
    await expectRefused(await deliver(body, 'whsec_wrong'));
    await expectRefused(await deliver(body, SHOP_SECRET, { signature: 'garbage' }));
    await expectRefused(
      await t.http.post('/api/ec/webhook').set('Content-Type', 'application/json').send(JSON.stringify(body)),
    );
    // A dealer's access token is no secret either.
    await expectRefused(await deliver(body, tok));
    // The signature covers the exact bytes: re-serialised JSON with the same meaning fails.
    const ts = Math.floor(t.clock.now().getTime() / 1000);
    const signedCompact = ecSignatureHeader(SHOP_SECRET, ts, JSON.stringify(body));
    await expectRefused(
      await t.http
        .post('/api/ec/webhook')
        .set('Content-Type', 'application/json')
        .set('X-Signature', signedCompact)
        .send(JSON.stringify(body, null, 2)),
    );
    // The per-dealer route is gone.
    expect((await t.http.post(`/api/ec/webhook/${m.loginId}`).send(body)).status).toBe(404);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(0);
    expect((await deliver(body)).status).toBe(200);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(1);
  });

  it('refuses a timestamp more than 5 minutes away from the service clock', async () => {
    const { m, sku } = await dealerAndSku();
    t.clock.set(new Date('2027-06-01T00:00:00Z'), true);
    const now = Date.UTC(2027, 5, 1) / 1000;
    const body = {
      shopOrderId: shopOrderId(),
      status: 'paid',
      dealerLoginId: m.loginId,
      lines: [{ skuCode: sku.code, quantity: 1 }],
    };
    for (const at of [now - 301, now + 301]) {
      const r = await deliver(body, SHOP_SECRET, { at });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe(ErrorCode.EC_TIMESTAMP_STALE);
    }
    // A replay of a captured delivery after 5 minutes is refused.
    const raw = JSON.stringify(body);
    const captured = ecSignatureHeader(SHOP_SECRET, now, raw);
    expect((await deliver(raw, SHOP_SECRET, { signature: captured })).status).toBe(200);
    t.clock.advance(5 * 60_000 + 1_000);
    const late = await deliver(raw, SHOP_SECRET, { signature: captured });
    expect(late.body.code).toBe(ErrorCode.EC_TIMESTAMP_STALE);
    expect((await deliver(body, SHOP_SECRET, { at: now + 299 })).body.duplicate).toBe(true);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(1);
  });

  it('validates the body after the signature; other statuses are acknowledged without stock', async () => {
    const { m, sku } = await dealerAndSku();
    const base = { status: 'paid', dealerLoginId: m.loginId };
    const bad = await deliver({ ...base, shopOrderId: 'S', lines: [{ skuCode: sku.code, quantity: 0 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^lines\.0\.quantity: /);
    const noId = await deliver({ ...base, lines: [{ skuCode: sku.code, quantity: 1 }] });
    expect(noId.body.message).toMatch(/^shopOrderId: /);
    const noDealer = await deliver({
      shopOrderId: 'S',
      status: 'paid',
      lines: [{ skuCode: sku.code, quantity: 1 }],
    });
    expect(noDealer.body.message).toMatch(/^dealerLoginId: /);
    const unknownDealer = await deliver({
      ...base,
      dealerLoginId: 'no-such-dealer',
      shopOrderId: 'S',
      lines: [{ skuCode: sku.code, quantity: 1 }],
    });
    expect(unknownDealer.status).toBe(400);
    expect(unknownDealer.body.message).toMatch(/^dealerLoginId: /);
    const unknown = await deliver({ ...base, shopOrderId: 'S', lines: [{ skuCode: 'NOPE', quantity: 1 }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe(ErrorCode.SKU_UNKNOWN);
    const notJson = await deliver('{"shopOrderId":');
    expect(notJson.status).toBe(400);
    const id = shopOrderId();
    const pending = await deliver({
      ...base,
      shopOrderId: id,
      status: 'pending',
      lines: [{ skuCode: sku.code, quantity: 1 }],
    });
    expect(pending.body).toEqual({ received: true, duplicate: false, ignored: true, minted: 0 });
    // The order counts once it is paid.
    const paid = await deliver({ ...base, shopOrderId: id, lines: [{ skuCode: sku.code, quantity: 1 }] });
    expect(paid.body).toMatchObject({ duplicate: false, minted: 1 });
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(1);
  });
});

// Last: a second app in one process takes over the process-wide passport strategy.
describe('shop secret configuration', () => {
  it('without EC_WEBHOOK_SECRET every delivery is refused; several secrets allow a rotation', async () => {
    const { m, sku } = await dealerAndSku();
    const body = {
      shopOrderId: shopOrderId(),
      status: 'paid',
      dealerLoginId: m.loginId,
      lines: [{ skuCode: sku.code, quantity: 1 }],
    };
    const none = await startApp({ env: { EC_WEBHOOK_SECRET: '' } });
    try {
      const raw = JSON.stringify(body);
      const ts = Math.floor(none.clock.now().getTime() / 1000);
      const r = await none.http
        .post('/api/ec/webhook')
        .set('Content-Type', 'application/json')
        .set('X-Signature', ecSignatureHeader(SHOP_SECRET, ts, raw))
        .send(raw);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe(ErrorCode.EC_SIGNATURE_INVALID);
    } finally {
      await none.close();
    }
    const rotating = await startApp({
      env: { EC_WEBHOOK_SECRET: `${SHOP_SECRET},${NEXT_SECRET}` },
      dbUrl: t.dbUrl,
    });
    try {
      const raw = JSON.stringify(body);
      const ts = Math.floor(rotating.clock.now().getTime() / 1000);
      const r = await rotating.http
        .post('/api/ec/webhook')
        .set('Content-Type', 'application/json')
        .set('X-Signature', ecSignatureHeader(NEXT_SECRET, ts, raw))
        .send(raw);
      expect(r.body).toMatchObject({ duplicate: false, minted: 1 });
    } finally {
      await rotating.close();
    }
  });
});
