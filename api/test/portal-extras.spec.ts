import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { operator } from './account-helpers.js';
import { directSpec, licenses, recorderSpec, register } from './device-helpers.js';
import { bearer, login, makeDealerAndCustomer } from './harness.js';
import { useTestApp } from './support/index.js';

const t = useTestApp({ env: { TERMS_VERSION: 'v-test-1' } });

const tok = async (login_: string) => (await login(t, login_)).accessToken;
const announce = async (body: Record<string, unknown>) =>
  t.http
    .post('/api/announcements')
    .set(bearer((await operator(t)).accessToken))
    .send(body);
const text = (ja: string, en: string) => ({ ja, en });

describe('announcements and messages', () => {
  it('the operator publishes; each audience reads it in its language from publishAt, with an unread badge', async () => {
    t.clock.set(new Date('2027-05-01T00:00:00Z'), true);
    const m = await makeDealerAndCustomer(t);
    const customer = await tok(m.customerEmail); // language ja
    const dealer = await tok(m.ownerEmail); // language en
    const before = (await t.http.get('/api/portal/messages').set(bearer(customer))).body.unread;

    const forCustomers = await announce({
      title: text('メンテナンスのお知らせ', 'Maintenance notice'),
      body: text('5月3日に実施します。', 'On 3 May.'),
      audience: 'customers',
    });
    expect(forCustomers.status).toBe(201);
    const later = await announce({
      title: text('新機能', 'New feature'),
      body: text('本文', 'Body'),
      audience: 'all',
      publishAt: '2027-05-02T00:00:00.000Z',
    });
    expect(later.status).toBe(201);

    let c = await t.http.get('/api/portal/messages').set(bearer(customer));
    expect(c.status).toBe(200);
    expect(c.body.unread).toBe(before + 1);
    expect(c.body.items[0]).toMatchObject({
      id: forCustomers.body.id,
      category: 'announcement',
      title: 'メンテナンスのお知らせ',
      readAt: null,
    });
    let d = await t.http.get('/api/portal/messages').set(bearer(dealer));
    expect(d.status).toBe(200);
    const ids = (r: { body: { items: Array<{ id: string }> } }) => r.body.items.map((i) => i.id);
    expect(ids(d)).not.toContain(forCustomers.body.id);
    expect(ids(d)).not.toContain(later.body.id); // not yet published

    t.clock.set(new Date('2027-05-02T00:00:00Z'), true);
    d = await t.http.get('/api/portal/messages').set(bearer(await tok(m.ownerEmail)));
    expect(d.body.items[0]).toMatchObject({ id: later.body.id, title: 'New feature', body: 'Body' });
    expect(d.body.unread).toBe(1);
    const customer2 = await tok(m.customerEmail);
    await t.http.post(`/api/portal/messages/${forCustomers.body.id}/read`).set(bearer(customer2)).expect(204);
    c = await t.http.get('/api/portal/messages').set(bearer(customer2));
    expect(c.body.unread).toBe(before + 1); // the second announcement is now unread, the first read
    expect(c.body.items.find((i: { id: string }) => i.id === forCustomers.body.id).readAt).not.toBeNull();
    // Read marks are per user: the dealer cannot mark the customers' announcement.
    const wrong = await t.http
      .post(`/api/portal/messages/${forCustomers.body.id}/read`)
      .set(bearer(await tok(m.ownerEmail)));
    expect(wrong.status).toBe(404);
    // Category filter and page size (latest 10 + history).
    const onlyAnn = await t.http
      .get('/api/portal/messages')
      .query({ category: 'announcement', pageSize: 10 })
      .set(bearer(customer2));
    expect(onlyAnn.body.items.every((i: { category: string }) => i.category === 'announcement')).toBe(true);
  });

  it('refuses bad announcements naming the field, and non-operators', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: { ja: 'a' }, body: text('b', 'b'), audience: 'all' }, 'title.en'],
      [{ title: text('a', 'a'), body: text('', 'b'), audience: 'all' }, 'body.ja'],
      [{ title: text('a', 'a'), body: text('b', 'b'), audience: 'everyone' }, 'audience'],
      [{ title: text('a', 'a'), body: text('b', 'b'), audience: 'all', publishAt: 'soon' }, 'publishAt'],
      [{ body: text('b', 'b'), audience: 'all' }, 'title'],
    ];
    for (const [body, field] of cases) {
      const r = await announce(body);
      expect(r.status).toBe(400);
      expect(r.body.message.startsWith(field)).toBe(true);
    }
    const m = await makeDealerAndCustomer(t);
    const r = await t.http
      .post('/api/announcements')
      .set(bearer(await tok(m.ownerEmail)))
      .send({ title: text('a', 'a'), body: text('b', 'b'), audience: 'all' });
    expect(r.status).toBe(403);
  });

  it("the maintenance history (operations by the maintaining dealer) appears in the customer's messages", async () => {
    t.clock.set(new Date('2027-06-01T00:00:00Z'), true);
    const m = await makeDealerAndCustomer(t);
    const dev = await register(t, m.customerEmail, recorderSpec([1]));
    await (await licenses(t, m)).assign(1);
    const customer = await tok(m.customerEmail);
    const l = await t.http
      .post('/api/maintenance-links')
      .set(bearer(customer))
      .send({ dealerLoginId: m.loginId, dealerPhone: '03-0000-0000' });
    expect(l.status).toBe(201);
    const op = await t.http
      .post(`/api/maintenance/devices/${dev.deviceId}/commands`)
      .set(bearer(await tok(m.ownerEmail)))
      .send({ kind: 'restart' });
    expect(op.status).toBe(201);
    // The customer's own restart is not maintenance history.
    await t.http
      .post(`/api/devices/${dev.deviceId}/commands`)
      .set(bearer(customer))
      .send({ kind: 'restart' });
    const h = await t.http
      .get('/api/portal/messages')
      .query({ category: 'maintenance' })
      .set(bearer(customer));
    expect(h.body.total).toBe(1);
    expect(h.body.items[0]).toMatchObject({
      id: op.body.id,
      category: 'maintenance',
      kind: 'restart',
      readAt: null,
    });
    expect(h.body.items[0].title).toContain('再起動');
    await t.http.post(`/api/portal/messages/${op.body.id}/read`).set(bearer(customer)).expect(204);
    const again = await t.http
      .get('/api/portal/messages')
      .query({ category: 'maintenance' })
      .set(bearer(customer));
    expect(again.body.unread).toBe(0);
  });
});

