import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@lc/shared';
import { REPO_ROOT } from '../src/common/config/config.js';
import { ecSignatureHeader } from '../src/billing/ec-signature.js';
import { deviceAuth, recorderSpec, register } from './device-helpers.js';
import { bearer, login, makeDealerAndCustomer, uniq, type Made } from './harness.js';
import { useTestApp } from './support/index.js';
import { addStock, createSku, makeSecondary } from './licensing.js';
import { WEBHOOK_EVENT_EXAMPLES } from '../src/integrations/webhooks.dto.js';
import { startReceiver, type Receiver } from './webhook-receiver.js';

/**
 * Webhook events from their real facts that `webhooks.spec.ts` does not produce (issue #17):
 * the EC-site sale (`order.updated` + `invoice.issued`), `device.anomaly` from the incidents scan,
 * and the supplier side of order events.
 */
const SHOP_SECRET = 'whsec_operator-shop-secret-for-the-webhook-events';
const t = useTestApp({ env: { EC_WEBHOOK_SECRET: SHOP_SECRET, WEBHOOK_TIMEOUT_MS: '1500' } });
let rx: Receiver;
afterEach(async () => {
  await rx?.close();
});

const auth = async (email: string) => bearer((await login(t, email)).accessToken);
const runJob = async (name = 'webhooks') => {
  const r = await t.http.post(`/api/dev/jobs/${name}/run`);
  expect(r.status).toBe(200);
  expect(r.body.run.outcome).toBe('succeeded');
  return r.body.run.counts as Record<string, number>;
};

async function endpoint(ownerEmail: string, url: string, events: string[]) {
  const r = await t.http
    .post('/api/webhooks')
    .set(await auth(ownerEmail))
    .send({ url, events });
  expect(r.status).toBe(201);
  return r.body as { id: string; secret: string };
}

/** Standard Webhooks signature by hand (the library also checks the timestamp against real time). */
function signedWith(secret: string, h: Record<string, unknown>, raw: string): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const want = createHmac('sha256', key)
    .update(`${h['webhook-id']}.${h['webhook-timestamp']}.${raw}`)
    .digest('base64');
  return String(h['webhook-signature'])
    .split(' ')
    .some((s) => s === `v1,${want}`);
}

/** The data fields of the documented example of a type. */
const exampleKeys = (type: WebhookEventType) =>
  Object.keys((WEBHOOK_EVENT_EXAMPLES[type].value as { data: object }).data).sort();

/** The outbox of one dealer: events and their deliveries to one endpoint, by type. */
async function outbox(dealerId: string, endpointId: string) {
  return (await t.ds.query(
    `SELECT e.type, e.id AS "eventId", count(d.id)::int AS deliveries
       FROM webhook_event e LEFT JOIN webhook_delivery d ON d.event_id = e.id AND d.endpoint_id = $2
      WHERE e.dealer_id = $1 GROUP BY e.type, e.id ORDER BY e.type`,
    [dealerId, endpointId],
  )) as Array<{ type: string; eventId: string; deliveries: number }>;
}

