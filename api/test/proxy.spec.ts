import { describe, expect, it } from '@jest/globals';
import { ErrorCode, type LoginResponse } from '@lc/shared';
import { bearer, login, PASSWORD } from './harness.js';
import { useTestApp } from './support/index.js';
import { apiCustomer, apiDealer, apiMember, lastMail, operator } from './account-helpers.js';

const t = useTestApp();

const MIN = 60_000;
const open = (s: LoginResponse, body: Record<string, unknown>) =>
  t.http.post('/api/proxy-sessions').set(bearer(s.accessToken)).send(body);

describe('POST /api/proxy-sessions', () => {
  it('a dealer member acts as its own customer; the token carries the real actor', async () => {
    t.clock.set(new Date('2027-10-01T01:00:00Z'), true);
    try {
      const d = await apiDealer(t);
      const staff = await apiMember(t, d.session, 'staff');
      const c = await apiCustomer(t, d.session, { language: 'en', timeZone: 'Asia/Tokyo' });
      const r = await open(staff.session, { customerId: c.id, reason: 'Camera 3 not recording (ticket 42)' });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresAt: '2027-10-01T01:30:00.000Z', // 30 minutes by default
        customerId: c.id,
      });

      const me = await t.http.get('/api/auth/me').set(bearer(r.body.accessToken));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ role: 'customer', email: c.email, customerId: c.id });
      expect(me.body.proxy).toEqual({
        sessionId: r.body.sessionId,
        actingUserId: staff.id,
        actingUserName: 'Member Person',
        dealerId: d.id,
        dealerCompanyName: `Company ${d.loginId}`,
        reason: 'Camera 3 not recording (ticket 42)',
        expiresAt: '2027-10-01T01:30:00.000Z',
      });
      // A customer's own session has no banner.
      const own = await login(t, c.email);
      expect((await t.http.get('/api/auth/me').set(bearer(own.accessToken))).body.proxy).toBeUndefined();

      // Refreshing keeps it a proxy session; it ends at its expiry whatever happens.
      t.clock.advance(10 * MIN);
      const refreshed = await t.http.post('/api/auth/refresh').send({ refreshToken: r.body.refreshToken });
      expect(refreshed.status).toBe(200);
      const me2 = await t.http.get('/api/auth/me').set(bearer(refreshed.body.accessToken));
      expect(me2.body.proxy.actingUserId).toBe(staff.id);
      t.clock.advance(20 * MIN);
      const expired = await t.http
        .post('/api/auth/refresh')
        .send({ refreshToken: refreshed.body.refreshToken });
      expect(expired.status).toBe(401);
    } finally {
      t.clock.set(null);
    }
  });

  it('tells the customer by e-mail (their language) and by a portal message', async () => {
    const d = await apiDealer(t);
    const c = await apiCustomer(t, d.session, { language: 'ja' });
    const r = await open(d.session, { customerId: c.id, reason: '録画設定の確認', minutes: 60 });
    expect(r.status).toBe(201);
    const mail = await lastMail(t, c.email, 'proxy-session-opened');
    expect(mail.language).toBe('ja');
    expect(mail.data).toMatchObject({
      reason: '録画設定の確認',
      memberName: d.session.user.name,
      minutes: 60,
    });
    expect(mail.text).toContain('録画設定の確認');
    expect(mail.text).toContain(`Company ${d.loginId}`);

    const own = await login(t, c.email);
    const msgs = await t.http.get('/api/portal/messages').set(bearer(own.accessToken));
    expect(msgs.status).toBe(200);
    expect(msgs.body).toMatchObject({ total: 1, unread: 1 });
    expect(msgs.body.items[0]).toMatchObject({ kind: 'proxy_session_opened', readAt: null });
    expect(msgs.body.items[0].title).toContain('代理ログイン');
    expect(msgs.body.items[0].body).toContain('録画設定の確認');

    // Newest first; the customer marks one read (the proxy session may not).
    await open(d.session, { customerId: c.id, reason: 'second visit' }).expect(201);
    const list = (await t.http.get('/api/portal/messages').set(bearer(own.accessToken))).body;
    expect(list.items.map((m: { body: string }) => m.body.includes('second visit'))).toEqual([true, false]);
    const denied = await t.http
      .post(`/api/portal/messages/${list.items[0].id}/read`)
      .set(bearer(r.body.accessToken));
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe(ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION);
    await t.http
      .post(`/api/portal/messages/${list.items[0].id}/read`)
      .set(bearer(own.accessToken))
      .expect(204);
    expect((await t.http.get('/api/portal/messages').set(bearer(own.accessToken))).body.unread).toBe(1);
    // A dealer reads its own messages (announcements), never the customer's; another customer cannot mark this one.
    const dealerMsgs = await t.http.get('/api/portal/messages').set(bearer(d.session.accessToken));
    expect(dealerMsgs.status).toBe(200);
    expect(dealerMsgs.body.items.map((x: { id: string }) => x.id)).not.toContain(list.items[0].id);
    const c2 = await apiCustomer(t, d.session);
    const other = await login(t, c2.email);
    expect(
      (await t.http.post(`/api/portal/messages/${list.items[1].id}/read`).set(bearer(other.accessToken)))
        .status,
    ).toBe(404);
  });

  it("only the customer's own dealer: another dealer gets 404 as for an unknown id", async () => {
    const a = await apiDealer(t);
    const b = await apiDealer(t);
    const c = await apiCustomer(t, a.session);
    const other = await open(b.session, { customerId: c.id, reason: 'curious' });
    const unknown = await open(b.session, {
      customerId: '3f1e6c1c-1111-4222-8333-944444444444',
      reason: 'curious',
    });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
    // Not even a secondary dealer's parent.
    const subBody = {
      loginId: `s${Date.now() % 1e9}`,
      companyName: 'Sub',
      email: `sub${Date.now()}@d.test`,
      phone: '03-2222-3333',
      tier: 'secondary',
    };
    await t.http.post('/api/dealers').set(bearer(a.session.accessToken)).send(subBody).expect(201);
    await t.http
      .post('/api/auth/accept-invitation')
      .send({ token: (await lastMail(t, subBody.email, 'dealer-invitation')).data.token, password: PASSWORD })
      .expect(204);
    const sub = await login(t, subBody.email);
    const subCustomer = await apiCustomer(t, sub);
    expect((await open(a.session, { customerId: subCustomer.id, reason: 'parent' })).status).toBe(404);
    // Operators and customers cannot open proxy sessions.
    expect((await open(await operator(t), { customerId: c.id, reason: 'x' })).status).toBe(403);
    expect((await open(await login(t, c.email), { customerId: c.id, reason: 'x' })).status).toBe(403);
  });

  it.each([
    [{ reason: undefined }, 'reason'],
    [{ reason: '' }, 'reason'],
    [{ reason: '   ' }, 'reason'],
    [{ reason: 'x'.repeat(501) }, 'reason'],
    [{ reason: 7 }, 'reason'],
    [{ minutes: 0 }, 'minutes'],
    [{ minutes: 481 }, 'minutes'],
    [{ minutes: 1.5 }, 'minutes'],
    [{ minutes: '30' }, 'minutes'],
    [{ customerId: 'abc' }, 'customerId'],
  ])('refuses %o naming %s', async (over, field) => {
    const d = await apiDealer(t);
    const c = await apiCustomer(t, d.session);
    const r = await open(d.session, { customerId: c.id, reason: 'fine', ...over });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(new RegExp(`^${field}:`));
  });

  it('lasts at most 8 hours', async () => {
    t.clock.set(new Date('2027-10-02T00:00:00Z'), true);
    try {
      const d = await apiDealer(t);
      const c = await apiCustomer(t, d.session);
      const r = await open(d.session, { customerId: c.id, reason: 'x'.repeat(500), minutes: 480 });
      expect(r.status).toBe(201);
      expect(r.body.expiresAt).toBe('2027-10-02T08:00:00.000Z');
      let token = r.body.accessToken as string;
      let refresh = r.body.refreshToken as string;
      // Keep it busy (no idle timeout), refreshing every 10 minutes until the 8 hours are up.
      for (let i = 0; i < 47; i++) {
        t.clock.advance(10 * MIN);
        const next = await t.http.post('/api/auth/refresh').send({ refreshToken: refresh });
        expect(next.status).toBe(200);
        token = next.body.accessToken;
        refresh = next.body.refreshToken;
      }
      expect((await t.http.get('/api/auth/me').set(bearer(token))).status).toBe(200);
      t.clock.advance(10 * MIN);
      const over = await t.http.get('/api/auth/me').set(bearer(token));
      expect(over.status).toBe(401);
      expect(over.body.code).toBe(ErrorCode.SESSION_REVOKED);
    } finally {
      t.clock.set(null);
    }
  });
});