describe('help, contract holder, terms of use', () => {
  it('help gives the service version and manual links to every role', async () => {
    const m = await makeDealerAndCustomer(t);
    for (const who of [m.customerEmail, m.ownerEmail]) {
      const r = await t.http.get('/api/help').set(bearer(await tok(who)));
      expect(r.status).toBe(200);
      expect(r.body.serviceVersion).toMatch(/^\d+\.\d+\.\d+/);
      expect(r.body.manuals.map((x: { key: string }) => x.key)).toContain('portal');
    }
  });

  it('the contract holder changes the name (audited); bad names give the seed codes', async () => {
    const m = await makeDealerAndCustomer(t);
    const c = await tok(m.customerEmail);
    const r = await t.http.put('/api/portal/contract-holder').set(bearer(c)).send({ name: '  山田 花子 ' });
    expect([r.status, r.body.name]).toEqual([200, '山田 花子']);
    const [u] = await t.ds.query(`SELECT name FROM app_user WHERE id = $1`, [m.customerUserId]);
    const [cu] = await t.ds.query(`SELECT name FROM customer WHERE id = $1`, [m.customerId]);
    expect([u.name, cu.name]).toEqual(['山田 花子', '山田 花子']);
    const [a] = await t.ds.query(
      `SELECT before, after FROM audit_log WHERE action = 'customers.contract_holder_renamed' AND customer_id = $1`,
      [m.customerId],
    );
    expect([a.before.name, a.after.name]).toEqual(['Customer Person', '山田 花子']);
    const missing = await t.http.put('/api/portal/contract-holder').set(bearer(c)).send({ name: ' ' });
    expect([missing.status, missing.body.code]).toEqual([400, ErrorCode.NAME_MISSING]);
    const long = await t.http
      .put('/api/portal/contract-holder')
      .set(bearer(c))
      .send({ name: 'x'.repeat(33) });
    expect([long.status, long.body.code]).toEqual([400, ErrorCode.NAME_TOO_LONG]);
    const dealer = await t.http
      .put('/api/portal/contract-holder')
      .set(bearer(await tok(m.ownerEmail)))
      .send({ name: 'x' });
    expect(dealer.status).toBe(403);
  });

  it('terms: asked of customers and dealers until they accept the current version; never blocks other calls', async () => {
    const m = await makeDealerAndCustomer(t);
    const c = await tok(m.customerEmail);
    let s = await t.http.get('/api/terms').set(bearer(c));
    expect(s.body).toEqual({ version: 'v-test-1', required: true, acceptedAt: null });
    // Other calls work before accepting.
    expect((await t.http.get('/api/devices').set(bearer(c))).status).toBe(200);
    const old = await t.http.post('/api/terms/accept').set(bearer(c)).send({ version: 'v-old' });
    expect([old.status, old.body.code]).toEqual([409, ErrorCode.TERMS_VERSION_OUTDATED]);
    const ok = await t.http.post('/api/terms/accept').set(bearer(c)).send({ version: 'v-test-1' });
    expect(ok.status).toBe(200);
    expect(ok.body.required).toBe(false);
    await t.http.post('/api/terms/accept').set(bearer(c)).send({ version: 'v-test-1' }).expect(200);
    const audit = await t.ds.query(
      `SELECT 1 FROM audit_log WHERE action = 'terms.accepted' AND actor_user_id = $1`,
      [m.customerUserId],
    );
    expect(audit).toHaveLength(1); // accepting twice records once
    // A new version asks again.
    await t.ds.query(`UPDATE terms_acceptance SET version = 'v-previous' WHERE user_id = $1`, [
      m.customerUserId,
    ]);
    s = await t.http.get('/api/terms').set(bearer(c));
    expect(s.body.required).toBe(true);
    const dealer = await t.http.get('/api/terms').set(bearer(await tok(m.ownerEmail)));
    expect(dealer.body.required).toBe(true);
    const op = await t.http.get('/api/terms').set(bearer((await operator(t)).accessToken));
    expect(op.body.required).toBe(false);
  });
});

