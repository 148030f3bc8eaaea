import { describe, expect, it } from '@jest/globals';
import { ErrorCode, type EntitlementsDocument } from '@lc/shared';
import { verifyEntitlements } from '../src/devices/entitlements-signature.js';
import { bearer, makeDealerAndCustomer, PASSWORD } from './harness.js';
import { signIn, useTestApp } from './support/index.js';
import { boundMap, deviceAuth, directSpec, licenses, recorderSpec, register } from './device-helpers.js';

const t = useTestApp();

const token = signIn(t);
const LAPSED_ONLY = {
  hdmiLive: true,
  hdmiPlayback: true,
  hdmiEvents: true,
  sdExport: true,
  edgeRecording: false,
  remoteLive: false,
  remotePlayback: false,
  remoteNotification: false,
  remoteMaintenance: false,
};

async function entitlements(credential: string): Promise<EntitlementsDocument> {
  const r = await t.http.get('/api/device/entitlements').set(deviceAuth(credential));
  expect(r.status).toBe(200);
  return r.body as EntitlementsDocument;
}

describe('POST /api/licenses/:id/transfer', () => {
  it('moves a bound license to another camera keeping ends_at, audited with reason and actor', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    const [licenseId] = await l.assign(1);
    const d = await register(t, m.customerEmail, recorderSpec([1, 2]));
    const [a, b] = d.cameras.map((c) => c.id);
    expect((await boundMap(t, m.customerId)).get(a)).toBe(licenseId);
    const before = await entitlements(d.credential);

    const r = await t.http
      .post(`/api/licenses/${licenseId}/transfer`)
      .set(bearer(await token(m.customerEmail)))
      .send({ toCameraId: b, doNotLicenseSource: true, reason: 'camera moved' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: licenseId,
      state: 'bound',
      cameraId: b,
      endsAt: '2027-12-31T14:59:59.999Z',
    });
    const [src] = await t.ds.query(`SELECT do_not_license FROM camera WHERE id = $1`, [a]);
    expect(src.do_not_license).toBe(true);
    const [audit] = await t.ds.query(
      `SELECT reason, actor_user_id FROM audit_log WHERE action = 'licenses.transferred' AND target_id = $1`,
      [licenseId],
    );
    expect(audit).toEqual({ reason: 'camera moved', actor_user_id: m.customerUserId });
    const after = await entitlements(d.credential);
    expect(after.payload.version).toBeGreaterThan(before.payload.version);
    expect(after.payload.cameras.find((c) => c.cameraId === b)?.licensed).toBe(true);
    expect(after.payload.cameras.find((c) => c.cameraId === a)?.licensed).toBe(false);
  });

  it('refuses a kind mismatch, a licensed target and another customer’s camera', async () => {
    const m = await makeDealerAndCustomer(t);
    const other = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    const [x, y] = await l.assign(2);
    const rec = await register(t, m.customerEmail, recorderSpec([1, 2]));
    const direct = await register(t, m.customerEmail, directSpec());
    const foreign = await register(t, other.customerEmail, recorderSpec([1]));
    const bound = await boundMap(t, m.customerId);
    const [a, b] = rec.cameras.map((c) => c.id);
    expect(new Set([bound.get(a), bound.get(b)])).toEqual(new Set([x, y]));
    const ctok = await token(m.customerEmail);
    const move = (to: string) =>
      t.http
        .post(`/api/licenses/${bound.get(a)}/transfer`)
        .set(bearer(ctok))
        .send({ toCameraId: to });

    const kind = await move(direct.cameras[0].id);
    expect(kind.status).toBe(409);
    expect(kind.body.code).toBe(ErrorCode.LICENSE_KIND_MISMATCH);
    const busy = await move(b);
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe(ErrorCode.CAMERA_ALREADY_LICENSED);
    expect((await move(foreign.cameras[0].id)).status).toBe(404);
    // Another customer cannot move this customer's license.
    const theirs = await t.http
      .post(`/api/licenses/${bound.get(a)}/transfer`)
      .set(bearer(await token(other.customerEmail)))
      .send({ toCameraId: foreign.cameras[0].id });
    expect(theirs.status).toBe(404);
  });
});