describe('inside a proxy session', () => {
  it('password, e-mail and handover actions are refused (403002)', async () => {
    const d = await apiDealer(t);
    const c = await apiCustomer(t, d.session);
    const p = (await open(d.session, { customerId: c.id, reason: 'install' })).body;
    const as = (path: string, body: Record<string, unknown>) =>
      t.http.post(path).set(bearer(p.accessToken)).send(body);
    for (const r of [
      await as('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'Other!pass2029' }),
      await as('/api/auth/change-email', { password: PASSWORD, newEmail: 'elsewhere@customer.test' }),
      await as('/api/customers/me/handover', { reset: true }),
      await as('/api/customers/me/handover', { reset: false }),
    ]) {
      expect(r.status).toBe(403);
      expect(r.body.code).toBe(ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION);
    }
    // Still pending for the real customer.
    expect((await login(t, c.email)).user.handoverPending).toBe(true);
  });

  it('DELETE /api/proxy-sessions/current ends it (audited); not for ordinary sessions', async () => {
    const d = await apiDealer(t);
    const c = await apiCustomer(t, d.session);
    const p = (await open(d.session, { customerId: c.id, reason: 'done soon' })).body;
    const own = await login(t, c.email);
    const notProxy = await t.http.delete('/api/proxy-sessions/current').set(bearer(own.accessToken));
    expect(notProxy.status).toBe(403);
    expect(notProxy.body.code).toBe(ErrorCode.NOT_A_PROXY_SESSION);
    await t.http.delete('/api/proxy-sessions/current').set(bearer(p.accessToken)).expect(204);
    const after = await t.http.get('/api/auth/me').set(bearer(p.accessToken));
    expect(after.status).toBe(401);
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: p.refreshToken })).status).toBe(401);
    // The customer's own session is untouched.
    expect((await t.http.get('/api/auth/me').set(bearer(own.accessToken))).status).toBe(200);

    const audit = await t.http
      .get('/api/audit')
      .set(bearer(d.session.accessToken))
      .query({ action: 'proxy_session.*', customerId: c.id });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'proxy_session.closed',
      'proxy_session.opened',
    ]);
    const [closed, opened] = audit.body.items;
    expect(opened).toMatchObject({
      actorUserId: d.session.user.id,
      actorRole: 'dealer',
      dealerId: d.id,
      customerId: c.id,
      reason: 'done soon',
      targetId: p.sessionId,
    });
    // Inside the session the actor is the customer, with the member as the real actor.
    expect(closed).toMatchObject({
      actorRole: 'customer',
      impersonatorUserId: d.session.user.id,
      impersonatorName: d.session.user.name,
      dealerId: d.id,
      customerId: c.id,
    });
  });

  it('a removed member loses the proxy sessions they opened', async () => {
    const d = await apiDealer(t);
    const staff = await apiMember(t, d.session, 'staff');
    const c = await apiCustomer(t, d.session);
    const p = (await open(staff.session, { customerId: c.id, reason: 'visit' })).body;
    await t.http.delete(`/api/dealers/me/members/${staff.id}`).set(bearer(d.session.accessToken)).expect(204);
    expect((await t.http.get('/api/auth/me').set(bearer(p.accessToken))).status).toBe(401);
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: p.refreshToken })).status).toBe(401);
  });
});
