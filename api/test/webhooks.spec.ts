import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { ErrorCode, type WebhookDeliveryDetail, type WebhookDeliveryView } from '@lc/shared';
import { WebhookDeliveryService } from '../src/integrations/delivery.service.js';
import { bearer, login, makeDealerAndCustomer, PASSWORD, startApp, uniq, type Made } from './harness.js';
import { useTestApp } from './support/index.js';
import { createSku, mailbox, operatorToken } from './licensing.js';
import { licenses, recorderSpec, register } from './device-helpers.js';
import { startReceiver, type Receiver } from './webhook-receiver.js';

const ENV = { WEBHOOK_TIMEOUT_MS: '1500', WEBHOOK_CONCURRENCY: '2' };
const t = useTestApp({ env: ENV });
let rx: Receiver;
afterEach(async () => {
  await rx?.close();
});

const owner = async (m: Made) => bearer((await login(t, m.ownerEmail)).accessToken);
const runJob = async () => {
  const r = await t.http.post('/api/dev/jobs/webhooks/run');
  expect(r.status).toBe(200);
  expect(r.body.run.outcome).toBe('succeeded');
  return r.body.run.counts as Record<string, number>;
};

async function endpoint(m: Made, url: string, events: string[]) {
  const r = await t.http
    .post('/api/webhooks')
    .set(await owner(m))
    .send({ url, events });
  expect(r.status).toBe(201);
  return r.body as { id: string; secret: string };
}

async function addCustomer(m: Made, auth?: Record<string, string>) {
  const r = await t.http
    .post('/api/customers')
    .set(auth ?? (await owner(m)))
    .send({
      name: 'Hook Customer',
      email: `${uniq('h')}@customer.test`,
      language: 'en',
      timeZone: 'Asia/Tokyo',
      temporaryPassword: PASSWORD,
    });
  expect(r.status).toBe(201);
  return r.body as { id: string; email: string };
}

async function deliveries(m: Made, endpointId: string): Promise<WebhookDeliveryView[]> {
  const r = await t.http.get(`/api/webhooks/${endpointId}/deliveries`).set(await owner(m));
  expect(r.status).toBe(200);
  return r.body;
}

/** Standard Webhooks signature check by hand (the library also checks the timestamp against real time). */
function signedWith(secret: string, h: Record<string, unknown>, raw: string): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const want = createHmac('sha256', key)
    .update(`${h['webhook-id']}.${h['webhook-timestamp']}.${raw}`)
    .digest('base64');
  return String(h['webhook-signature'])
    .split(' ')
    .some((s) => s === `v1,${want}`);
}