describe('EC-site sale events', () => {
  let seq = 0;
  const sell = (m: Made, shopOrderId: string, skuCode: string, quantity: number) => {
    const raw = JSON.stringify({
      shopOrderId,
      status: 'paid',
      dealerLoginId: m.loginId,
      lines: [{ skuCode, quantity }],
    });
    const ts = Math.floor(t.clock.now().getTime() / 1000);
    return t.http
      .post('/api/ec/webhook')
      .set('Content-Type', 'application/json')
      .set('X-Signature', ecSignatureHeader(SHOP_SECRET, ts, raw))
      .send(raw);
  };

  it('a signed sale emits one order.updated and one invoice.issued in its transaction, delivered signed; a replay emits nothing more', async () => {
    rx = await startReceiver();
    const m = await makeDealerAndCustomer(t);
    const quiet = await makeDealerAndCustomer(t);
    const e = await endpoint(m.ownerEmail, rx.url, ['order.updated', 'invoice.issued']);
    const sku = await createSku(t);
    const shopOrderId = `SHOP-HOOK-${process.pid}-${++seq}-${Date.now()}`;
    const sale = await sell(m, shopOrderId, sku.code, 2);
    expect(sale.status).toBe(200);
    expect(sale.body.duplicate).toBe(false);
    const { orderId } = sale.body as { orderId: string };
    const [inv] = (await t.ds.query(`SELECT id, number, total::int FROM invoice WHERE order_id = $1`, [
      orderId,
    ])) as Array<{ id: string; number: number; total: number }>;

    const rowsAfterSale = await outbox(m.dealerId, e.id);
    expect(rowsAfterSale.map((r) => [r.type, r.deliveries])).toEqual([
      ['invoice.issued', 1],
      ['order.updated', 1],
    ]);
    // Another dealer's sale is not told to this endpoint.
    expect((await sell(quiet, `${shopOrderId}-other`, sku.code, 1)).status).toBe(200);
    expect(await outbox(m.dealerId, e.id)).toEqual(rowsAfterSale);

    await runJob();
    expect(rx.got).toHaveLength(2);
    for (const req of rx.got) {
      expect(signedWith(e.secret, req.headers, req.raw)).toBe(true);
      // The clock was not moved: the maintained library accepts the timestamp too.
      expect(() =>
        new Webhook(e.secret).verify(req.raw, req.headers as Record<string, string>),
      ).not.toThrow();
    }
    const byType = (type: string) => rx.got.filter((g) => g.body.type === type).map((g) => g.body.data);
    expect(byType('order.updated')).toEqual([
      expect.objectContaining({
        orderId,
        status: 'fulfilled',
        role: 'buyer',
        buyerDealerId: m.dealerId,
        supplierDealerId: null,
        total: inv.total,
        amountPaid: inv.total,
      }),
    ]);
    expect(byType('invoice.issued')).toEqual([
      expect.objectContaining({
        invoiceId: inv.id,
        orderId,
        number: inv.number,
        role: 'buyer',
        total: inv.total,
      }),
    ]);
    expect(Object.keys(byType('order.updated')[0]).sort()).toEqual(exampleKeys('order.updated'));
    expect(Object.keys(byType('invoice.issued')[0]).sort()).toEqual(exampleKeys('invoice.issued'));

    // The shop retries the same sale: acknowledged as a duplicate, no event, nothing sent.
    const replay = await sell(m, shopOrderId, sku.code, 2);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ duplicate: true, orderId });
    expect(await outbox(m.dealerId, e.id)).toEqual(rowsAfterSale);
    await runJob();
    expect(rx.got).toHaveLength(2);
  });
});

