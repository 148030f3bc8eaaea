import { describe, expect, it } from '@jest/globals';
import { ErrorCode, LOCKOUT } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer, PASSWORD, type Made } from './harness.js';
import { signIn, useTestApp } from './support/index.js';
import { deviceAuth, licenses, recorderSpec, register } from './device-helpers.js';
import { mailbox } from './account-helpers.js';

const t = useTestApp();

const token = signIn(t);
const DAY = 86_400_000;

/** A customer with a 2-camera recorder, 3 licenses of 12 months (2 bound, 1 in the pool). */
async function equipped() {
  const m = await makeDealerAndCustomer(t);
  const d = await register(t, m.customerEmail, recorderSpec([1, 2]));
  const l = await licenses(t, m);
  await l.assign(3);
  return { m, d, l };
}

const licenseStates = async (customerId: string) =>
  (
    (await t.ds.query(`SELECT state FROM license WHERE customer_id = $1 ORDER BY state`, [
      customerId,
    ])) as Array<{
      state: string;
    }>
  ).map((r) => r.state);

const deactivate = (accessToken: string, body: Record<string, unknown>) =>
  t.http.post('/api/account/deactivate').set(bearer(accessToken)).send(body);

async function proxyToken(m: Made) {
  return t.http
    .post('/api/proxy-sessions')
    .set(bearer(await token(m.ownerEmail)))
    .send({ customerId: m.customerId, reason: 'support call' });
}

describe('GET /api/account/deactivation-impact', () => {
  it('counts live devices, cameras, valid licenses (bound and pooled) and their remaining days', async () => {
    const { m } = await equipped();
    const at = await token(m.customerEmail);
    const before = await t.http.get('/api/account/deactivation-impact').set(bearer(at));
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ devices: 1, cameras: 2, licenses: 3, sharedUsers: 0 });
    const days = before.body.daysForfeited as number;
    // Three licenses of about a year each (plus any free period).
    expect(days).toBeGreaterThanOrEqual(3 * 365);
    // Ten days later, ten days fewer on each of the three.
    t.clock.set(new Date(t.clock.now().getTime() + 10 * DAY), true);
    const later = await t.http
      .get('/api/account/deactivation-impact')
      .set(bearer(await token(m.customerEmail)));
    expect(later.body.daysForfeited).toBe(days - 30);
  });

  it('is for customers only and not inside a proxy session', async () => {
    const m = await makeDealerAndCustomer(t);
    expect(
      (await t.http.get('/api/account/deactivation-impact').set(bearer(await token(m.ownerEmail)))).status,
    ).toBe(403);
    const p = await proxyToken(m);
    expect(p.status).toBe(201);
    const r = await t.http.get('/api/account/deactivation-impact').set(bearer(p.body.accessToken));
    expect(r.status).toBe(403);
    expect(r.body.code).toBe(ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION);
    expect((await t.http.get('/api/account/deactivation-impact')).status).toBe(401);
  });
});