describe('device deletion and exchange', () => {
  it('reports the impact, needs the password, voids the bound licenses for good', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    const ids = await l.assign(2);
    const d = await register(t, m.customerEmail, recorderSpec([1, 2]));
    const ctok = await token(m.customerEmail);
    const impact = await t.http.get(`/api/devices/${d.deviceId}/deletion-impact`).set(bearer(ctok));
    expect(impact.status).toBe(200);
    // 2026-11-22T01:00Z → 2027-12-31T14:59:59.999Z: 404 days and a part, rounded up.
    expect(impact.body).toEqual({ licenses: 2, daysForfeited: 2 * 405 });

    const wrong = await t.http
      .delete(`/api/devices/${d.deviceId}`)
      .set(bearer(ctok))
      .send({ password: 'Wrong!pass2026' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe(ErrorCode.INVALID_CREDENTIALS);
    const del = await t.http
      .delete(`/api/devices/${d.deviceId}`)
      .set(bearer(ctok))
      .send({ password: PASSWORD });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ licenses: 2, daysForfeited: 810 });
    const states = await t.ds.query(`SELECT state FROM license WHERE id = ANY($1::uuid[])`, [ids]);
    expect(states.map((s: { state: string }) => s.state)).toEqual(['void', 'void']);
    // The credential is dead, the device gone from the tree, and a new camera does not reuse the licenses.
    expect((await t.http.get('/api/device/entitlements').set(deviceAuth(d.credential))).status).toBe(401);
    expect((await t.http.get('/api/devices').set(bearer(ctok))).body).toEqual([]);
    const again = await register(t, m.customerEmail, recorderSpec([1]));
    expect((await boundMap(t, m.customerId)).has(again.cameras[0].id)).toBe(false);
  });

  it('refuses deletion in a proxy session', async () => {
    const m = await makeDealerAndCustomer(t);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const p = await t.http
      .post('/api/proxy-sessions')
      .set(bearer(await token(m.ownerEmail)))
      .send({ customerId: m.customerId, reason: 'support call' });
    expect(p.status).toBe(201);
    const r = await t.http
      .delete(`/api/devices/${d.deviceId}`)
      .set(bearer(p.body.accessToken))
      .send({ password: PASSWORD });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe(ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION);
  });

  it('exchange moves the bindings channel by channel to the replacement', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    await l.assign(2);
    const old = await register(t, m.customerEmail, recorderSpec([1, 2]));
    const before = await boundMap(t, m.customerId);
    const ctok = await token(m.customerEmail);
    const spec = recorderSpec([1, 2]);
    const r = await t.http
      .post(`/api/devices/${old.deviceId}/exchange`)
      .set(bearer(ctok))
      .send({ serial: spec.serial, model: spec.model, mac: spec.mac, firmware: spec.firmware });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ replacedDeviceId: old.deviceId, movedLicenses: 2 });
    const after = await boundMap(t, m.customerId);
    for (const ch of [1, 2]) {
      const oldCam = old.cameras.find((c) => c.channel === ch)!.id;
      const newCam = (r.body.cameras as Array<{ id: string; channel: number }>).find(
        (c) => c.channel === ch,
      )!.id;
      expect(after.get(newCam)).toBe(before.get(oldCam));
      expect(after.has(oldCam)).toBe(false);
    }
    const [o] = await t.ds.query(`SELECT replaced_by_device_id, deleted_at FROM device WHERE id = $1`, [
      old.deviceId,
    ]);
    expect(o.replaced_by_device_id).toBe(r.body.deviceId);
    expect((await t.http.get('/api/device/entitlements').set(deviceAuth(old.credential))).status).toBe(401);
    const doc = await entitlements(r.body.credential);
    expect(doc.payload.cameras.every((c) => c.licensed)).toBe(true);
  });
});