describe('device.anomaly', () => {
  it('is emitted once per incident (not on every scan) to the maintaining dealer, with the documented fields, and delivered signed', async () => {
    rx = await startReceiver();
    t.clock.set(new Date('2027-05-10T00:00:00Z'), true);
    const m = await makeDealerAndCustomer(t);
    const maint = await makeDealerAndCustomer(t);
    const e = await endpoint(maint.ownerEmail, rx.url, ['device.anomaly']);
    // The selling dealer also listens, but it does not maintain the device: it hears nothing.
    const seller = await endpoint(m.ownerEmail, 'http://127.0.0.1:9/seller', ['device.anomaly']);
    const serial = uniq('SN');
    const d = await register(t, m.customerEmail, recorderSpec([1], serial));
    const linked = await t.http
      .post('/api/maintenance-links')
      .set(await auth(m.customerEmail))
      .send({ dealerLoginId: maint.loginId, dealerPhone: '03-0000-0000' });
    expect(linked.status).toBe(201);
    await t.ds.query(`UPDATE device SET name = 'Front shop' WHERE id = $1`, [d.deviceId]);

    // Silent for 10 minutes: the liveness job opens a communication-error incident; later scans keep it.
    t.clock.advance(10 * 60_000);
    await runJob('device-liveness');
    for (let i = 0; i < 3; i++) {
      t.clock.advance(60_000);
      await runJob('device-liveness');
    }
    const events = await outbox(maint.dealerId, e.id);
    expect(events.map((r) => [r.type, r.deliveries])).toEqual([['device.anomaly', 1]]);
    expect(await outbox(m.dealerId, seller.id)).toEqual([]);
    const [incident] = (await t.ds.query(
      `SELECT id, opened_at FROM maintenance_incident WHERE device_id = $1 AND dealer_id = $2`,
      [d.deviceId, maint.dealerId],
    )) as Array<{ id: string; opened_at: Date }>;

    await runJob();
    expect(rx.got).toHaveLength(1);
    const [req] = rx.got;
    expect(signedWith(e.secret, req.headers, req.raw)).toBe(true);
    expect(req.headers['webhook-id']).toBe(events[0].eventId);
    expect(req.headers['webhook-timestamp']).toBe(String(Math.floor(t.clock.now().getTime() / 1000)));
    expect(req.body).toEqual({
      id: events[0].eventId,
      type: 'device.anomaly',
      createdAt: expect.any(String),
      data: {
        incidentId: incident.id,
        deviceId: d.deviceId,
        customerId: m.customerId,
        kind: 'communication_error',
        serial,
        model: 'REC-8',
        deviceName: 'Front shop',
        openedAt: incident.opened_at.toISOString(),
      },
    });
    // The documented example (OpenAPI, GET /api/webhooks/event-types) has exactly these fields.
    expect(Object.keys(req.body.data).sort()).toEqual(exampleKeys('device.anomaly'));

    // Recovery and a later silence: a new incident, so one new event (and still none per scan).
    expect(
      (await t.http.post('/api/device/heartbeat').set(deviceAuth(d.credential)).send({ status: 'normal' }))
        .status,
    ).toBeLessThan(300);
    await runJob('device-liveness');
    expect(await outbox(maint.dealerId, e.id)).toHaveLength(1);
    t.clock.advance(10 * 60_000);
    await runJob('device-liveness');
    await runJob('device-liveness');
    expect((await outbox(maint.dealerId, e.id)).map((r) => r.type)).toEqual([
      'device.anomaly',
      'device.anomaly',
    ]);
    await runJob();
    expect(rx.got).toHaveLength(2);
    expect(rx.got[1].body.data).toMatchObject({ deviceId: d.deviceId, kind: 'communication_error' });
    expect(rx.got[1].body.data.incidentId).not.toBe(incident.id);
  });
});