describe('webhook endpoints', () => {
  it('shows the secret once; managers read, only owners change; another dealer sees nothing', async () => {
    const m = await makeDealerAndCustomer(t);
    const other = await makeDealerAndCustomer(t);
    const e = await endpoint(m, 'http://127.0.0.1:9/x', ['customer.created']);
    expect(e.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);
    const list = await t.http.get('/api/webhooks').set(await owner(m));
    expect(list.body).toEqual([
      expect.objectContaining({
        id: e.id,
        url: 'http://127.0.0.1:9/x',
        events: ['customer.created'],
        status: 'enabled',
      }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(e.secret);
    const [stored] = await t.ds.query(`SELECT secret_enc FROM webhook_endpoint WHERE id = $1`, [e.id]);
    expect(stored.secret_enc).not.toContain(e.secret.slice(6, 20));

    const mgrEmail = `${uniq('mgr')}@dealer.test`;
    await t.ds.query(
      `INSERT INTO app_user (role, email, name, password_hash, language, dealer_id, member_role, created_at, updated_at)
       SELECT 'dealer', $1, 'Manager', password_hash, 'en', dealer_id, 'manager', now(), now() FROM app_user WHERE id = $2`,
      [mgrEmail, m.ownerId],
    );
    const mgr = bearer((await login(t, mgrEmail)).accessToken);
    expect((await t.http.get('/api/webhooks').set(mgr)).status).toBe(200);
    expect((await t.http.get(`/api/webhooks/${e.id}/deliveries`).set(mgr)).status).toBe(200);
    expect(
      (
        await t.http
          .post('/api/webhooks')
          .set(mgr)
          .send({ url: 'http://127.0.0.1:9/y', events: ['customer.created'] })
      ).status,
    ).toBe(403);
    expect((await t.http.delete(`/api/webhooks/${e.id}`).set(mgr)).status).toBe(403);

    const o = await owner(other);
    expect((await t.http.get('/api/webhooks').set(o)).body).toEqual([]);
    expect((await t.http.get(`/api/webhooks/${e.id}/deliveries`).set(o)).status).toBe(404);
    expect((await t.http.patch(`/api/webhooks/${e.id}`).set(o).send({ enabled: false })).status).toBe(404);
    expect((await t.http.delete(`/api/webhooks/${e.id}`).set(o)).status).toBe(404);
    expect((await t.http.delete(`/api/webhooks/${e.id}`).set(await owner(m))).status).toBe(204);
    expect((await t.http.get('/api/webhooks').set(await owner(m))).body).toEqual([]);
  });

  it('refuses bad input with a field and a code', async () => {
    const m = await makeDealerAndCustomer(t);
    const auth = await owner(m);
    const post = (body: unknown) =>
      t.http
        .post('/api/webhooks')
        .set(auth)
        .send(body as object);
    const cases: Array<[unknown, number]> = [
      [{ url: 'ftp://example.com/', events: ['customer.created'] }, ErrorCode.WEBHOOK_URL_INVALID],
      [{ url: 'not a url', events: ['customer.created'] }, ErrorCode.WEBHOOK_URL_INVALID],
      [{ url: 'http://127.0.0.1:9/', events: ['nope'] }, ErrorCode.VALIDATION],
      [{ url: 'http://127.0.0.1:9/', events: [] }, ErrorCode.VALIDATION],
      [{ events: ['customer.created'] }, ErrorCode.VALIDATION],
    ];
    for (const [body, code] of cases) {
      const r = await post(body);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe(code);
    }
    expect((await t.http.get('/api/webhooks/nope/deliveries').set(auth)).status).toBe(404);
    const e = await endpoint(m, 'http://127.0.0.1:9/x', ['customer.created']);
    const bad = await t.http.get(`/api/webhooks/${e.id}/deliveries?status=weird`).set(auth);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^status/);
  });
});

describe('SSRF protection', () => {
  it('refuses private, link-local and metadata targets at creation', async () => {
    const m = await makeDealerAndCustomer(t);
    const auth = await owner(m);
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.8/x',
      'https://192.168.1.1/',
      'http://[fd00::1]/',
      'http://metadata.google.internal/',
    ]) {
      const r = await t.http
        .post('/api/webhooks')
        .set(auth)
        .send({ url, events: ['customer.created'] });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe(ErrorCode.WEBHOOK_URL_FORBIDDEN);
      expect(r.body.message).toMatch(/^url:/);
    }
  });

  it('resolves the host again at delivery time and refuses a private answer (DNS rebinding)', async () => {
    rx = await startReceiver();
    const m = await makeDealerAndCustomer(t);
    const svc = t.get(WebhookDeliveryService);
    const original = svc.resolver;
    let answer = '127.0.0.1';
    svc.resolver = async () => [{ address: answer, family: 4 }];
    try {
      const e = await endpoint(m, `http://hooks.rebind.example:${rx.port}/hook`, ['customer.created']);
      answer = '10.0.0.7';
      await addCustomer(m);
      await runJob();
      expect(rx.got).toHaveLength(0);
      const [d] = await deliveries(m, e.id);
      expect(d).toMatchObject({ status: 'retrying', attempts: 1, lastStatusCode: null });
      expect(d.lastError).toMatch(/refused/);
      answer = '127.0.0.1';
      t.clock.set(new Date(d.nextAttemptAt!), true);
      await runJob();
      expect(rx.got).toHaveLength(1);
    } finally {
      svc.resolver = original;
    }
  });
});

