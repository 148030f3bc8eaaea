import { describe, expect, it } from '@jest/globals';
import { ErrorCode, type LoginResponse } from '@lc/shared';
import { bearer, login, PASSWORD, uniq } from './harness.js';
import { useTestApp } from './support/index.js';
import { apiCustomer, apiDealer, apiMember, lastMail, NEW_PASSWORD, operator } from './account-helpers.js';

const t = useTestApp();

interface Entry {
  action: string;
  actorUserId: string | null;
  dealerId: string | null;
  customerId: string | null;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const audit = async (s: LoginResponse, q: Record<string, unknown> = {}) => {
  const r = await t.http
    .get('/api/audit')
    .set(bearer(s.accessToken))
    .query({ pageSize: 100, ...q });
  if (r.status !== 200) throw new Error(`audit ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { items: Entry[]; total: number; page: number; pageSize: number };
};

describe('every account write is audited, in its own dealer log', () => {
  it('records the whole story of a dealer and its customer', async () => {
    const d = await apiDealer(t);
    await t.http
      .patch('/api/dealers/me')
      .set(bearer(d.session.accessToken))
      .send({ phone: '06-5555-6666' })
      .expect(200);
    const staff = await apiMember(t, d.session, 'staff');
    await t.http
      .patch(`/api/dealers/me/members/${staff.id}`)
      .set(bearer(d.session.accessToken))
      .send({ role: 'manager' })
      .expect(200);
    await t.http.delete(`/api/dealers/me/members/${staff.id}`).set(bearer(d.session.accessToken)).expect(204);
    const c = await apiCustomer(t, d.session);
    await t.http
      .patch(`/api/customers/${c.id}`)
      .set(bearer(d.session.accessToken))
      .send({ name: 'Renamed Co' })
      .expect(200);
    const cs = await login(t, c.email);
    await t.http
      .post('/api/customers/me/handover')
      .set(bearer(cs.accessToken))
      .send({ reset: true })
      .expect(200);
    await t.http
      .post('/api/auth/set-password')
      .send({
        token: (await lastMail(t, c.email, 'customer-set-password')).data.token,
        password: NEW_PASSWORD,
      })
      .expect(204);
    await t.http.post('/api/auth/forgot-password').send({ email: c.email }).expect(202);
    await t.http
      .post('/api/auth/reset-password')
      .send({ token: (await lastMail(t, c.email, 'password-reset')).data.token, password: PASSWORD })
      .expect(204);
    const cs2 = await login(t, c.email);
    const newEmail = `${uniq('moved')}@customer.test`;
    await t.http
      .post('/api/auth/change-email')
      .set(bearer(cs2.accessToken))
      .send({ password: PASSWORD, newEmail })
      .expect(202);
    await t.http
      .post('/api/auth/confirm-email')
      .send({ token: (await lastMail(t, newEmail, 'email-change-confirm')).data.token })
      .expect(204);
    const p = (
      await t.http
        .post('/api/proxy-sessions')
        .set(bearer(d.session.accessToken))
        .send({ customerId: c.id, reason: 'check' })
    ).body;
    await t.http.delete('/api/proxy-sessions/current').set(bearer(p.accessToken)).expect(204);

    const log = await audit(d.session);
    expect(log.items.map((e) => e.action).reverse()).toEqual([
      'dealer.created',
      'invitation.accepted',
      'dealer.updated',
      'member.invited',
      'invitation.accepted',
      'member.role_changed',
      'member.removed',
      'customer.created',
      'customer.updated',
      'customer.handover_answered',
      'password.set',
      'password.reset',
      'email.change_requested',
      'email.changed',
      'proxy_session.opened',
      'proxy_session.closed',
    ]);
    expect(log.items.every((e) => e.dealerId === d.id)).toBe(true);
    const updated = log.items.find((e) => e.action === 'dealer.updated')!;
    expect(updated).toMatchObject({ before: { phone: '03-1111-2222' }, after: { phone: '06-5555-6666' } });
    const changed = log.items.find((e) => e.action === 'email.changed')!;
    expect(changed).toMatchObject({
      customerId: c.id,
      before: { email: c.email },
      after: { email: newEmail },
    });
    const role = log.items.find((e) => e.action === 'member.role_changed')!;
    expect(role).toMatchObject({
      actorUserId: d.session.user.id,
      targetId: staff.id,
      after: { role: 'manager' },
    });
  });

  it('a refused write leaves no entry (same transaction)', async () => {
    const d = await apiDealer(t);
    const c = await apiCustomer(t, d.session);
    const dup = await t.http
      .post('/api/customers')
      .set(bearer(d.session.accessToken))
      .send({ name: 'Dup', email: c.email, language: 'ja', timeZone: 'Asia/Tokyo' });
    expect(dup.status).toBe(409);
    const created = await audit(d.session, { action: 'customer.created' });
    expect(created.total).toBe(1);
  });

  it('the log is append-only in the database', async () => {
    await expect(t.ds.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});

describe('GET /api/audit: tenancy and filters', () => {
  it('a dealer reads only its own entries; the operator reads all or one dealer', async () => {
    const a = await apiDealer(t);
    const b = await apiDealer(t);
    await apiCustomer(t, a.session);
    await apiCustomer(t, b.session);
    const la = await audit(a.session);
    expect(la.items.length).toBeGreaterThan(0);
    expect(la.items.every((e) => e.dealerId === a.id)).toBe(true);
    const forbidden = await t.http
      .get('/api/audit')
      .set(bearer(b.session.accessToken))
      .query({ dealerId: a.id });
    expect(forbidden.status).toBe(403);
    const ownParam = await audit(b.session, { dealerId: b.id });
    expect(ownParam.items.every((e) => e.dealerId === b.id)).toBe(true);

    const op = await operator(t);
    const onlyA = await audit(op, { dealerId: a.id });
    expect(onlyA.total).toBe(la.total);
    const all = await audit(op);
    expect(all.total).toBeGreaterThan(la.total);

    const staff = await apiMember(t, a.session, 'staff');
    expect((await t.http.get('/api/audit').set(bearer(staff.session.accessToken))).status).toBe(403);
    const c = await apiCustomer(t, a.session);
    expect((await t.http.get('/api/audit').set(bearer((await login(t, c.email)).accessToken))).status).toBe(
      403,
    );
  });

  it('filters by action (exact or prefix*), period and customer, and pages', async () => {
    t.clock.set(new Date('2027-11-01T00:00:00Z'), true);
    try {
      const d = await apiDealer(t);
      const c1 = await apiCustomer(t, d.session);
      t.clock.advance(3_600_000);
      const s = await login(t, d.email); // the first session is idle by now
      const c2 = await apiCustomer(t, s);
      await t.http
        .patch(`/api/customers/${c2.id}`)
        .set(bearer(s.accessToken))
        .send({ name: 'Two' })
        .expect(200);

      expect((await audit(s, { action: 'customer.created' })).total).toBe(2);
      expect((await audit(s, { action: 'customer.*' })).total).toBe(3);
      const period = await audit(s, { action: 'customer.created', from: '2027-11-01T00:30:00Z' });
      expect(period.items.map((e) => e.customerId)).toEqual([c2.id]);
      const before = await audit(s, { action: 'customer.created', to: '2027-11-01T00:30:00Z' });
      expect(before.items.map((e) => e.customerId)).toEqual([c1.id]);
      expect((await audit(s, { customerId: c2.id })).items.map((e) => e.action)).toEqual([
        'customer.updated',
        'customer.created',
      ]);
      const page = await audit(s, { pageSize: 2, page: 2 });
      expect(page).toMatchObject({ page: 2, pageSize: 2 });
      expect(page.items).toHaveLength(2);

      for (const [q, field] of [
        [{ from: 'yesterday' }, 'from'],
        [{ to: '2027-13-01' }, 'to'],
        [{ dealerId: 'x' }, 'dealerId'],
        [{ action: "x'; DROP TABLE audit_log" }, 'action'],
        [{ pageSize: 0 }, 'pageSize'],
      ] as const) {
        const r = await t.http.get('/api/audit').set(bearer(s.accessToken)).query(q);
        expect(r.status).toBe(400);
        expect(r.body.code).toBe(ErrorCode.VALIDATION);
        expect(r.body.message).toMatch(new RegExp(`^${field}:`));
      }
    } finally {
      t.clock.set(null);
    }
  });

  it('exports CSV with the same tenant filter', async () => {
    const a = await apiDealer(t);
    const b = await apiDealer(t);
    await apiCustomer(t, b.session);
    const r = await t.http.get('/api/audit/export.csv').set(bearer(a.session.accessToken)).buffer(true);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    const text = r.text.replace(/^\uFEFF/, '');
    expect(r.text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = text.split('\r\n').filter(Boolean);
    expect(header.split(',').slice(0, 3)).toEqual(['id', 'at', 'action']);
    expect(lines.length).toBe((await audit(a.session)).total);
    expect(text).toContain(a.id);
    expect(text).not.toContain(b.id);
    expect(
      (await t.http.get('/api/audit/export.csv').set(bearer(b.session.accessToken)).query({ dealerId: a.id }))
        .status,
    ).toBe(403);
  });
});
