import { describe, expect, it } from '@jest/globals';
import { ErrorCode, LOCKOUT } from '@lc/shared';
import { bearer, makeDealerAndCustomer, PASSWORD } from './harness.js';
import { signIn, useTestApp } from './support/index.js';
import { boundMap, deviceAuth, directSpec, licenses, recorderSpec, register } from './device-helpers.js';

const t = useTestApp();

const token = signIn(t);

describe('POST /api/device/register', () => {
  it('registers a recorder with its cameras; the same serial again is idempotent with a new credential', async () => {
    const m = await makeDealerAndCustomer(t);
    const spec = recorderSpec([1, 2]);
    const a = await register(t, m.customerEmail, spec);
    expect(a.deviceId).toEqual(expect.any(String));
    expect(a.credential).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.cameras.map((c) => c.channel)).toEqual([1, 2]);
    const [stored] = await t.ds.query(`SELECT credential_hash FROM device WHERE id = $1`, [a.deviceId]);
    expect(stored.credential_hash).not.toContain(a.credential);

    const b = await register(t, m.customerEmail, {
      ...spec,
      cameras: [...spec.cameras, { channel: 3, model: 'X' }],
    });
    expect(b.deviceId).toBe(a.deviceId);
    expect(b.cameras.slice(0, 2)).toEqual(a.cameras);
    expect(b.cameras).toHaveLength(3);
    expect(b.credential).not.toBe(a.credential);
    // The old credential no longer works; the new one does.
    expect((await t.http.get('/api/device/entitlements').set(deviceAuth(a.credential))).status).toBe(401);
    expect((await t.http.get('/api/device/entitlements').set(deviceAuth(b.credential))).status).toBe(200);
  });

  it('refuses a wrong password (401 400224) and another customer’s serial (409)', async () => {
    const m = await makeDealerAndCustomer(t);
    const other = await makeDealerAndCustomer(t);
    const spec = recorderSpec([1]);
    const wrong = await t.http
      .post('/api/device/register')
      .send({ email: m.customerEmail, password: 'Wrong!pass2026', device: spec });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe(ErrorCode.INVALID_CREDENTIALS);
    await register(t, m.customerEmail, spec);
    const r = await t.http
      .post('/api/device/register')
      .send({ email: other.customerEmail, password: PASSWORD, device: spec });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe(ErrorCode.DEVICE_SERIAL_TAKEN);
  });

  it('counts wrong passwords towards the sign-in lockout and refuses a locked account (423)', async () => {
    const m = await makeDealerAndCustomer(t);
    const attempt = (password: string) =>
      t.http
        .post('/api/device/register')
        .send({ email: m.customerEmail, password, device: recorderSpec([1]) });
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++)
      expect((await attempt('Wrong!pass2026')).status).toBe(401);
    const locked = await attempt('Wrong!pass2026');
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe(ErrorCode.ACCOUNT_LOCKED);
    expect((await attempt(PASSWORD)).status).toBe(423);
  });

  it('allows at most 2 camera-direct cameras per customer', async () => {
    const m = await makeDealerAndCustomer(t);
    const first = await register(t, m.customerEmail, directSpec());
    expect(first.cameras).toEqual([{ id: expect.any(String), channel: 1 }]);
    await register(t, m.customerEmail, directSpec());
    const r = await t.http
      .post('/api/device/register')
      .send({ email: m.customerEmail, password: PASSWORD, device: directSpec() });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe(ErrorCode.DIRECT_CAMERA_LIMIT);
  });

  it('answers bad input with 400 naming the field, never 500', async () => {
    const m = await makeDealerAndCustomer(t);
    const r = await t.http
      .post('/api/device/register')
      .send({ email: m.customerEmail, password: PASSWORD, device: { ...recorderSpec(), type: 'toaster' } });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('type');
    const dup = await t.http
      .post('/api/device/register')
      .send({ email: m.customerEmail, password: PASSWORD, device: recorderSpec([1, 1]) });
    expect(dup.status).toBe(400);
    expect(dup.body.code).toBe(ErrorCode.DUPLICATE_CHANNEL);
  });
});

describe('device authentication', () => {
  it('accepts a known credential on device routes and refuses unknown ones', async () => {
    const m = await makeDealerAndCustomer(t);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const ok = await t.http
      .post('/api/device/heartbeat')
      .set(deviceAuth(d.credential))
      .send({ status: 'normal' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ commands: [], entitlementsVersion: expect.any(Number) });
    const bad = await t.http.post('/api/device/heartbeat').set(deviceAuth('nope')).send({ status: 'normal' });
    expect(bad.status).toBe(401);
    const none = await t.http.post('/api/device/heartbeat').send({ status: 'normal' });
    expect(none.status).toBe(401);
    // A user token is not a device.
    const user = await t.http.get('/api/device/entitlements').set(bearer(await token(m.customerEmail)));
    expect(user.status).toBe(403);
  });
});

