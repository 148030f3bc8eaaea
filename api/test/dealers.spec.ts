import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer, PASSWORD, uniq } from './harness.js';
import { useTestApp } from './support/index.js';
import { apiDealer, apiMember, lastMail, mailbox, NEW_PASSWORD, operator } from './account-helpers.js';

const t = useTestApp();

const HOUR = 3_600_000;

const dealerBody = (over: Record<string, unknown> = {}) => {
  const loginId = uniq('d').slice(0, 16);
  return {
    loginId,
    companyName: `Company ${loginId}`,
    email: `${loginId}@dealer.test`,
    phone: '03-1234-5678',
    tier: 'primary',
    ...over,
  };
};

describe('POST /api/dealers: who creates which tier', () => {
  it('the operator creates a primary dealer and its owner gets an invitation (72 h)', async () => {
    t.clock.set(new Date('2027-02-01T00:00:00Z'), true);
    try {
      const op = await operator(t);
      const body = dealerBody();
      const r = await t.http.post('/api/dealers').set(bearer(op.accessToken)).send(body);
      expect(r.status).toBe(201);
      expect(r.body).toEqual({ id: expect.any(String), loginId: body.loginId, tier: 'primary' });
      const mail = await lastMail(t, body.email, 'dealer-invitation');
      expect(mail.data.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(mail.text).toContain(`/accept-invitation?token=${mail.data.token}`);
      expect(mail.data.expiresAt).toBe('2027-02-04T00:00:00.000Z');

      // No password yet: nobody can sign in.
      const before = await t.http.post('/api/auth/login').send({ login: body.loginId, password: PASSWORD });
      expect(before.status).toBe(401);

      t.clock.advance(71 * HOUR);
      const ok = await t.http
        .post('/api/auth/accept-invitation')
        .send({ token: mail.data.token, password: PASSWORD, name: 'Haruka Sato' });
      expect(ok.status).toBe(204);
      const s = await login(t, body.loginId);
      expect(s.user).toMatchObject({
        role: 'dealer',
        memberRole: 'owner',
        email: body.email,
        name: 'Haruka Sato',
      });
      const me = await t.http.get('/api/dealers/me').set(bearer(s.accessToken));
      expect(me.body).toMatchObject({
        id: r.body.id,
        loginId: body.loginId,
        tier: 'primary',
        parentDealerId: null,
        companyName: body.companyName,
        notificationEmail: body.email,
        phone: '03-1234-5678',
      });

      // Single use.
      const again = await t.http
        .post('/api/auth/accept-invitation')
        .send({ token: mail.data.token, password: PASSWORD });
      expect(again.status).toBe(400);
      expect(again.body.code).toBe(ErrorCode.LINK_INVALID);
    } finally {
      t.clock.set(null);
    }
  });

  it('the invitation link expires after 72 hours', async () => {
    t.clock.set(new Date('2027-02-10T00:00:00Z'), true);
    try {
      const op = await operator(t);
      const body = dealerBody();
      await t.http.post('/api/dealers').set(bearer(op.accessToken)).send(body).expect(201);
      const { token } = (await lastMail(t, body.email, 'dealer-invitation')).data;
      t.clock.advance(72 * HOUR);
      const r = await t.http.post('/api/auth/accept-invitation').send({ token, password: PASSWORD });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe(ErrorCode.LINK_EXPIRED);
      expect(r.body.message).toMatch(/^token:/);
    } finally {
      t.clock.set(null);
    }
  });

  it('accepting applies the password policy (and a bad attempt does not use up the link)', async () => {
    const op = await operator(t);
    const body = dealerBody();
    await t.http.post('/api/dealers').set(bearer(op.accessToken)).send(body).expect(201);
    const { token } = (await lastMail(t, body.email, 'dealer-invitation')).data;
    const weak = await t.http.post('/api/auth/accept-invitation').send({ token, password: 'password' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe(ErrorCode.PASSWORD_POLICY);
    expect(weak.body.message).toMatch(/^password:/);
    await t.http.post('/api/auth/accept-invitation').send({ token, password: PASSWORD }).expect(204);
    const junk = await t.http.post('/api/auth/accept-invitation').send({ token: 'nope', password: PASSWORD });
    expect(junk.body.code).toBe(ErrorCode.LINK_INVALID);
  });

  it('the operator cannot create a secondary dealer', async () => {
    const op = await operator(t);
    const r = await t.http
      .post('/api/dealers')
      .set(bearer(op.accessToken))
      .send(dealerBody({ tier: 'secondary' }));
    expect(r.status).toBe(403);
  });

  it('a primary dealer creates secondary dealers under itself, and lists only those', async () => {
    const primary = await apiDealer(t);
    const own = await t.http
      .post('/api/dealers')
      .set(bearer(primary.session.accessToken))
      .send(dealerBody({ tier: 'primary' }));
    expect(own.status).toBe(403);

    const body = dealerBody({ tier: 'secondary' });
    const r = await t.http.post('/api/dealers').set(bearer(primary.session.accessToken)).send(body);
    expect(r.status).toBe(201);
    expect(r.body.tier).toBe('secondary');
    const mail = await lastMail(t, body.email, 'dealer-invitation');
    expect(mail.data.invitedBy).toBe(`Company ${primary.loginId}`);
    await t.http
      .post('/api/auth/accept-invitation')
      .send({ token: mail.data.token, password: PASSWORD })
      .expect(204);
    const secondary = await login(t, body.email);
    const me = await t.http.get('/api/dealers/me').set(bearer(secondary.accessToken));
    expect(me.body).toMatchObject({ tier: 'secondary', parentDealerId: primary.id });

    // A secondary dealer cannot create dealers.
    const sub = await t.http
      .post('/api/dealers')
      .set(bearer(secondary.accessToken))
      .send(dealerBody({ tier: 'secondary' }));
    expect(sub.status).toBe(403);

    const list = await t.http.get('/api/dealers').set(bearer(primary.session.accessToken));
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([r.body.id]);
    expect(list.body.items[0]).toMatchObject({ ownerEmail: body.email, invitationPending: false });

    const detail = await t.http.get(`/api/dealers/${r.body.id}`).set(bearer(primary.session.accessToken));
    expect(detail.status).toBe(200);
    // Another primary dealer does not see it.
    const other = await apiDealer(t);
    const hidden = await t.http.get(`/api/dealers/${r.body.id}`).set(bearer(other.session.accessToken));
    expect(hidden.status).toBe(404);
    expect((await t.http.get('/api/dealers').set(bearer(other.session.accessToken))).body.total).toBe(0);
  });

  it('staff of a primary dealer may not create dealers; customers may not either', async () => {
    const primary = await apiDealer(t);
    const staff = await apiMember(t, primary.session, 'staff');
    const r = await t.http
      .post('/api/dealers')
      .set(bearer(staff.session.accessToken))
      .send(dealerBody({ tier: 'secondary' }));
    expect(r.status).toBe(403);
    const m = await makeDealerAndCustomer(t);
    const c = await login(t, m.customerEmail);
    expect((await t.http.post('/api/dealers').set(bearer(c.accessToken)).send(dealerBody())).status).toBe(
      403,
    );
  });

  it('the operator lists every dealer, searching and filtering by tier', async () => {
    const op = await operator(t);
    const a = await apiDealer(t);
    const r = await t.http
      .get('/api/dealers')
      .set(bearer(op.accessToken))
      .query({ search: a.loginId.toUpperCase() });
    expect(r.status).toBe(200);
    expect(r.body.items.map((d: { id: string }) => d.id)).toEqual([a.id]);
    const secondaries = await t.http
      .get('/api/dealers')
      .set(bearer(op.accessToken))
      .query({ tier: 'secondary', pageSize: 100 });
    expect(secondaries.body.items.every((d: { tier: string }) => d.tier === 'secondary')).toBe(true);
    const bad = await t.http.get('/api/dealers').set(bearer(op.accessToken)).query({ pageSize: 1000 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^pageSize:/);
  });
});

describe('login ID rules (SPEC §1)', () => {
  it.each([
    ['ab', 'too short'],
    ['a'.repeat(17), 'too long'],
    ['has space', 'space'],
    ['dot.ted', 'dot'],
    ['日本語id', 'non-ASCII'],
    ['semi;colon', 'symbol'],
  ])('refuses %s (%s) with LOGIN_ID_INVALID', async (loginId) => {
    const op = await operator(t);
    const r = await t.http.post('/api/dealers').set(bearer(op.accessToken)).send(dealerBody({ loginId }));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(ErrorCode.LOGIN_ID_INVALID);
    expect(r.body.message).toMatch(/^loginId: must be 3 to 16 characters/);
  });

  // Each test file has its own database, so these exact IDs are free here.
  it.each(['abc', 'A-b_9', 'x'.repeat(16), '___'])('accepts %s', async (loginId) => {
    const op = await operator(t);
    const r = await t.http.post('/api/dealers').set(bearer(op.accessToken)).send(dealerBody({ loginId }));
    expect(r.status).toBe(201);
  });

  it('is unique (409 LOGIN_ID_TAKEN), case-sensitive, and immutable', async () => {
    const op = await operator(t);
    const first = dealerBody();
    await t.http.post('/api/dealers').set(bearer(op.accessToken)).send(first).expect(201);
    const dup = await t.http
      .post('/api/dealers')
      .set(bearer(op.accessToken))
      .send(dealerBody({ loginId: first.loginId }));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe(ErrorCode.LOGIN_ID_TAKEN);
    expect(dup.body.message).toMatch(/^loginId:/);
    // Another case is another ID.
    const upper = await t.http
      .post('/api/dealers')
      .set(bearer(op.accessToken))
      .send(dealerBody({ loginId: first.loginId.toUpperCase() }));
    expect(upper.status).toBe(201);

    const d = await apiDealer(t);
    const change = await t.http
      .patch('/api/dealers/me')
      .set(bearer(d.session.accessToken))
      .send({ loginId: 'renamed' });
    expect(change.status).toBe(400);
    expect(change.body.message).toBe('loginId: cannot be changed');
  });

  it('the same login ID created at once: one wins, the others get 409 LOGIN_ID_TAKEN (never 500)', async () => {
    const op = await operator(t);
    const loginId = uniq('race').slice(0, 16);
    const results = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        t.http
          .post('/api/dealers')
          .set(bearer(op.accessToken))
          .send(dealerBody({ loginId, email: `${loginId}-${i}@dealer.test` })),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(
      results.filter((r) => r.status === 409).every((r) => r.body.code === ErrorCode.LOGIN_ID_TAKEN),
    ).toBe(true);
  });

  it('a duplicate e-mail (any case) is 409 ALREADY_REGISTERED naming email', async () => {
    const op = await operator(t);
    const m = await makeDealerAndCustomer(t);
    const r = await t.http
      .post('/api/dealers')
      .set(bearer(op.accessToken))
      .send(dealerBody({ email: m.customerEmail.toUpperCase() }));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe(ErrorCode.ALREADY_REGISTERED);
    expect(r.body.message).toMatch(/^email:/);
  });

  it('bad input names the field and is never a 500', async () => {
    const op = await operator(t);
    for (const [over, field] of [
      [{ email: 'not-an-email' }, 'email'],
      [{ phone: 'call me' }, 'phone'],
      [{ tier: 'gold' }, 'tier'],
      [{ companyName: '' }, 'companyName'],
      [{ companyName: 'x'.repeat(101) }, 'companyName'],
      [{ loginId: 42 }, 'loginId'],
      [{ extra: true }, 'extra'],
    ] as const) {
      const r = await t.http.post('/api/dealers').set(bearer(op.accessToken)).send(dealerBody(over));
      expect(r.status).toBe(400);
      expect(r.body.message).toContain(field);
    }
    const name = await t.http
      .post('/api/dealers')
      .set(bearer(op.accessToken))
      .send(dealerBody({ companyName: ' ' }));
    expect(name.body.code).toBe(ErrorCode.NAME_MISSING);
  });
});

describe('dealer profile (GET/PATCH /api/dealers/me)', () => {
  it('every change e-mails "account information changed" with before and after', async () => {
    const d = await apiDealer(t);
    const r = await t.http.patch('/api/dealers/me').set(bearer(d.session.accessToken)).send({
      department: 'Sales',
      representativeName: 'Taro Omuro',
      representativeKana: 'オムロ タロウ',
      phone: '06-9999-0000',
      address: '1-2-3 Minato, Tokyo',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      department: 'Sales',
      representativeKana: 'オムロ タロウ',
      phone: '06-9999-0000',
    });
    const mail = await lastMail(t, d.email, 'account-info-changed');
    const changes = mail.data.changes as { field: string; before: string; after: string }[];
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'phone', before: '03-1111-2222', after: '06-9999-0000' }),
        expect.objectContaining({ field: 'department', before: '', after: 'Sales' }),
      ]),
    );
    expect(changes).toHaveLength(5);
    expect(mail.text).toContain('06-9999-0000');

    // No change, no mail.
    const count = (await mailbox(t, d.email, 'account-info-changed')).length;
    await t.http
      .patch('/api/dealers/me')
      .set(bearer(d.session.accessToken))
      .send({ phone: '06-9999-0000' })
      .expect(200);
    expect((await mailbox(t, d.email, 'account-info-changed')).length).toBe(count);

    // A new notification e-mail: both the old and the new address are told.
    const next = `${uniq('n')}@notify.test`;
    await t.http
      .patch('/api/dealers/me')
      .set(bearer(d.session.accessToken))
      .send({ notificationEmail: next })
      .expect(200);
    expect(await mailbox(t, next, 'account-info-changed')).toHaveLength(1);
    expect((await mailbox(t, d.email, 'account-info-changed')).length).toBe(count + 1);
    expect(
      (await t.http.get('/api/dealers/me').set(bearer(d.session.accessToken))).body.notificationEmail,
    ).toBe(next);
  });

  it('clears optional fields with null, refuses null for required ones, staff cannot edit', async () => {
    const d = await apiDealer(t);
    await t.http
      .patch('/api/dealers/me')
      .set(bearer(d.session.accessToken))
      .send({ address: 'Somewhere' })
      .expect(200);
    const cleared = await t.http
      .patch('/api/dealers/me')
      .set(bearer(d.session.accessToken))
      .send({ address: null });
    expect(cleared.body.address).toBeNull();
    const bad = await t.http
      .patch('/api/dealers/me')
      .set(bearer(d.session.accessToken))
      .send({ companyName: null });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^companyName:/);
    const staff = await apiMember(t, d.session, 'staff');
    expect((await t.http.get('/api/dealers/me').set(bearer(staff.session.accessToken))).status).toBe(200);
    const denied = await t.http
      .patch('/api/dealers/me')
      .set(bearer(staff.session.accessToken))
      .send({ phone: '06-0000-0000' });
    expect(denied.status).toBe(403);
  });
});