describe('exchange edge cases and camera settings', () => {
  it('a channel the replacement lacks returns its license to the pool, where another camera takes it', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    await l.assign(2);
    const old = await register(t, m.customerEmail, recorderSpec([1, 2]));
    const waiting = await register(t, m.customerEmail, recorderSpec([1]));
    expect((await boundMap(t, m.customerId)).has(waiting.cameras[0].id)).toBe(false);
    const spec = recorderSpec([1]);
    const r = await t.http
      .post(`/api/devices/${old.deviceId}/exchange`)
      .set(bearer(await token(m.customerEmail)))
      .send({
        serial: spec.serial,
        model: spec.model,
        mac: spec.mac,
        firmware: spec.firmware,
        cameras: spec.cameras,
      });
    expect(r.status).toBe(201);
    expect(r.body.movedLicenses).toBe(1);
    const bound = await boundMap(t, m.customerId);
    expect(bound.size).toBe(2);
    expect(bound.has(r.body.cameras[0].id)).toBe(true);
    expect(bound.has(waiting.cameras[0].id)).toBe(true);
  });

  it('a camera-direct device is exchanged within the limit; the serial of another customer is refused', async () => {
    const m = await makeDealerAndCustomer(t);
    const other = await makeDealerAndCustomer(t);
    const l = await licenses(t, m, 'direct');
    const [licenseId] = await l.assign(1);
    const a = await register(t, m.customerEmail, directSpec());
    await register(t, m.customerEmail, directSpec());
    const taken = await register(t, other.customerEmail, directSpec());
    const ctok = await token(m.customerEmail);
    const foreignSerial = (await t.ds.query(`SELECT serial FROM device WHERE id = $1`, [taken.deviceId]))[0]
      .serial as string;
    const spec = directSpec();
    const refused = await t.http
      .post(`/api/devices/${a.deviceId}/exchange`)
      .set(bearer(ctok))
      .send({ serial: foreignSerial, model: spec.model, mac: spec.mac, firmware: spec.firmware });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe(ErrorCode.DEVICE_SERIAL_TAKEN);
    const r = await t.http
      .post(`/api/devices/${a.deviceId}/exchange`)
      .set(bearer(ctok))
      .send({ serial: spec.serial, model: spec.model, mac: spec.mac, firmware: spec.firmware });
    expect(r.status).toBe(201);
    expect((await boundMap(t, m.customerId)).get(r.body.cameras[0].id)).toBe(licenseId);
  });

  it('renames a camera (at most 20 characters)', async () => {
    const m = await makeDealerAndCustomer(t);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const ctok = await token(m.customerEmail);
    const ok = await t.http
      .patch(`/api/cameras/${d.cameras[0].id}`)
      .set(bearer(ctok))
      .send({ name: '玄関カメラ' });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe('玄関カメラ');
    const long = await t.http
      .patch(`/api/cameras/${d.cameras[0].id}`)
      .set(bearer(ctok))
      .send({ name: 'x'.repeat(21) });
    expect(long.status).toBe(400);
    expect(long.body.message).toContain('name');
  });
});

describe('the database refuses double binding', () => {
  it('a second bound license on one camera is a unique violation (23505)', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    const [x, y] = await l.assign(2);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const cam = d.cameras[0].id;
    const bound = await boundMap(t, m.customerId);
    expect(bound.get(cam)).toBe(x);
    expect(y).toBeDefined();
    await expect(
      t.ds.query(`UPDATE license SET state = 'bound', camera_id = $1 WHERE id = $2`, [cam, y]),
    ).rejects.toMatchObject({ driverError: { code: '23505' } });
  });

  it('parallel assignments and registrations never bind twice and leave no free pair', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    await Promise.all([
      ...Array.from({ length: 10 }, () => l.assign(1)),
      ...Array.from({ length: 6 }, () => register(t, m.customerEmail, recorderSpec([1, 2]))),
    ]);
    const [r] = await t.ds.query(
      `SELECT count(*)::int AS bound, count(DISTINCT camera_id)::int AS cameras FROM license
        WHERE customer_id = $1 AND state = 'bound'`,
      [m.customerId],
    );
    expect(r).toEqual({ bound: 10, cameras: 10 });
    const [pool] = await t.ds.query(
      `SELECT count(*)::int AS n FROM license WHERE customer_id = $1 AND state = 'assigned'`,
      [m.customerId],
    );
    expect(pool.n).toBe(0);
  });
});

