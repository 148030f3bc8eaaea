import { describe, expect, it } from '@jest/globals';
import { ErrorCode, type LoginResponse } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer, PASSWORD, uniq } from './harness.js';
import { useTestApp } from './support/index.js';
import { apiCustomer, apiDealer, lastMail, mailbox, NEW_PASSWORD } from './account-helpers.js';

const t = useTestApp();

const HOUR = 3_600_000;
let listSeq = 0;

const addCustomer = (dealer: LoginResponse, body: Record<string, unknown>) =>
  t.http.post('/api/customers').set(bearer(dealer.accessToken)).send(body);

describe('adding a customer with a temporary password (seed 002)', () => {
  it('sends no password e-mail and asks "reset now?" at every sign-in until yes', async () => {
    const d = await apiDealer(t);
    const email = `${uniq('tmp')}@customer.test`;
    const r = await addCustomer(d.session, {
      name: 'Aoba Bakery',
      email,
      language: 'ja',
      timeZone: 'Asia/Tokyo',
      temporaryPassword: PASSWORD,
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: expect.any(String), email });
    expect(await mailbox(t, email)).toEqual([]);

    const first = await login(t, email);
    expect(first.user).toMatchObject({ role: 'customer', customerId: r.body.id, handoverPending: true });
    expect(first.user.mustChangePassword).toBe(false);

    // "No" (before handover): asked again next time.
    const no = await t.http
      .post('/api/customers/me/handover')
      .set(bearer(first.accessToken))
      .send({ reset: false });
    expect(no.status).toBe(200);
    expect(no.body).toEqual({ handoverPending: true });
    expect((await login(t, email)).user.handoverPending).toBe(true);
    expect(await mailbox(t, email)).toEqual([]);

    // "Yes" (at handover): a set-password link goes to the customer and the question stops.
    const yes = await t.http
      .post('/api/customers/me/handover')
      .set(bearer(first.accessToken))
      .send({ reset: true });
    expect(yes.body).toEqual({ handoverPending: false });
    const mail = await lastMail(t, email, 'customer-set-password');
    expect(mail.language).toBe('ja');
    expect(mail.text).toContain(`/set-password?token=${mail.data.token}`);
    const after = await login(t, email);
    expect(after.user.handoverPending).toBe(false);
    const me = await t.http.get('/api/auth/me').set(bearer(after.accessToken));
    expect(me.body.handoverPending).toBe(false);

    // The customer sets a password with the link; the installer's sessions end.
    const weak = await t.http
      .post('/api/auth/set-password')
      .send({ token: mail.data.token, password: 'aoba' });
    expect(weak.body.code).toBe(ErrorCode.PASSWORD_POLICY);
    await t.http
      .post('/api/auth/set-password')
      .send({ token: mail.data.token, password: NEW_PASSWORD })
      .expect(204);
    expect((await t.http.get('/api/auth/me').set(bearer(after.accessToken))).body.code).toBe(
      ErrorCode.SESSION_REVOKED,
    );
    await expect(login(t, email, NEW_PASSWORD)).resolves.toBeDefined();
    expect((await t.http.post('/api/auth/login').send({ login: email, password: PASSWORD })).status).toBe(
      401,
    );
    const reused = await t.http
      .post('/api/auth/set-password')
      .send({ token: mail.data.token, password: NEW_PASSWORD });
    expect(reused.body.code).toBe(ErrorCode.LINK_INVALID);
    const again = await t.http
      .post('/api/customers/me/handover')
      .set(bearer((await login(t, email, NEW_PASSWORD)).accessToken))
      .send({ reset: true });
    expect(again.status).toBe(409);
  });

  it('the set-password link is valid 24 hours; the temporary password stops then too', async () => {
    t.clock.set(new Date('2027-05-01T00:00:00Z'), true);
    try {
      const d = await apiDealer(t);
      const c = await apiCustomer(t, d.session);
      const s = await login(t, c.email);
      await t.http
        .post('/api/customers/me/handover')
        .set(bearer(s.accessToken))
        .send({ reset: true })
        .expect(200);
      const { token } = (await lastMail(t, c.email, 'customer-set-password')).data;
      t.clock.advance(24 * HOUR);
      const late = await t.http.post('/api/auth/set-password').send({ token, password: NEW_PASSWORD });
      expect(late.body.code).toBe(ErrorCode.LINK_EXPIRED);
      const temp = await t.http.post('/api/auth/login').send({ login: c.email, password: PASSWORD });
      expect(temp.body.code).toBe(ErrorCode.INITIAL_PASSWORD_EXPIRED);
    } finally {
      t.clock.set(null);
    }
  });

  it('the temporary password must satisfy the policy', async () => {
    const d = await apiDealer(t);
    const email = `${uniq('weak')}@customer.test`;
    const r = await addCustomer(d.session, {
      name: 'Weak Co',
      email,
      language: 'en',
      timeZone: 'Asia/Tokyo',
      temporaryPassword: 'weak',
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(ErrorCode.PASSWORD_POLICY);
    expect(r.body.message).toMatch(/^temporaryPassword:/);
  });

  it('only customers answer the handover question', async () => {
    const d = await apiDealer(t);
    const r = await t.http
      .post('/api/customers/me/handover')
      .set(bearer(d.session.accessToken))
      .send({ reset: true });
    expect(r.status).toBe(403);
    const c = await apiCustomer(t, d.session);
    const s = await login(t, c.email);
    const bad = await t.http
      .post('/api/customers/me/handover')
      .set(bearer(s.accessToken))
      .send({ reset: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^reset:/);
  });
});

describe('adding a customer without a temporary password', () => {
  it('e-mails a random initial password valid 24 hours; the first sign-in must change it', async () => {
    t.clock.set(new Date('2027-06-01T09:00:00Z'), true);
    try {
      const d = await apiDealer(t);
      const email = `${uniq('init')}@customer.test`;
      const r = await addCustomer(d.session, {
        name: 'Kita Pharmacy',
        email,
        language: 'en',
        timeZone: 'Europe/London',
      });
      expect(r.status).toBe(201);
      const mail = await lastMail(t, email, 'customer-welcome');
      expect(mail.language).toBe('en');
      const password = mail.data.password!;
      expect(password).toMatch(/^[A-Za-z0-9@$!%*?&/]{14}$/);
      expect(mail.text).toContain(password);
      expect(mail.data.expiresAt).toBe('2027-06-02T09:00:00.000Z');

      t.clock.advance(23 * HOUR);
      const s = await login(t, email, password);
      expect(s.user).toMatchObject({
        mustChangePassword: true,
        handoverPending: false,
        timeZone: 'Europe/London',
      });
      await t.http
        .post('/api/auth/change-password')
        .set(bearer(s.accessToken))
        .send({ currentPassword: password, newPassword: NEW_PASSWORD })
        .expect(204);
      t.clock.advance(2 * HOUR);
      expect((await login(t, email, NEW_PASSWORD)).user.mustChangePassword).toBe(false);
    } finally {
      t.clock.set(null);
    }
  });

  it('after 24 hours the initial password is refused (401006) and "forgot password" still works', async () => {
    t.clock.set(new Date('2027-06-10T00:00:00Z'), true);
    try {
      const d = await apiDealer(t);
      const email = `${uniq('late')}@customer.test`;
      await addCustomer(d.session, { name: 'Late Co', email, language: 'ja', timeZone: 'Asia/Tokyo' }).expect(
        201,
      );
      const password = (await lastMail(t, email, 'customer-welcome')).data.password!;
      t.clock.advance(24 * HOUR);
      const r = await t.http.post('/api/auth/login').send({ login: email, password });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe(ErrorCode.INITIAL_PASSWORD_EXPIRED);

      await t.http.post('/api/auth/forgot-password').send({ email }).expect(202);
      const reset = await lastMail(t, email, 'password-reset');
      await t.http
        .post('/api/auth/reset-password')
        .send({ email, code: reset.data.code, password: NEW_PASSWORD })
        .expect(204);
      const s = await login(t, email, NEW_PASSWORD);
      expect(s.user.mustChangePassword).toBe(false);
    } finally {
      t.clock.set(null);
    }
  });
});

describe('customer input', () => {
  it('a registered e-mail (any case, any role) is 409 with code 400229 naming email', async () => {
    const d = await apiDealer(t);
    const m = await makeDealerAndCustomer(t);
    for (const email of [m.customerEmail.toUpperCase(), m.ownerEmail, d.email]) {
      const r = await addCustomer(d.session, { name: 'Dup', email, language: 'ja', timeZone: 'Asia/Tokyo' });
      expect(r.status).toBe(409);
      expect(r.body.code).toBe(ErrorCode.ALREADY_REGISTERED);
      expect(r.body.message).toMatch(/^email:/);
    }
    // Nothing half-created.
    const list = await t.http.get('/api/customers').set(bearer(d.session.accessToken));
    expect(list.body.total).toBe(0);
  });

  it('the same e-mail added at once from two dealers: one wins, the others get 409 (never 500)', async () => {
    const a = await apiDealer(t);
    const b = await apiDealer(t);
    const email = `${uniq('race')}@customer.test`;
    const body = {
      name: 'Race Co',
      email,
      language: 'ja',
      timeZone: 'Asia/Tokyo',
      temporaryPassword: PASSWORD,
    };
    const results = await Promise.all(
      [a, b, a, b, a, b].map((d, i) =>
        addCustomer(d.session, { ...body, email: i % 2 ? email.toUpperCase() : email }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body).toMatchObject({
        code: ErrorCode.ALREADY_REGISTERED,
        message: 'email: is already registered',
      });
    }
    const [{ n }] = (await t.ds.query(`SELECT count(*)::int AS n FROM customer WHERE name = 'Race Co'`)) as {
      n: number;
    }[];
    expect(n).toBe(1);
  });

  it.each([
    [{ name: '' }, ErrorCode.NAME_MISSING, 'name'],
    [{ name: '   ' }, ErrorCode.NAME_MISSING, 'name'],
    [{ name: undefined }, ErrorCode.NAME_MISSING, 'name'],
    [{ name: 'x'.repeat(33) }, ErrorCode.NAME_TOO_LONG, 'name'],
    [{ name: 42 }, ErrorCode.VALIDATION, 'name: must be a string'],
    [{ email: 'nope' }, ErrorCode.VALIDATION, 'email'],
    [{ language: 'fr' }, ErrorCode.VALIDATION, 'language'],
    [{ timeZone: 'Mars/Olympus' }, ErrorCode.VALIDATION, 'timeZone'],
    [{ timeZone: 9 }, ErrorCode.VALIDATION, 'timeZone'],
    [{ temporaryPassword: 12345678 }, ErrorCode.VALIDATION, 'temporaryPassword'],
    [{ dealerId: '00000000-0000-0000-0000-000000000000' }, ErrorCode.VALIDATION, 'dealerId'],
  ])('%o → code %s naming %s', async (over, code, field) => {
    const d = await apiDealer(t);
    const r = await addCustomer(d.session, {
      name: 'Fine Name',
      email: `${uniq('v')}@customer.test`,
      language: 'ja',
      timeZone: 'Asia/Tokyo',
      ...over,
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(code);
    expect(r.body.message).toMatch(new RegExp(`^${field}`));
  });

  it('a name of exactly 32 characters is fine; operators and customers cannot add customers', async () => {
    const d = await apiDealer(t);
    const c = await apiCustomer(t, d.session, { name: 'y'.repeat(32) });
    const s = await login(t, c.email);
    const r = await addCustomer(s, {
      name: 'x',
      email: `${uniq()}@c.test`,
      language: 'ja',
      timeZone: 'Asia/Tokyo',
    });
    expect(r.status).toBe(403);
  });
});

describe('correcting the e-mail (PATCH /api/customers/:id)', () => {
  it('works until the first license is assigned, then 409 EMAIL_LOCKED_AFTER_ASSIGNMENT', async () => {
    const d = await apiDealer(t);
    const c = await apiCustomer(t, d.session);
    const old = await login(t, c.email);
    const fixed = `${uniq('fixed')}@customer.test`;
    const r = await t.http
      .patch(`/api/customers/${c.id}`)
      .set(bearer(d.session.accessToken))
      .send({ email: fixed });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: c.id, email: fixed, emailEditable: true, firstAssignedAt: null });
    // The old address no longer signs in; the customer's sessions ended.
    expect((await t.http.post('/api/auth/login').send({ login: c.email, password: PASSWORD })).status).toBe(
      401,
    );
    expect((await t.http.get('/api/auth/me').set(bearer(old.accessToken))).body.code).toBe(
      ErrorCode.SESSION_REVOKED,
    );
    await expect(login(t, fixed)).resolves.toBeDefined();

    await t.ds.query(`UPDATE customer SET first_assigned_at = $2 WHERE id = $1`, [c.id, new Date()]);
    const locked = await t.http
      .patch(`/api/customers/${c.id}`)
      .set(bearer(d.session.accessToken))
      .send({ email: `${uniq('late')}@customer.test` });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe(ErrorCode.EMAIL_LOCKED_AFTER_ASSIGNMENT);
    expect(locked.body.message).toMatch(/^email:/);
    // The name can still be corrected; the same e-mail is not a change.
    const named = await t.http
      .patch(`/api/customers/${c.id}`)
      .set(bearer(d.session.accessToken))
      .send({ name: 'Aoba Bakery Ltd', email: fixed });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ name: 'Aoba Bakery Ltd', email: fixed, emailEditable: false });
    expect((await login(t, fixed)).user.name).toBe('Aoba Bakery Ltd');
  });

  it('a corrected address gets a fresh initial password when the first one was never used', async () => {
    const d = await apiDealer(t);
    const wrong = `${uniq('typo')}@customer.test`;
    const r = await addCustomer(d.session, {
      name: 'Typo Co',
      email: wrong,
      language: 'ja',
      timeZone: 'Asia/Tokyo',
    });
    const firstPassword = (await lastMail(t, wrong, 'customer-welcome')).data.password!;
    const right = `${uniq('right')}@customer.test`;
    await t.http
      .patch(`/api/customers/${r.body.id}`)
      .set(bearer(d.session.accessToken))
      .send({ email: right })
      .expect(200);
    const second = (await lastMail(t, right, 'customer-welcome')).data.password!;
    expect(second).not.toBe(firstPassword);
    expect(
      (await t.http.post('/api/auth/login').send({ login: right, password: firstPassword })).status,
    ).toBe(401);
    expect((await login(t, right, second)).user.mustChangePassword).toBe(true);
  });

  it('refuses an e-mail already registered, and bad input', async () => {
    const d = await apiDealer(t);
    const a = await apiCustomer(t, d.session);
    const b = await apiCustomer(t, d.session);
    const dup = await t.http
      .patch(`/api/customers/${a.id}`)
      .set(bearer(d.session.accessToken))
      .send({ email: b.email.toUpperCase() });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe(ErrorCode.ALREADY_REGISTERED);
    const bad = await t.http
      .patch(`/api/customers/${a.id}`)
      .set(bearer(d.session.accessToken))
      .send({ email: null });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^email:/);
    const long = await t.http
      .patch(`/api/customers/${a.id}`)
      .set(bearer(d.session.accessToken))
      .send({ name: 'z'.repeat(40) });
    expect(long.body.code).toBe(ErrorCode.NAME_TOO_LONG);
  });
});

describe('customer list, detail and CSV', () => {
  async function fiveCustomers() {
    const d = await apiDealer(t);
    const tag = `${Date.now() % 1e8}${++listSeq}`; // digits only: searches below match names, not tags
    const names = ['Charlie Foods', 'alpha Works', 'Bravo, "Best" Co', 'delta Shop', 'Echo Cafe'];
    const ids: string[] = [];
    t.clock.set(new Date('2027-07-01T00:00:00Z'), true);
    try {
      const session = await login(t, d.email);
      for (const [i, name] of names.entries()) {
        const r = await addCustomer(session, {
          name,
          email: `${String.fromCharCode(122 - i)}${tag}@list.test`,
          language: 'ja',
          timeZone: 'Asia/Tokyo',
          temporaryPassword: PASSWORD,
        });
        ids.push(r.body.id);
        t.clock.advance(60_000);
      }
      return { session, ids, tag };
    } finally {
      t.clock.set(null);
    }
  }

  it('pages, sorts and searches (partial, case-insensitive, name and e-mail)', async () => {
    const { session: d, ids, tag } = await fiveCustomers();
    const get = (q: Record<string, unknown>) =>
      t.http.get('/api/customers').set(bearer(d.accessToken)).query(q);

    const byDefault = await get({});
    expect(byDefault.body).toMatchObject({ total: 5, page: 1, pageSize: 20 });
    expect(byDefault.body.items.map((c: { id: string }) => c.id)).toEqual([...ids].reverse()); // newest first

    const page2 = await get({ sort: 'createdAt', order: 'asc', page: 2, pageSize: 2 });
    expect(page2.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.body.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[3]]);
    expect((await get({ page: 4, pageSize: 2 })).body.items).toEqual([]);

    const byName = await get({ sort: 'name', order: 'asc' });
    expect(byName.body.items.map((c: { name: string }) => c.name)).toEqual([
      'alpha Works',
      'Bravo, "Best" Co',
      'Charlie Foods',
      'delta Shop',
      'Echo Cafe',
    ]);
    const byEmailDesc = await get({ sort: 'email', order: 'desc' });
    expect(byEmailDesc.body.items.map((c: { id: string }) => c.id)).toEqual(ids); // z-, y-, x-, …

    expect((await get({ search: 'ALPHA' })).body.items.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
    expect((await get({ search: `Y${tag}@LIST` })).body.items.map((c: { id: string }) => c.id)).toEqual([
      ids[1],
    ]);
    expect((await get({ search: 'r' })).body.total).toBe(3);
    expect(
      (await get({ search: 'r', sort: 'name', pageSize: 2 })).body.items.map((c: { id: string }) => c.id),
    ).toEqual([ids[1], ids[2]]);
    expect((await get({ search: '%' })).body.total).toBe(0); // wildcards are literal
    expect((await get({ search: '_' })).body.total).toBe(0);

    for (const [q, field] of [
      [{ sort: 'password' }, 'sort'],
      [{ order: 'up' }, 'order'],
      [{ page: 0 }, 'page'],
      [{ page: 'x' }, 'page'],
      [{ pageSize: 101 }, 'pageSize'],
      [{ search: 'x'.repeat(101) }, 'search'],
    ] as const) {
      const r = await get(q);
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(new RegExp(`^${field}:`));
    }
  });

  it('exports the same list as CSV (UTF-8 with BOM, quoted)', async () => {
    const { session, ids } = await fiveCustomers();
    const r = await t.http
      .get('/api/customers/export.csv')
      .set(bearer(session.accessToken))
      .query({ sort: 'name', order: 'asc', search: 'r' })
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="customers-\d{8}\.csv"/);
    const buf = r.body as Buffer;
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buf.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'id,name,email,language,timeZone,createdAt,firstAssignedAt,handoverPending,initialPasswordPending,deactivatedAt',
    );
    const body = lines.slice(1).filter(Boolean);
    expect(body[1]).toContain(`${ids[2]},"Bravo, ""Best"" Co",`);
    expect(body.map((l) => l.split(',')[0])).toEqual([ids[1], ids[2], ids[0]]); // an "r" in the name
  });

  it('detail of an own customer; another dealer gets 404', async () => {
    const d = await apiDealer(t);
    const other = await apiDealer(t);
    const c = await apiCustomer(t, d.session, { language: 'en', timeZone: 'America/New_York' });
    const r = await t.http.get(`/api/customers/${c.id}`).set(bearer(d.session.accessToken));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: c.id,
      email: c.email,
      name: 'Aoba Bakery',
      language: 'en',
      timeZone: 'America/New_York',
      handoverPending: true,
      initialPasswordPending: false,
      emailEditable: true,
    });
    expect((await t.http.get(`/api/customers/${c.id}`).set(bearer(other.session.accessToken))).status).toBe(
      404,
    );
    expect((await t.http.get(`/api/customers/nope`).set(bearer(d.session.accessToken))).status).toBe(404);
    const list = await t.http.get('/api/customers').set(bearer(other.session.accessToken));
    expect(list.body.total).toBe(0);
  });
});