describe('members (owner, manager, staff)', () => {
  it('an owner invites members who sign in with their own e-mail and password', async () => {
    const d = await apiDealer(t);
    const manager = await apiMember(t, d.session, 'manager');
    expect(manager.session.user).toMatchObject({ role: 'dealer', memberRole: 'manager', dealerId: d.id });
    const staff = await apiMember(t, manager.session, 'staff');
    expect(staff.session.user.memberRole).toBe('staff');

    const list = await t.http.get('/api/dealers/me/members').set(bearer(staff.session.accessToken));
    expect(list.status).toBe(200);
    expect(list.body.map((m: { role: string }) => m.role)).toEqual(['owner', 'manager', 'staff']);
    expect(list.body.every((m: { status: string }) => m.status === 'active')).toBe(true);

    // Pending invitations show as invited; the e-mail must be new.
    const email = `${uniq('p')}@member.test`;
    const inv = await t.http
      .post('/api/dealers/me/members')
      .set(bearer(d.session.accessToken))
      .send({ email, name: 'Pending Person', role: 'staff' });
    expect(inv.status).toBe(201);
    expect(inv.body).toMatchObject({ email, role: 'staff', status: 'invited' });
    const dup = await t.http
      .post('/api/dealers/me/members')
      .set(bearer(d.session.accessToken))
      .send({ email: email.toUpperCase(), name: 'Again', role: 'staff' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe(ErrorCode.ALREADY_REGISTERED);

    // Resending replaces the link.
    const first = (await lastMail(t, email, 'member-invitation')).data.token;
    await t.http
      .post(`/api/dealers/me/members/${inv.body.id}/resend-invitation`)
      .set(bearer(d.session.accessToken))
      .expect(204);
    const second = (await lastMail(t, email, 'member-invitation')).data.token;
    expect(second).not.toBe(first);
    expect(
      (await t.http.post('/api/auth/accept-invitation').send({ token: first, password: PASSWORD })).body.code,
    ).toBe(ErrorCode.LINK_INVALID);
    await t.http.post('/api/auth/accept-invitation').send({ token: second, password: PASSWORD }).expect(204);
  });

  it('only owners and managers manage members; only owners touch the owner role', async () => {
    const d = await apiDealer(t);
    const manager = await apiMember(t, d.session, 'manager');
    const staff = await apiMember(t, d.session, 'staff');
    const invite = (s: { accessToken: string }, role: string) =>
      t.http
        .post('/api/dealers/me/members')
        .set(bearer(s.accessToken))
        .send({ email: `${uniq('x')}@member.test`, name: 'X Y', role });

    expect((await invite(staff.session, 'staff')).status).toBe(403);
    expect((await invite(manager.session, 'owner')).status).toBe(403);
    expect((await invite(manager.session, 'staff')).status).toBe(201);
    const owner = (await t.http.get('/api/dealers/me/members').set(bearer(d.session.accessToken))).body.find(
      (m: { role: string }) => m.role === 'owner',
    );
    const demoteOwner = await t.http
      .patch(`/api/dealers/me/members/${owner.id}`)
      .set(bearer(manager.session.accessToken))
      .send({ role: 'staff' });
    expect(demoteOwner.status).toBe(403);
    const removeOwner = await t.http
      .delete(`/api/dealers/me/members/${owner.id}`)
      .set(bearer(manager.session.accessToken));
    expect(removeOwner.status).toBe(403);
    const promote = await t.http
      .patch(`/api/dealers/me/members/${staff.id}`)
      .set(bearer(manager.session.accessToken))
      .send({ role: 'owner' });
    expect(promote.status).toBe(403);
    const staffEdits = await t.http
      .patch(`/api/dealers/me/members/${manager.id}`)
      .set(bearer(staff.session.accessToken))
      .send({ role: 'staff' });
    expect(staffEdits.status).toBe(403);

    // A manager changes staff ↔ manager; the member's sessions end so the new role applies.
    const up = await t.http
      .patch(`/api/dealers/me/members/${staff.id}`)
      .set(bearer(manager.session.accessToken))
      .send({ role: 'manager' });
    expect(up.status).toBe(200);
    expect(up.body.role).toBe('manager');
    const old = await t.http.get('/api/dealers/me').set(bearer(staff.session.accessToken));
    expect(old.body.code).toBe(ErrorCode.SESSION_REVOKED);
    expect((await login(t, staff.email)).user.memberRole).toBe('manager');

    const bad = await t.http
      .patch(`/api/dealers/me/members/${staff.id}`)
      .set(bearer(manager.session.accessToken))
      .send({ role: 'boss' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^role:/);
  });

  it('the last owner can be neither demoted nor removed (LAST_OWNER)', async () => {
    const d = await apiDealer(t);
    const ownerId = d.session.user.id;
    const demote = await t.http
      .patch(`/api/dealers/me/members/${ownerId}`)
      .set(bearer(d.session.accessToken))
      .send({ role: 'manager' });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe(ErrorCode.LAST_OWNER);
    const remove = await t.http
      .delete(`/api/dealers/me/members/${ownerId}`)
      .set(bearer(d.session.accessToken));
    expect(remove.status).toBe(409);
    expect(remove.body.code).toBe(ErrorCode.LAST_OWNER);

    // An invited owner who never accepted does not count.
    const email = `${uniq('o')}@member.test`;
    await t.http
      .post('/api/dealers/me/members')
      .set(bearer(d.session.accessToken))
      .send({ email, name: 'Later Owner', role: 'owner' })
      .expect(201);
    expect(
      (
        await t.http
          .patch(`/api/dealers/me/members/${ownerId}`)
          .set(bearer(d.session.accessToken))
          .send({ role: 'manager' })
      ).body.code,
    ).toBe(ErrorCode.LAST_OWNER);

    // With a second owner who can sign in, the first may step down, then be removed.
    await t.http
      .post('/api/auth/accept-invitation')
      .send({ token: (await lastMail(t, email, 'member-invitation')).data.token, password: PASSWORD })
      .expect(204);
    const second = await login(t, email);
    await t.http
      .patch(`/api/dealers/me/members/${ownerId}`)
      .set(bearer(d.session.accessToken))
      .send({ role: 'manager' })
      .expect(200);
    await t.http.delete(`/api/dealers/me/members/${ownerId}`).set(bearer(second.accessToken)).expect(204);
    const members = (await t.http.get('/api/dealers/me/members').set(bearer(second.accessToken))).body;
    expect(members.map((m: { email: string }) => m.email)).toEqual([email]);
    // The removed member can no longer sign in, and the e-mail is free again.
    const gone = await t.http.post('/api/auth/login').send({ login: d.email, password: PASSWORD });
    expect(gone.status).toBe(401);
    const selfRemove = await t.http
      .delete(`/api/dealers/me/members/${second.user.id}`)
      .set(bearer(second.accessToken));
    expect(selfRemove.body.code).toBe(ErrorCode.LAST_OWNER);
  });

  it("another dealer's member id is a 404, and a junk id too", async () => {
    const a = await apiDealer(t);
    const b = await apiDealer(t);
    const staffA = await apiMember(t, a.session, 'staff');
    for (const req of [
      t.http
        .patch(`/api/dealers/me/members/${staffA.id}`)
        .set(bearer(b.session.accessToken))
        .send({ role: 'manager' }),
      t.http.delete(`/api/dealers/me/members/${staffA.id}`).set(bearer(b.session.accessToken)),
      t.http
        .post(`/api/dealers/me/members/${staffA.id}/resend-invitation`)
        .set(bearer(b.session.accessToken)),
      t.http.delete(`/api/dealers/me/members/not-a-uuid`).set(bearer(b.session.accessToken)),
    ]) {
      const r = await req;
      expect(r.status).toBe(404);
    }
    expect((await login(t, staffA.email)).user.memberRole).toBe('staff');
  });

  it('the member invitation link expires after 72 hours', async () => {
    t.clock.set(new Date('2027-03-01T00:00:00Z'), true);
    try {
      const d = await apiDealer(t);
      const email = `${uniq('e')}@member.test`;
      await t.http
        .post('/api/dealers/me/members')
        .set(bearer(d.session.accessToken))
        .send({ email, name: 'Slow Person', role: 'staff' })
        .expect(201);
      const { token } = (await lastMail(t, email, 'member-invitation')).data;
      t.clock.advance(72 * HOUR + 1000);
      const r = await t.http.post('/api/auth/accept-invitation').send({ token, password: NEW_PASSWORD });
      expect(r.body.code).toBe(ErrorCode.LINK_EXPIRED);
    } finally {
      t.clock.set(null);
    }
  });
});
