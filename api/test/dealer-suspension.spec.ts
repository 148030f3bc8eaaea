import { afterEach, describe, expect, it } from '@jest/globals';
import { ErrorCode, type DealerListItem, type DealerOverview, type DealerView, type Page } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer, PASSWORD, uniq, type Made } from './harness.js';
import { makeSecondary, operatorToken } from './licensing.js';
import { startReceiver } from './webhook-receiver.js';
import { useTestApp } from './support/index.js';

const t = useTestApp({ env: { WEBHOOK_TIMEOUT_MS: '1500' } });
let rx: Receiver | undefined;
afterEach(async () => {
  await rx?.close();
  rx = undefined;
});

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

const op = async () => bearer(await operatorToken(t));
const suspend = async (id: string, body: Record<string, unknown> = {}, auth?: Record<string, string>) =>
  t.http
    .post(`/api/operator/dealers/${id}/suspend`)
    .set(auth ?? (await op()))
    .send(body);
const reinstate = async (id: string, auth?: Record<string, string>) =>
  t.http
    .post(`/api/operator/dealers/${id}/reinstate`)
    .set(auth ?? (await op()))
    .send({});

async function apiKey(m: Made): Promise<string> {
  const r = await t.http
    .post('/api/api-keys')
    .set(bearer((await login(t, m.ownerEmail)).accessToken))
    .send({ name: 'erp' });
  expect(r.status).toBe(201);
  return r.body.key as string;
}

async function auditRows(dealerId: string, action: string) {
  return (await t.ds.query(
    `SELECT actor_role, dealer_id, target_id, reason, before, after FROM audit_log
      WHERE target_id = $1 AND action = $2 ORDER BY at, id`,
    [dealerId, action],
  )) as Array<{
    actor_role: string;
    dealer_id: string;
    reason: string | null;
    after: Record<string, unknown>;
  }>;
}