describe('entitlements (SPEC §3, §7)', () => {
  it('are signed with the published key; a tampered payload fails', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    await l.assign(1);
    const d = await register(t, m.customerEmail, recorderSpec([1, 2]));
    const doc = await entitlements(d.credential);
    expect(Object.keys(doc.payload)).toEqual(['deviceId', 'issuedAt', 'version', 'cameras']);
    expect(doc.payload.cameras).toHaveLength(2);
    const keys = (await t.http.get('/api/device/keys')).body as Array<{
      keyId: string;
      publicKeyPem: string;
    }>;
    const key = keys.find((k) => k.keyId === doc.keyId)!;
    expect(verifyEntitlements(doc, key.publicKeyPem)).toBe(true);
    const tampered = structuredClone(doc);
    tampered.payload.cameras[1].licensed = !tampered.payload.cameras[1].licensed;
    expect(verifyEntitlements(tampered, key.publicKeyPem)).toBe(false);
  });

  it('lapse when ends_at passes, and come back with a new assignment under a higher version', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    await l.assign(1);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const licensed = await entitlements(d.credential);
    expect(licensed.payload.cameras[0]).toMatchObject({
      licensed: true,
      validUntil: '2027-12-31T14:59:59.999Z',
      capabilities: { edgeRecording: true, remoteLive: true, remoteMaintenance: true },
    });

    t.clock.set(new Date('2028-01-01T00:00:00Z'), true);
    const lapsed = await entitlements(d.credential);
    expect(lapsed.payload.cameras[0]).toEqual({
      cameraId: d.cameras[0].id,
      licensed: false,
      validUntil: null,
      capabilities: LAPSED_ONLY,
    });

    await l.assign(1);
    const restored = await entitlements(d.credential);
    expect(restored.payload.cameras[0].licensed).toBe(true);
    expect(restored.payload.cameras[0].capabilities.remoteLive).toBe(true);
    expect(restored.payload.version).toBeGreaterThan(lapsed.payload.version);
    const [cam] = await t.ds.query(`SELECT lapsed_at FROM camera WHERE id = $1`, [d.cameras[0].id]);
    expect(cam.lapsed_at).toBeNull();
  });
});

describe('expiry-sweep (SPEC §2 auto-assign on expiry)', () => {
  it('binds the waiting renewal to the camera whose license ended', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    const [first] = await l.assign(1);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const cam = d.cameras[0].id;
    t.clock.set(new Date('2027-11-01T00:00:00Z'), true);
    const [renewal] = await l.assign(1);
    expect((await boundMap(t, m.customerId)).get(cam)).toBe(first);
    const before = await entitlements(d.credential);

    t.clock.set(new Date('2028-01-01T00:00:00Z'), true);
    const run = await t.http.post('/api/dev/jobs/expiry-sweep/run');
    expect(run.status).toBe(200);
    expect(run.body.run).toMatchObject({ outcome: 'succeeded', counts: { bound: 1 } });
    expect((await boundMap(t, m.customerId)).get(cam)).toBe(renewal);
    const [old] = await t.ds.query(`SELECT state FROM license WHERE id = $1`, [first]);
    expect(old.state).toBe('expired');
    const after = await entitlements(d.credential);
    expect(after.payload.cameras[0]).toMatchObject({
      licensed: true,
      validUntil: '2028-12-31T14:59:59.999Z',
    });
    expect(after.payload.version).toBeGreaterThan(before.payload.version);
  });
});