describe('order events on the supplier side', () => {
  it('a primary dealer supplying a secondary one hears every status as supplier and the invoice as issuer; the buyer as buyer', async () => {
    rx = await startReceiver();
    const primary = await makeDealerAndCustomer(t);
    const sub = await makeSecondary(t, primary.dealerId);
    const supplierEp = await endpoint(primary.ownerEmail, rx.url, ['order.updated', 'invoice.issued']);
    const buyerEp = await endpoint(sub.ownerEmail, rx.url, ['order.updated']);
    const sku = await createSku(t);
    await addStock(t, primary.dealerId, sku.code, 2);
    const created = await t.http
      .post('/api/orders')
      .set(await auth(sub.ownerEmail))
      .set('Idempotency-Key', uniq('k'))
      .send({ lines: [{ skuCode: sku.code, quantity: 2 }] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const sup = await auth(primary.ownerEmail);
    for (const step of ['confirm', 'invoice', 'pay']) {
      const r = await t.http.post(`/api/orders/${id}/${step}`).set(sup).send({});
      expect([step, r.status]).toEqual([step, 200]);
    }
    // A second, cancelled order: the cancellation is an update too.
    const other = await t.http
      .post('/api/orders')
      .set(await auth(sub.ownerEmail))
      .set('Idempotency-Key', uniq('k'))
      .send({ lines: [{ skuCode: sku.code, quantity: 1 }] });
    expect((await t.http.post(`/api/orders/${other.body.id}/cancel`).set(sup).send({})).status).toBe(200);

    await runJob();
    const supplierSide = rx.got.filter(
      (g) => g.body.data.role === 'supplier' || g.body.data.role === 'issuer',
    );
    const buyerSide = rx.got.filter((g) => g.body.data.role === 'buyer');
    const statuses = (list: typeof rx.got, orderId: string) =>
      list
        .filter((g) => g.body.type === 'order.updated' && g.body.data.orderId === orderId)
        .map((g) => g.body.data.status)
        .sort();
    expect(statuses(supplierSide, id)).toEqual(['confirmed', 'fulfilled', 'invoiced', 'submitted']);
    expect(statuses(supplierSide, other.body.id)).toEqual(['cancelled', 'submitted']);
    expect(statuses(buyerSide, id)).toEqual(['confirmed', 'fulfilled', 'invoiced', 'submitted']);
    expect(supplierSide.filter((g) => g.body.type === 'invoice.issued').map((g) => g.body.data)).toEqual([
      expect.objectContaining({ orderId: id, role: 'issuer' }),
    ]);
    // The buyer's endpoint did not subscribe to invoices.
    expect(buyerSide.filter((g) => g.body.type === 'invoice.issued')).toEqual([]);
    const [sc] = await t.ds.query(
      `SELECT count(*)::int AS n FROM webhook_delivery WHERE endpoint_id = $1 AND status = 'succeeded'`,
      [supplierEp.id],
    );
    const [bc] = await t.ds.query(
      `SELECT count(*)::int AS n FROM webhook_delivery WHERE endpoint_id = $1 AND status = 'succeeded'`,
      [buyerEp.id],
    );
    expect([sc.n, bc.n]).toEqual([7, 6]);
  });
});

describe('event documentation', () => {
  it('the generated OpenAPI document carries an example body of each of the nine event types', () => {
    const doc = JSON.parse(readFileSync(path.join(REPO_ROOT, 'docs', 'openapi.json'), 'utf8')) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { examples: object }> }> }>
      >;
    };
    const examples = doc.paths['/api/webhooks/event-types'].get.responses['200'].content['application/json']
      .examples as Record<string, { value: { type: string; data: object } }>;
    expect(WEBHOOK_EVENT_TYPES).toHaveLength(9);
    for (const type of WEBHOOK_EVENT_TYPES) {
      expect(examples[type]?.value.type).toBe(type);
      expect(Object.keys(examples[type].value.data).length).toBeGreaterThan(0);
    }
  });
});

describe('disabling an endpoint', () => {
  it('a disabled endpoint is sent nothing and records no new events; what was queued goes out once it is enabled again', async () => {
    rx = await startReceiver();
    const m = await makeDealerAndCustomer(t);
    const e = await endpoint(m.ownerEmail, rx.url, ['customer.created']);
    const owner = await auth(m.ownerEmail);
    const addCustomer = async () => {
      const r = await t.http
        .post('/api/customers')
        .set(owner)
        .send({
          name: 'Paused Customer',
          email: `${uniq('p')}@customer.test`,
          language: 'en',
          timeZone: 'Asia/Tokyo',
          temporaryPassword: 'Test!pass2026',
        });
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    const queued = await addCustomer();
    const off = await t.http.patch(`/api/webhooks/${e.id}`).set(owner).send({ enabled: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ status: 'disabled', disabledReason: 'manual' });
    await addCustomer();
    await runJob();
    expect(rx.got).toHaveLength(0);
    expect((await outbox(m.dealerId, e.id)).map((r) => r.deliveries)).toEqual([1]);

    const on = await t.http.patch(`/api/webhooks/${e.id}`).set(owner).send({ enabled: true });
    expect(on.body).toMatchObject({ status: 'enabled', disabledReason: null });
    await runJob();
    expect(rx.got.map((g) => g.body.data.customerId)).toEqual([queued]);
  });
});