describe('POST /api/operator/dealers/:id/suspend and /reinstate (issue 14 §2.3)', () => {
  it('stops sign-in, sessions, proxy sessions and API keys at once; reinstating lets them back', async () => {
    const m = await makeDealerAndCustomer(t);
    const key = await apiKey(m);
    const session = await login(t, m.ownerEmail);
    const proxy = await t.http
      .post('/api/proxy-sessions')
      .set(bearer(session.accessToken))
      .send({ customerId: m.customerId, reason: 'install' });
    expect(proxy.status).toBe(201);
    const customerOwn = await login(t, m.customerEmail);
    expect((await t.http.get('/api/customers').set(bearer(key))).status).toBe(200);

    const r = await suspend(m.dealerId, { reason: '  Invoices unpaid  ' });
    expect(r.status).toBe(200);
    const view = r.body as DealerView;
    expect(view.suspension).toEqual({ at: expect.any(String), reason: 'Invoices unpaid' });

    // Sign-in: by e-mail and by login ID, with the right password, answers 403 with the code.
    for (const name of [m.ownerEmail, m.loginId]) {
      const refused = await t.http.post('/api/auth/login').send({ login: name, password: PASSWORD });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe(ErrorCode.DEALER_SUSPENDED);
      expect(refused.body.message).toBe('This dealer account is suspended; contact the operator');
    }
    // A wrong password still answers as a wrong password (nothing tells a guesser about the state).
    const wrong = await t.http.post('/api/auth/login').send({ login: m.ownerEmail, password: 'Wrong!pass1' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe(ErrorCode.INVALID_CREDENTIALS);

    // The open session and the proxy session its member opened stop at once; refresh is refused.
    const me = await t.http.get('/api/dealers/me').set(bearer(session.accessToken));
    expect(me.status).toBe(401);
    expect(me.body.code).toBe(ErrorCode.DEALER_SUSPENDED);
    const asCustomer = await t.http.get('/api/auth/me').set(bearer(proxy.body.accessToken));
    expect(asCustomer.status).toBe(401);
    expect(asCustomer.body.code).toBe(ErrorCode.DEALER_SUSPENDED);
    const refresh = await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken });
    expect(refresh.status).toBe(403);
    expect(refresh.body.code).toBe(ErrorCode.DEALER_SUSPENDED);

    // The API key is refused with the code.
    const byKey = await t.http.get('/api/customers').set(bearer(key));
    expect(byKey.status).toBe(403);
    expect(byKey.body.code).toBe(ErrorCode.DEALER_SUSPENDED);

    // Its customer keeps its service.
    expect((await t.http.get('/api/auth/me').set(bearer(customerOwn.accessToken))).status).toBe(200);
    await login(t, m.customerEmail);

    const back = await reinstate(m.dealerId);
    expect(back.status).toBe(200);
    expect((back.body as DealerView).suspension).toBeNull();
    const again = await login(t, m.ownerEmail);
    expect((await t.http.get('/api/dealers/me').set(bearer(again.accessToken))).status).toBe(200);
    expect((await t.http.get('/api/customers').set(bearer(key))).status).toBe(200);
    // Sessions ended by the suspension stay ended.
    const old = await t.http.get('/api/dealers/me').set(bearer(session.accessToken));
    expect(old.status).toBe(401);
    expect(old.body.code).toBe(ErrorCode.SESSION_REVOKED);
  });

  it('is audited with the reason; repeating either step changes nothing', async () => {
    const m = await makeDealerAndCustomer(t);
    const first = await suspend(m.dealerId, { reason: 'first' });
    expect(first.status).toBe(200);
    t.clock.advance(60_000);
    const second = await suspend(m.dealerId, { reason: 'second' });
    expect(second.status).toBe(200);
    expect(second.body.suspension).toEqual(first.body.suspension);
    const suspended = await auditRows(m.dealerId, 'dealer.suspended');
    expect(suspended).toHaveLength(1);
    expect(suspended[0]).toMatchObject({ actor_role: 'operator', dealer_id: m.dealerId, reason: 'first' });

    expect((await reinstate(m.dealerId)).status).toBe(200);
    expect((await reinstate(m.dealerId)).status).toBe(200);
    const reinstated = await auditRows(m.dealerId, 'dealer.reinstated');
    expect(reinstated).toHaveLength(1);
    expect(reinstated[0]).toMatchObject({ actor_role: 'operator', dealer_id: m.dealerId });

    // The operator's audit log reads them; the dealer's own log shows them too.
    const log = await t.http
      .get('/api/audit')
      .set(await op())
      .query({ dealerId: m.dealerId });
    expect(log.status).toBe(200);
    const actions = (log.body.items as Array<{ action: string }>).map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['dealer.suspended', 'dealer.reinstated']));
  });

  it('only the operator may call them: not the dealer itself, not another dealer, not a customer or API key', async () => {
    const m = await makeDealerAndCustomer(t);
    const b = await makeDealerAndCustomer(t);
    const key = await apiKey(m);
    const callers = [
      bearer((await login(t, m.ownerEmail)).accessToken),
      bearer((await login(t, b.ownerEmail)).accessToken),
      bearer((await login(t, m.customerEmail)).accessToken),
      bearer(key),
    ];
    for (const auth of callers) {
      expect((await suspend(m.dealerId, {}, auth)).status).toBe(403);
      expect((await reinstate(m.dealerId, auth)).status).toBe(403);
    }
    expect((await t.http.post(`/api/operator/dealers/${m.dealerId}/suspend`).send({})).status).toBe(401);
    const [row] = await t.ds.query(`SELECT suspended_at FROM dealer WHERE id = $1`, [m.dealerId]);
    expect(row.suspended_at).toBeNull();
  });

  it('bad ids and bad input are 4xx with a field, never a 500', async () => {
    const m = await makeDealerAndCustomer(t);
    for (const id of ['nope', '00000000-0000-0000-0000-000000000000', "1' OR 1=1"]) {
      const r = await suspend(encodeURIComponent(id));
      expect(r.status).toBe(404);
      expect(r.body.code).toBe(ErrorCode.NOT_FOUND);
      expect((await reinstate(encodeURIComponent(id))).status).toBe(404);
    }
    const long = await suspend(m.dealerId, { reason: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect(long.body.message).toMatch(/^reason/);
    const notText = await suspend(m.dealerId, { reason: 42 });
    expect(notText.status).toBe(400);
    expect(notText.body.message).toMatch(/^reason/);
    const [row] = await t.ds.query(`SELECT suspended_at FROM dealer WHERE id = $1`, [m.dealerId]);
    expect(row.suspended_at).toBeNull();
    // No reason at all is fine.
    const ok = await suspend(m.dealerId);
    expect(ok.status).toBe(200);
    expect(ok.body.suspension.reason).toBeNull();
  });

  it('the dealer list, detail and home show the state; a secondary stays active and shows its parent’s state', async () => {
    const m = await makeDealerAndCustomer(t);
    const sub = await makeSecondary(t, m.dealerId);
    const before = (await t.http.get('/api/operator/overview').set(await op())).body;
    expect((await suspend(m.dealerId, { reason: 'audit pending' })).status).toBe(200);

    const list = await t.http
      .get('/api/dealers')
      .set(await op())
      .query({ search: m.loginId });
    const item = (list.body as Page<DealerListItem>).items.find((d) => d.id === m.dealerId);
    expect(item?.suspension?.reason).toBe('audit pending');
    const detail = (await t.http.get(`/api/operator/dealers/${sub.dealerId}`).set(await op()))
      .body as DealerOverview;
    expect(detail.dealer.suspension).toBeNull();
    expect(detail.parent?.suspendedAt).toEqual(expect.any(String));
    const after = (await t.http.get('/api/operator/overview').set(await op())).body;
    expect(after.dealers.suspended).toBe(before.dealers.suspended + 1);

    // The secondary dealer's members still sign in.
    await login(t, sub.ownerEmail);
  });

  it('a primary dealer sees its secondary dealer suspended, but not the operator’s reason', async () => {
    const m = await makeDealerAndCustomer(t);
    const sub = await makeSecondary(t, m.dealerId);
    expect((await suspend(sub.dealerId, { reason: 'operator note' })).status).toBe(200);
    const primary = bearer((await login(t, m.ownerEmail)).accessToken);
    const list = (await t.http.get('/api/dealers').set(primary)).body as Page<DealerListItem>;
    const item = list.items.find((d) => d.id === sub.dealerId);
    expect(item?.suspension).toEqual({ at: expect.any(String), reason: null });
    const one = (await t.http.get(`/api/dealers/${sub.dealerId}`).set(primary)).body as DealerView;
    expect(one.suspension).toEqual({ at: expect.any(String), reason: null });
    const byOperator = (await t.http.get(`/api/dealers/${sub.dealerId}`).set(await op())).body as DealerView;
    expect(byOperator.suspension?.reason).toBe('operator note');
  });

  it('webhooks pause while suspended and the queued deliveries go out after reinstatement', async () => {
    const m = await makeDealerAndCustomer(t);
    rx = await startReceiver();
    const owner = bearer((await login(t, m.ownerEmail)).accessToken);
    const ep = await t.http
      .post('/api/webhooks')
      .set(owner)
      .send({ url: rx.url, events: ['customer.created'] });
    expect(ep.status).toBe(201);
    const c = await t.http
      .post('/api/customers')
      .set(owner)
      .send({
        name: 'Hook Customer',
        email: `${uniq('h')}@customer.test`,
        language: 'en',
        timeZone: 'Asia/Tokyo',
        temporaryPassword: PASSWORD,
      });
    expect(c.status).toBe(201);
    expect((await suspend(m.dealerId)).status).toBe(200);
    expect((await t.http.post('/api/dev/jobs/webhooks/run')).status).toBe(200);
    expect(rx.got).toHaveLength(0);
    const [queued] = await t.ds.query(`SELECT status FROM webhook_delivery WHERE endpoint_id = $1`, [
      ep.body.id,
    ]);
    expect(queued.status).toBe('pending');

    expect((await reinstate(m.dealerId)).status).toBe(200);
    expect((await t.http.post('/api/dev/jobs/webhooks/run')).status).toBe(200);
    expect(rx.got.map((g) => g.body.type)).toEqual(['customer.created']);
  });
});