describe('POST /api/account/deactivate', () => {
  it('refuses a wrong password (400 400224) and changes nothing; failures count towards the lockout', async () => {
    const { m, d } = await equipped();
    const at = await token(m.customerEmail);
    const r = await deactivate(at, { password: 'Wrong!pass2026' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(ErrorCode.INVALID_CREDENTIALS);
    expect(await licenseStates(m.customerId)).toEqual(['assigned', 'bound', 'bound']);
    const [c] = await t.ds.query(`SELECT deactivated_at FROM customer WHERE id = $1`, [m.customerId]);
    expect(c.deactivated_at).toBeNull();
    expect((await t.http.get('/api/device/entitlements').set(deviceAuth(d.credential))).status).toBe(200);
    for (let i = 1; i < LOCKOUT.maxFailures - 1; i++) {
      expect((await deactivate(at, { password: 'Wrong!pass2026' })).status).toBe(400);
    }
    const locked = await deactivate(at, { password: 'Wrong!pass2026' });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe(ErrorCode.ACCOUNT_LOCKED);
    expect((await deactivate(at, { password: PASSWORD })).status).toBe(423);
    expect(await licenseStates(m.customerId)).toEqual(['assigned', 'bound', 'bound']);
  });

  it('validates the questionnaire (400 naming the field)', async () => {
    const m = await makeDealerAndCustomer(t);
    const at = await token(m.customerEmail);
    const bad = await deactivate(at, { password: PASSWORD, reasons: ['bored'] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('reasons');
    const long = await deactivate(at, { password: PASSWORD, comment: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
    expect(long.body.message).toContain('comment');
    expect((await deactivate(at, {})).status).toBe(400);
  });

  it('voids every license, deletes devices, ends sessions, and locks the customer out of everything', async () => {
    const { m, d, l } = await equipped();
    const shared = (await t.ds.query(
      `INSERT INTO app_user (role, email, name, password_hash, language, customer_id, created_at, updated_at)
       SELECT 'shared_user', 'sh-' || email, 'Shared', password_hash, 'ja', customer_id, created_at, updated_at
         FROM app_user WHERE id = $1 RETURNING id, email`,
      [m.customerUserId],
    )) as Array<{ id: string; email: string }>;
    const [{ entitlements_version: v0 }] = await t.ds.query(
      `SELECT entitlements_version FROM device WHERE id = $1`,
      [d.deviceId],
    );
    const session = await login(t, m.customerEmail);
    const other = await login(t, m.customerEmail);
    const proxy = await proxyToken(m);
    expect(proxy.status).toBe(201);
    await t.ds.query(
      `INSERT INTO device_command (device_id, kind, created_at) VALUES ($1, 'restart', now())`,
      [d.deviceId],
    );

    const [link] = await t.ds.query(
      `INSERT INTO maintenance_link (customer_id, dealer_id, all_devices, created_at, updated_at)
       VALUES ($1, $2, true, now(), now()) RETURNING id`,
      [m.customerId, m.dealerId],
    );

    const r = await deactivate(session.accessToken, {
      password: PASSWORD,
      reasons: ['price', 'other'],
      comment: 'Moving away',
    });
    expect(r.status).toBe(204);

    expect(await licenseStates(m.customerId)).toEqual(['void', 'void', 'void']);
    const [dev] = await t.ds.query(`SELECT deleted_at, entitlements_version FROM device WHERE id = $1`, [
      d.deviceId,
    ]);
    expect(dev.deleted_at).not.toBeNull();
    expect(Number(dev.entitlements_version)).toBeGreaterThan(Number(v0));
    const cams = (await t.ds.query(`SELECT deleted_at FROM camera WHERE device_id = $1`, [
      d.deviceId,
    ])) as Array<{
      deleted_at: Date | null;
    }>;
    expect(cams.every((c) => c.deleted_at !== null)).toBe(true);
    const [cmd] = await t.ds.query(`SELECT status FROM device_command WHERE device_id = $1`, [d.deviceId]);
    expect(cmd.status).toBe('cancelled');
    expect((await t.http.get('/api/device/entitlements').set(deviceAuth(d.credential))).status).toBe(401);
    const [removed] = await t.ds.query(`SELECT removed_at FROM maintenance_link WHERE id = $1`, [link.id]);
    expect(removed.removed_at).not.toBeNull();
    // The holder stays as an inactive row; shared users are deleted (SPEC §2, issue 13).
    const users = (await t.ds.query(`SELECT role, active FROM app_user WHERE customer_id = $1`, [
      m.customerId,
    ])) as Array<{
      role: string;
      active: boolean;
    }>;
    expect(users).toEqual([{ role: 'customer', active: false }]);

    // Sessions end: access tokens refused, refresh refused, sign-in refused (also the shared user).
    expect((await t.http.get('/api/auth/me').set(bearer(other.accessToken))).status).toBe(401);
    expect((await t.http.get('/api/auth/me').set(bearer(proxy.body.accessToken))).status).toBe(401);
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: other.refreshToken })).status).toBe(
      401,
    );
    expect(
      (await t.http.post('/api/auth/login').send({ login: m.customerEmail, password: PASSWORD })).status,
    ).toBe(401);
    expect(
      (await t.http.post('/api/auth/login').send({ login: shared[0].email, password: PASSWORD })).status,
    ).toBe(401);
    // A second call cannot happen: the session is gone.
    expect((await deactivate(session.accessToken, { password: PASSWORD })).status).toBe(401);

    // The dealer can neither assign to it nor open a proxy session; the list shows the date.
    const assign = await t.http
      .post('/api/assignments')
      .set(bearer(await token(m.ownerEmail)))
      .send({ customerId: m.customerId, skuCode: l.sku.code, quantity: 1 });
    expect(assign.status).toBe(409);
    expect(assign.body.code).toBe(ErrorCode.CUSTOMER_DEACTIVATED);
    // A deactivated customer is gone for proxy sessions (404, as for another dealer's customer).
    expect((await proxyToken(m)).status).toBe(404);
    const detail = await t.http.get(`/api/customers/${m.customerId}`).set(bearer(await token(m.ownerEmail)));
    expect(detail.body.deactivatedAt).toEqual(expect.any(String));

    const [audit] = await t.ds.query(
      `SELECT after FROM audit_log WHERE action = 'customer.deactivated' AND target_id = $1`,
      [m.customerId],
    );
    expect(audit.after).toMatchObject({
      reasons: ['price', 'other'],
      comment: 'Moving away',
      licenses: 3,
      devices: 1,
    });
  });

  it('e-mails the customer in its language and the selling dealer in the owner’s', async () => {
    const { m } = await equipped();
    await deactivate(await token(m.customerEmail), { password: PASSWORD, reasons: ['switching'] }).expect(
      204,
    );
    const [toCustomer] = await mailbox(t, m.customerEmail, 'customer-deactivated');
    expect(toCustomer.language).toBe('ja');
    expect(toCustomer.text).toContain('退会');
    expect(toCustomer.text).toContain('3 件');
    const [toDealer] = await mailbox(t, `${m.loginId}@dealer.test`, 'customer-deactivated-dealer');
    expect(toDealer.language).toBe('en');
    expect(toDealer.text).toContain('Customer Co');
    expect(toDealer.text).toContain('switching');
  });

  it('is refused inside a proxy session, for dealers, and leaves other customers alone', async () => {
    const { m } = await equipped();
    const p = await proxyToken(m);
    const r = await deactivate(p.body.accessToken, { password: PASSWORD });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe(ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION);
    expect((await deactivate(await token(m.ownerEmail), { password: PASSWORD })).status).toBe(403);
    expect(await licenseStates(m.customerId)).toEqual(['assigned', 'bound', 'bound']);

    // Another customer deactivating touches only itself.
    const other = await makeDealerAndCustomer(t);
    await deactivate(await token(other.customerEmail), { password: PASSWORD }).expect(204);
    expect(await licenseStates(m.customerId)).toEqual(['assigned', 'bound', 'bound']);
    const [c] = await t.ds.query(`SELECT deactivated_at FROM customer WHERE id = $1`, [m.customerId]);
    expect(c.deactivated_at).toBeNull();
    expect((await login(t, m.customerEmail)).accessToken).toEqual(expect.any(String));
  });
});