describe('bulk operations on recorders', () => {
  it('reserves, restarts or sets the thumbnail cache per recorder, with a result per device', async () => {
    t.clock.set(new Date('2027-07-01T00:00:00Z'), true);
    const m = await makeDealerAndCustomer(t);
    // SPEC §3: remote operations need a licensed camera on the recorder — one license each.
    await (await licenses(t, m)).assign(2);
    const r1 = await register(t, m.customerEmail, recorderSpec([1]));
    const r2 = await register(t, m.customerEmail, recorderSpec([1]));
    const cam = await register(t, m.customerEmail, directSpec());
    const other = await makeDealerAndCustomer(t);
    const foreign = await register(t, other.customerEmail, recorderSpec([1]));
    const c = await tok(m.customerEmail);
    const bulk = (body: Record<string, unknown>) =>
      t.http.post('/api/devices/bulk-commands').set(bearer(c)).send(body);

    const fw = await bulk({
      deviceIds: [r1.deviceId, r2.deviceId, cam.deviceId, foreign.deviceId],
      kind: 'firmware_update',
      at: '2027-07-02T01:00:00.000Z',
    });
    expect(fw.status).toBe(200);
    expect(fw.body.results.map((r: { ok: boolean; code: number | null }) => [r.ok, r.code])).toEqual([
      [true, null],
      [true, null],
      [false, ErrorCode.BULK_NOT_A_RECORDER],
      [false, ErrorCode.BULK_DEVICE_NOT_FOUND],
    ]);
    const queued = await t.ds.query(
      `SELECT device_id, not_before FROM device_command WHERE kind = 'firmware_update' AND device_id = ANY($1::uuid[])`,
      [[r1.deviceId, r2.deviceId, cam.deviceId, foreign.deviceId]],
    );
    expect(queued).toHaveLength(2);

    const past = await bulk({
      deviceIds: [r1.deviceId],
      kind: 'firmware_update',
      at: '2027-06-01T00:00:00.000Z',
    });
    expect(past.status).toBe(200);
    expect(past.body.results[0]).toMatchObject({ ok: false, code: ErrorCode.RESERVATION_IN_PAST });

    const thumb = await bulk({
      deviceIds: [r1.deviceId, r2.deviceId],
      kind: 'thumbnail_cache',
      payload: { enabled: true, intervalMinutes: 5 },
    });
    expect(thumb.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const [p] = await t.ds.query(
      `SELECT payload FROM device_command WHERE kind = 'thumbnail_cache' AND device_id = $1`,
      [r1.deviceId],
    );
    expect(p.payload).toEqual({ enabled: true, intervalMinutes: 5 });
    const noInterval = await bulk({
      deviceIds: [r1.deviceId],
      kind: 'thumbnail_cache',
      payload: { enabled: true },
    });
    expect([noInterval.status, noInterval.body.message.startsWith('payload.intervalMinutes')]).toEqual([
      400,
      true,
    ]);
    const badInterval = await bulk({
      deviceIds: [r1.deviceId],
      kind: 'thumbnail_cache',
      payload: { enabled: true, intervalMinutes: 7 },
    });
    expect(badInterval.status).toBe(400);
    const restart = await bulk({ deviceIds: [r1.deviceId], kind: 'restart' });
    expect(restart.body.results[0].ok).toBe(true);
    expect((await bulk({ deviceIds: [], kind: 'restart' })).status).toBe(400);
    expect((await bulk({ deviceIds: [r1.deviceId], kind: 'alarm_reset' })).status).toBe(400);
  });
});