describe('automatic binding (SPEC §2)', () => {
  it('binds the earliest-ending license first and skips "do not license" cameras', async () => {
    const m = await makeDealerAndCustomer(t);
    const long = await licenses(t, m, 'edge', 36);
    const short = await licenses(t, m, 'edge', 12);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    const [longId] = await long.assign(1);
    const [shortId] = await short.assign(1);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    let bound = await boundMap(t, m.customerId);
    expect(bound.get(d.cameras[0].id)).toBe(shortId);

    // A camera marked "do not license" is skipped; unmarking binds it.

    // The next camera takes the remaining (longer) license.
    const ctok = await token(m.customerEmail);
    const d2 = await register(t, m.customerEmail, recorderSpec([1]));
    expect((await boundMap(t, m.customerId)).get(d2.cameras[0].id)).toBe(longId);
    const d3 = await register(t, m.customerEmail, recorderSpec([1]));
    const cam3 = d3.cameras[0].id;
    const mark = await t.http.patch(`/api/cameras/${cam3}`).set(bearer(ctok)).send({ doNotLicense: true });
    expect(mark.status).toBe(200);
    expect(mark.body.doNotLicense).toBe(true);
    await long.assign(1);
    bound = await boundMap(t, m.customerId);
    expect(bound.has(cam3)).toBe(false);
    const unmark = await t.http.patch(`/api/cameras/${cam3}`).set(bearer(ctok)).send({ doNotLicense: false });
    expect(unmark.body.licensed).toBe(true);
    expect((await boundMap(t, m.customerId)).has(cam3)).toBe(true);
  });

  it('serves cameras by lapse time, then registration order, when the pool is short', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m, 'edge', 12);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    const a = await register(t, m.customerEmail, recorderSpec([1]));
    t.clock.advance(60_000);
    const b = await register(t, m.customerEmail, recorderSpec([1]));
    t.clock.advance(60_000);
    const c = await register(t, m.customerEmail, recorderSpec([1]));
    // Camera c lapsed earliest: give it a license that ended before the others registered.
    await t.ds.query(`UPDATE camera SET lapsed_at = '2026-01-01T00:00:00Z' WHERE id = $1`, [c.cameras[0].id]);
    await l.assign(2);
    const bound = await boundMap(t, m.customerId);
    expect(bound.has(c.cameras[0].id)).toBe(true);
    expect(bound.has(a.cameras[0].id)).toBe(true);
    expect(bound.has(b.cameras[0].id)).toBe(false);
  });

  it('binds only licenses of the camera’s kind', async () => {
    const m = await makeDealerAndCustomer(t);
    const direct = await licenses(t, m, 'direct');
    await direct.assign(1);
    const rec = await register(t, m.customerEmail, recorderSpec([1]));
    const cam = await register(t, m.customerEmail, directSpec());
    const bound = await boundMap(t, m.customerId);
    expect(bound.has(rec.cameras[0].id)).toBe(false);
    expect(bound.has(cam.cameras[0].id)).toBe(true);
  });
});

describe('GET /api/devices', () => {
  it('shows the customer its tree with license status; its dealer read-only; others nothing', async () => {
    const m = await makeDealerAndCustomer(t);
    const other = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    await l.assign(1);
    const d = await register(t, m.customerEmail, recorderSpec([1, 2]));
    const r = await t.http.get('/api/devices').set(bearer(await token(m.customerEmail)));
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(1);
    expect(r.body[0].id).toBe(d.deviceId);
    const [c1, c2] = r.body[0].cameras;
    expect(c1).toMatchObject({
      channel: 1,
      licensed: true,
      endsAt: '2027-12-31T14:59:59.999Z',
      lapsed: false,
    });
    expect(c1.daysLeft).toBeGreaterThan(365);
    expect(c2).toMatchObject({ channel: 2, licensed: false, lapsed: true, endsAt: null });
    expect(c2.capabilities.remoteLive).toBe(false);

    const dealer = await t.http
      .get('/api/devices')
      .query({ customerId: m.customerId })
      .set(bearer(l.dealerToken));
    expect(dealer.status).toBe(200);
    expect(dealer.body[0].id).toBe(d.deviceId);
    const foreign = await t.http
      .get('/api/devices')
      .query({ customerId: m.customerId })
      .set(bearer(await token(other.ownerEmail)));
    expect(foreign.status).toBe(404);
    const otherCustomer = await t.http
      .get(`/api/cameras/${c1.id}`)
      .set(bearer(await token(other.customerEmail)));
    expect(otherCustomer.status).toBe(404);
  });
});