describe('device commands', () => {
  it('queues a restart for the next heartbeat (once) and a firmware update only for a future time', async () => {
    const m = await makeDealerAndCustomer(t);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    await (await licenses(t, m)).assign(1);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const ctok = await token(m.customerEmail);
    const send = (body: Record<string, unknown>) =>
      t.http.post(`/api/devices/${d.deviceId}/commands`).set(bearer(ctok)).send(body);
    const beat = async () =>
      (await t.http.post('/api/device/heartbeat').set(deviceAuth(d.credential)).send({ status: 'normal' }))
        .body.commands as Array<{ kind: string }>;

    expect((await send({ kind: 'restart' })).status).toBe(201);
    const past = await send({
      kind: 'firmware_update',
      at: '2026-11-22T00:00:00Z',
      payload: { version: '2.0' },
    });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe(ErrorCode.RESERVATION_IN_PAST);
    expect((await send({ kind: 'firmware_update' })).status).toBe(400);
    const fw = await send({
      kind: 'firmware_update',
      at: '2026-11-23T00:00:00Z',
      payload: { version: '2.0' },
    });
    expect(fw.status).toBe(201);

    expect((await beat()).map((c) => c.kind)).toEqual(['restart']);
    expect(await beat()).toEqual([]);
    t.clock.set(new Date('2026-11-23T00:00:01Z'), true);
    expect(await beat()).toEqual([
      expect.objectContaining({ kind: 'firmware_update', payload: { version: '2.0' } }),
    ]);
    const other = await makeDealerAndCustomer(t);
    const foreign = await t.http
      .post(`/api/devices/${d.deviceId}/commands`)
      .set(bearer(await token(other.customerEmail)))
      .send({ kind: 'restart' });
    expect(foreign.status).toBe(404);
  });
});

describe('liveness', () => {
  it('the device-liveness job marks a silent device; its next heartbeat brings it back', async () => {
    const m = await makeDealerAndCustomer(t);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const quiet = await register(t, m.customerEmail, recorderSpec([1]));
    t.clock.advance(4 * 60_000);
    await t.http.post('/api/device/heartbeat').set(deviceAuth(d.credential)).send({ status: 'normal' });
    t.clock.advance(2 * 60_000);
    const run = await t.http.post('/api/dev/jobs/device-liveness/run');
    expect(run.body.run).toMatchObject({
      outcome: 'succeeded',
      counts: { markedSilent: expect.any(Number) },
    });
    const status = async (id: string) =>
      ((await t.ds.query(`SELECT status FROM device WHERE id = $1`, [id])) as Array<{ status: string }>)[0]
        .status;
    expect(await status(quiet.deviceId)).toBe('communication_error');
    expect(await status(d.deviceId)).toBe('normal');

    await t.http.post('/api/device/heartbeat').set(deviceAuth(quiet.credential)).send({ status: 'normal' });
    expect(await status(quiet.deviceId)).toBe('normal');
    const events = await t.ds.query(
      `SELECT kind FROM device_connection_event WHERE device_id = $1 ORDER BY at, kind`,
      [quiet.deviceId],
    );
    expect(events.map((e: { kind: string }) => e.kind)).toEqual([
      'registered',
      'communication_error',
      'online',
    ]);
  });
});

describe('lapse time shown before the expiry sweep runs', () => {
  it('dates a camera whose license just ended by that license’s end, not by its registration', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    await l.assign(1);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const endsAt = '2027-12-31T14:59:59.999Z'; // 12 months after the free period, JST
    t.clock.set(new Date('2028-01-01T00:00:00Z'), true); // past ends_at, no sweep yet
    const tree = await t.http.get('/api/devices').set(bearer(await token(m.customerEmail)));
    const cam = tree.body[0].cameras.find((c: { id: string }) => c.id === d.cameras[0].id);
    expect(cam).toMatchObject({ licensed: false, lapsed: true, lapsedAt: endsAt, capabilities: LAPSED_ONLY });
  });
});