describe('webhook delivery', () => {
  it('delivers a signed Standard Webhooks request once, written with the fact; nothing for dealers without endpoints', async () => {
    rx = await startReceiver();
    const m = await makeDealerAndCustomer(t);
    const quiet = await makeDealerAndCustomer(t);
    const e = await endpoint(m, rx.url, ['customer.created']);
    const c = await addCustomer(m);
    await addCustomer(quiet);
    const counts = await runJob();
    expect(counts.succeeded).toBeGreaterThanOrEqual(1);
    expect(rx.got).toHaveLength(1);
    const [req] = rx.got;
    expect(req.body).toEqual({
      id: req.headers['webhook-id'],
      type: 'customer.created',
      createdAt: expect.any(String),
      data: expect.objectContaining({ customerId: c.id, email: c.email, name: 'Hook Customer' }),
    });
    // The maintained library accepts it (the clock was not moved, so the timestamp is current).
    expect(() => new Webhook(e.secret).verify(req.raw, req.headers as Record<string, string>)).not.toThrow();
    const [d] = await deliveries(m, e.id);
    expect(d).toMatchObject({
      eventId: req.body.id,
      type: 'customer.created',
      status: 'succeeded',
      attempts: 1,
      lastStatusCode: 200,
      lastResponseExcerpt: 'ok',
    });
    await runJob();
    expect(rx.got).toHaveLength(1);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM webhook_event WHERE dealer_id = $1`, [
      quiet.dealerId,
    ]);
    expect(n).toBe(0);
    // An endpoint not subscribed to the type gets nothing.
    const [{ k }] = await t.ds.query(
      `SELECT count(*)::int AS k FROM webhook_event WHERE dealer_id = $1 AND type <> 'customer.created'`,
      [m.dealerId],
    );
    expect(k).toBe(0);
  });

  it('retries with growing delays by the service clock, keeping the webhook-id, for at least 3 days; then disables after 5 days and e-mails the owner', async () => {
    rx = await startReceiver();
    rx.state.status = 500;
    rx.state.reply = 'broken receiver';
    const m = await makeDealerAndCustomer(t);
    const start = new Date('2027-03-01T00:00:00Z');
    t.clock.set(start, true);
    const e = await endpoint(m, rx.url, ['customer.created']);
    await addCustomer(m);
    await runJob();
    let [d] = await deliveries(m, e.id);
    expect(d).toMatchObject({
      status: 'retrying',
      attempts: 1,
      lastStatusCode: 500,
      lastResponseExcerpt: 'broken receiver',
    });
    // Not due yet: nothing happens.
    await runJob();
    expect(rx.got).toHaveLength(1);
    const delays: number[] = [];
    while (d.status === 'retrying') {
      const next = new Date(d.nextAttemptAt!);
      delays.push(next.getTime() - t.clock.now().getTime());
      t.clock.set(next, true);
      await runJob();
      [d] = await deliveries(m, e.id);
    }
    expect(d.status).toBe('failed');
    expect(t.clock.now().getTime() - start.getTime()).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(delays[1]).toBeGreaterThan(delays[0]);
    expect(new Set(rx.got.map((g) => g.headers['webhook-id'])).size).toBe(1);
    expect(rx.got).toHaveLength(d.attempts);
    const detail = (await t.http.get(`/api/webhooks/${e.id}/deliveries/${d.id}`).set(await owner(m)))
      .body as WebhookDeliveryDetail;
    expect(detail.attemptLog).toHaveLength(d.attempts);
    expect(detail.attemptLog[0]).toMatchObject({ attempt: 1, statusCode: 500 });

    // Still failing 5 days after the first failure: disabled, the owner told once.
    t.clock.set(new Date(start.getTime() + 5 * 86_400_000 + 1000), true);
    const counts = await runJob();
    expect(counts.disabled).toBeGreaterThanOrEqual(1);
    const [ep] = (await t.http.get('/api/webhooks').set(await owner(m))).body;
    expect(ep).toMatchObject({ status: 'disabled', disabledReason: 'failing' });
    await runJob();
    const mails = (await mailbox(t, m.ownerEmail)).filter((x) => x.template === 'webhook-endpoint-disabled');
    expect(mails).toHaveLength(1);

    // Redeliver after the receiver is fixed and the endpoint enabled again: same event id.
    rx.state.status = 204;
    expect(
      (
        await t.http
          .patch(`/api/webhooks/${e.id}`)
          .set(await owner(m))
          .send({ enabled: true })
      ).status,
    ).toBe(200);
    expect(
      (await t.http.post(`/api/webhooks/${e.id}/deliveries/${d.id}/redeliver`).set(await owner(m))).status,
    ).toBe(202);
    await runJob();
    [d] = await deliveries(m, e.id);
    expect(d).toMatchObject({ status: 'succeeded', lastStatusCode: 204 });
    expect(rx.got.at(-1)!.headers['webhook-id']).toBe(rx.got[0].headers['webhook-id']);
  });

  it('signs with both secrets for 24 hours after a rotation, then with the new one only; sends a test event', async () => {
    rx = await startReceiver();
    const m = await makeDealerAndCustomer(t);
    t.clock.set(new Date('2027-04-01T00:00:00Z'), true);
    const e = await endpoint(m, rx.url, ['customer.created']);
    const rot = await t.http.post(`/api/webhooks/${e.id}/rotate-secret`).set(await owner(m));
    expect(rot.status).toBe(200);
    const fresh = rot.body.secret as string;
    expect(fresh).not.toBe(e.secret);
    const test = await t.http.post(`/api/webhooks/${e.id}/test`).set(await owner(m));
    expect(test.status).toBe(202);
    await runJob();
    const first = rx.got[0];
    expect(first.body.type).toBe('webhook.test');
    expect(String(first.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(signedWith(e.secret, first.headers, first.raw)).toBe(true);
    expect(signedWith(fresh, first.headers, first.raw)).toBe(true);
    t.clock.advance(24 * 3_600_000 + 1000);
    await addCustomer(m);
    await runJob();
    const second = rx.got[1];
    expect(second.body.type).toBe('customer.created');
    expect(String(second.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(signedWith(fresh, second.headers, second.raw)).toBe(true);
    expect(signedWith(e.secret, second.headers, second.raw)).toBe(false);
  });

  it('a hanging receiver holds only its own lane: another dealer is served at once', async () => {
    rx = await startReceiver();
    const slow = await startReceiver();
    slow.state.hang = true;
    try {
      const a = await makeDealerAndCustomer(t);
      const b = await makeDealerAndCustomer(t);
      const ea = await endpoint(a, slow.url, ['customer.created']);
      await endpoint(b, rx.url, ['customer.created']);
      await addCustomer(a);
      await addCustomer(a);
      await addCustomer(a);
      await addCustomer(b);
      const started = Date.now();
      await runJob();
      expect(rx.got).toHaveLength(1);
      expect(rx.got[0].at - started).toBeLessThan(1000);
      // The slow endpoint had at most WEBHOOK_CONCURRENCY (2) in flight, and those timed out.
      expect(slow.got.length).toBeLessThanOrEqual(3);
      const ds = await deliveries(a, ea.id);
      expect(
        ds
          .filter((d) => d.attempts > 0)
          .every((d) => d.status === 'retrying' && /timed out/.test(d.lastError ?? '')),
      ).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it('emits license events from assignment, binding, reminders and the expiry sweep', async () => {
    rx = await startReceiver();
    const m = await makeDealerAndCustomer(t);
    await endpoint(m, rx.url, [
      'license.assigned',
      'license.bound',
      'license.expiring',
      'license.expired',
      'camera.lapsed',
    ]);
    const l = await licenses(t, m);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    const [lic] = await l.assign(1); // ends 2027-12-31 23:59:59.999 JST
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const cam = d.cameras[0].id;
    t.clock.set(new Date('2027-12-01T16:00:00Z'), true); // 29 days 23 hours left: the 30-day threshold
    expect((await t.http.post('/api/dev/jobs/reminders/run')).status).toBe(200);
    expect((await t.http.post('/api/dev/jobs/reminders/run')).status).toBe(200);
    t.clock.set(new Date('2028-01-01T00:00:00Z'), true);
    expect((await t.http.post('/api/dev/jobs/expiry-sweep/run')).status).toBe(200);
    await runJob();
    const byType = (type: string) => rx.got.filter((g) => g.body.type === type).map((g) => g.body.data);
    expect(byType('license.assigned')).toEqual([expect.objectContaining({ licenseIds: [lic], quantity: 1 })]);
    expect(byType('license.bound')).toEqual([expect.objectContaining({ licenseId: lic, cameraId: cam })]);
    expect(byType('license.expiring')).toEqual([
      expect.objectContaining({ licenseId: lic, threshold: '30d', daysLeft: 29 }),
    ]);
    expect(byType('license.expired')).toEqual([expect.objectContaining({ licenseId: lic, cameraId: cam })]);
    expect(byType('camera.lapsed')).toEqual([expect.objectContaining({ cameraId: cam, licenseId: lic })]);
  });
});

describe('license.bound from a transfer', () => {
  it('tells the dealer which camera a moved license is bound to now', async () => {
    const m = await makeDealerAndCustomer(t);
    await endpoint(m, 'http://127.0.0.1:9/hook', ['license.bound']);
    t.clock.set(new Date('2027-02-01T00:00:00Z'), true);
    const [licenseId] = await (await licenses(t, m)).assign(1);
    const d = await register(t, m.customerEmail, recorderSpec([1, 2]));
    const [a, b] = d.cameras.map((c) => c.id);
    const bound = async () =>
      (
        (await t.ds.query(
          `SELECT data->>'cameraId' AS camera FROM webhook_event
            WHERE dealer_id = $1 AND type = 'license.bound' AND data->>'licenseId' = $2 ORDER BY created_at, id`,
          [m.dealerId, licenseId],
        )) as { camera: string }[]
      ).map((r) => r.camera);
    expect(await bound()).toEqual([a]);
    t.clock.advance(60_000);
    const customer = bearer((await login(t, m.customerEmail)).accessToken);
    const r = await t.http.post(`/api/licenses/${licenseId}/transfer`).set(customer).send({ toCameraId: b });
    expect(r.status).toBe(200);
    expect(await bound()).toEqual([a, b]);
  });
});

describe('order and invoice events', () => {
  it('tells the buyer of every order status and of the invoice, each once', async () => {
    rx = await startReceiver();
    const m = await makeDealerAndCustomer(t);
    await endpoint(m, rx.url, ['order.updated', 'invoice.issued']);
    const sku = await createSku(t, { kind: 'edge', termMonths: 12 });
    const created = await t.http
      .post('/api/orders')
      .set(await owner(m))
      .set('Idempotency-Key', uniq('k'))
      .send({ lines: [{ skuCode: sku.code, quantity: 2 }] });
    expect(created.status).toBe(201);
    const op = bearer(await operatorToken(t));
    expect((await t.http.post(`/api/orders/${created.body.id}/confirm`).set(op).send({})).status).toBe(200);
    expect((await t.http.post(`/api/orders/${created.body.id}/invoice`).set(op).send({})).status).toBe(200);
    await runJob();
    await runJob();
    const orders = rx.got.filter((g) => g.body.type === 'order.updated').map((g) => g.body.data);
    expect(orders.map((o) => o.status).sort()).toEqual(['confirmed', 'invoiced', 'submitted']);
    expect(orders.every((o) => o.orderId === created.body.id && o.role === 'buyer')).toBe(true);
    const invoices = rx.got.filter((g) => g.body.type === 'invoice.issued').map((g) => g.body.data);
    expect(invoices).toEqual([
      expect.objectContaining({ orderId: created.body.id, role: 'buyer', number: expect.any(Number) }),
    ]);
  });
});

describe('exactly once across replicas', () => {
  it('two app instances on one database deliver every event once, within the per-endpoint bound', async () => {
    rx = await startReceiver();
    rx.state.delayMs = 30;
    const t2 = await startApp({ env: ENV, dbUrl: t.dbUrl });
    try {
      const m = await makeDealerAndCustomer(t);
      const e = await endpoint(m, rx.url, ['customer.created']);
      for (let i = 0; i < 12; i++) await addCustomer(m);
      await Promise.all([
        t.get(WebhookDeliveryService).deliverDue(),
        t2.get(WebhookDeliveryService).deliverDue(),
      ]);
      const ids = rx.got.map((g) => g.headers['webhook-id']);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
      expect(rx.state.maxInFlight).toBeLessThanOrEqual(2);
      const ds = await deliveries(m, e.id);
      expect(ds.every((d) => d.status === 'succeeded' && d.attempts === 1)).toBe(true);
    } finally {
      await t2.close();
    }
  });
});
