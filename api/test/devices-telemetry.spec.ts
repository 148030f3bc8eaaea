import { describe, expect, it } from '@jest/globals';
import { DEVICE_LOG_RETENTION, ErrorCode } from '@lc/shared';
import { deviceAuth, licenses, recorderSpec, register, directSpec, boundMap } from './device-helpers.js';
import { bearer, login, makeDealerAndCustomer } from './harness.js';
import { useTestApp } from './support/index.js';

const t = useTestApp();

const beat = (credential: string, body: Record<string, unknown>) =>
  t.http.post('/api/device/heartbeat').set(deviceAuth(credential)).send(body);

describe('heartbeat telemetry', () => {
  it('stores events (with their camera) and logs, newest first, readable by the customer only', async () => {
    const m = await makeDealerAndCustomer(t);
    await (await licenses(t, m)).assign(2);
    const d = await register(t, m.customerEmail, recorderSpec([1, 2]));
    t.clock.set(new Date('2027-03-01T00:00:00Z'), true);
    const r = await beat(d.credential, {
      status: 'normal',
      events: [
        { type: 'motion', channel: 2, at: '2027-02-28T23:59:00.000Z', message: 'gate' },
        { type: 'alarm', at: '2099-01-01T00:00:00.000Z' },
      ],
      logs: [
        { kind: 'error', code: 'E12', message: 'disk warning', at: '2027-02-28T23:00:00.000Z' },
        { kind: 'access', message: 'viewer connected' },
      ],
    });
    expect(r.status).toBe(200);
    const token = (await login(t, m.customerEmail)).accessToken;

    const ev = await t.http.get('/api/events').set(bearer(token));
    expect(ev.status).toBe(200);
    expect(ev.body.total).toBe(2);
    // The alarm dated in the future is recorded at the server's now.
    expect(ev.body.items.map((e: { type: string; at: string }) => [e.type, e.at])).toEqual([
      ['alarm', '2027-03-01T00:00:00.000Z'],
      ['motion', '2027-02-28T23:59:00.000Z'],
    ]);
    expect(ev.body.items[1].cameraId).toBe(d.cameras.find((c) => c.channel === 2)!.id);
    expect(ev.body.items[1].channel).toBe(2);
    const motion = await t.http.get('/api/events').query({ type: 'motion' }).set(bearer(token));
    expect(motion.body.total).toBe(1);

    const logs = await t.http.get(`/api/devices/${d.deviceId}/logs`).set(bearer(token));
    expect(logs.status).toBe(200);
    expect(logs.body.items.map((l: { kind: string; code: string | null }) => [l.kind, l.code])).toEqual([
      ['access', null],
      ['error', 'E12'],
    ]);
    const errors = await t.http
      .get(`/api/devices/${d.deviceId}/logs`)
      .query({ kind: 'error' })
      .set(bearer(token));
    expect(errors.body.total).toBe(1);
    const csv = await t.http
      .get(`/api/devices/${d.deviceId}/logs`)
      .query({ format: 'csv' })
      .set(bearer(token));
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('disk warning');

    // Another customer sees none of it, not even by the device id.
    const other = await makeDealerAndCustomer(t);
    const ot = (await login(t, other.customerEmail)).accessToken;
    expect((await t.http.get(`/api/devices/${d.deviceId}/logs`).set(bearer(ot))).status).toBe(404);
    expect((await t.http.get('/api/events').set(bearer(ot))).body.total).toBe(0);
    expect((await t.http.get('/api/events').query({ deviceId: d.deviceId }).set(bearer(ot))).status).toBe(
      404,
    );
    // Issue 12 (seed 004 §1-1): the selling dealer no longer reads them with its own token —
    // only through a maintenance link the customer made, or in a proxy session (audited).
    const dealer = (await login(t, m.ownerEmail)).accessToken;
    for (const path of [
      `/api/devices/${d.deviceId}/logs`,
      `/api/devices/${d.deviceId}/connection-history`,
      '/api/events',
      '/api/connection-history',
    ]) {
      const viaDealer = await t.http.get(path).query({ customerId: m.customerId }).set(bearer(dealer));
      expect(viaDealer.status).toBe(403);
      expect(viaDealer.body.code).toBe(ErrorCode.DEALER_NEEDS_MAINTENANCE_LINK);
    }
    const proxy = await t.http
      .post('/api/proxy-sessions')
      .set(bearer(dealer))
      .send({ customerId: m.customerId, reason: 'support call' });
    expect(proxy.status).toBe(201);
    const inProxy = await t.http.get(`/api/devices/${d.deviceId}/logs`).set(bearer(proxy.body.accessToken));
    expect(inProxy.body.total).toBe(2);
    const audited = await t.ds.query(
      `SELECT impersonator_user_id, dealer_id, after FROM audit_log WHERE action = 'devices.telemetry_read' AND target_id = $1`,
      [d.deviceId],
    );
    expect(audited).toEqual([
      { impersonator_user_id: m.ownerId, dealer_id: m.dealerId, after: { read: 'logs' } },
    ]);
    // The device tree with license status stays readable for the dealer.
    const tree = await t.http.get('/api/devices').query({ customerId: m.customerId }).set(bearer(dealer));
    expect(tree.status).toBe(200);
  });

  it('keeps at most the SPEC §8 number of log entries per kind', async () => {
    const m = await makeDealerAndCustomer(t);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const n = DEVICE_LOG_RETENTION.network; // 100
    // Logs are stored no later than now: the clock runs past the logs' times (2027-01-01).
    t.clock.set(new Date('2027-03-01T00:00:00Z'), true);
    for (let i = 0; i < 2; i++) {
      const logs = Array.from({ length: 70 }, (_, k) => ({
        kind: 'network',
        message: `n${i * 70 + k}`,
        at: new Date(Date.UTC(2027, 0, 1, 0, 0, i * 70 + k)).toISOString(),
      }));
      expect((await beat(d.credential, { status: 'normal', logs })).status).toBe(200);
    }
    const [{ c }] = await t.ds.query(`SELECT count(*)::int AS c FROM device_log WHERE device_id = $1`, [
      d.deviceId,
    ]);
    expect(c).toBe(n);
    const [{ oldest }] = await t.ds.query(
      `SELECT message AS oldest FROM device_log WHERE device_id = $1 ORDER BY at LIMIT 1`,
      [d.deviceId],
    );
    expect(oldest).toBe('n40'); // 140 sent, the newest 100 kept
  });

  it('validates the heartbeat body field by field', async () => {
    const m = await makeDealerAndCustomer(t);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const bad = [
      [{ status: 'normal', logs: [{ kind: 'debug', message: 'x' }] }, 'logs'],
      [{ status: 'normal', events: [{ type: 'Motion!' }] }, 'events'],
      [{ status: 'normal', commandResults: [{ id: 'nope', status: 'done' }] }, 'commandResults'],
      [{ status: 'normal', cameras: [{ channel: 0, model: 'x' }] }, 'cameras'],
    ] as const;
    for (const [body, field] of bad) {
      const r = await beat(d.credential, body);
      expect(r.status).toBe(400);
      expect(r.body.message).toContain(field);
    }
    const dup = await beat(d.credential, {
      status: 'normal',
      cameras: [
        { channel: 3, model: 'a' },
        { channel: 3, model: 'b' },
      ],
    });
    expect(dup.status).toBe(400);
    expect(dup.body.code).toBe(ErrorCode.DUPLICATE_CHANNEL);
    const direct = await register(t, m.customerEmail, directSpec());
    const r = await beat(direct.credential, { status: 'normal', cameras: [{ channel: 2, model: 'x' }] });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/^cameras/);
  });
});

describe('cameras added to a recorder later', () => {
  it('appear through the heartbeat, get a pool license, and bump the entitlements version', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    await l.assign(2);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const v0 = (await beat(d.credential, { status: 'normal' })).body.entitlementsVersion as number;
    const r = await beat(d.credential, {
      status: 'normal',
      cameras: [
        { channel: 1, model: 'CAM-200' },
        { channel: 5, model: 'CAM-300' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.entitlementsVersion).toBeGreaterThan(v0);
    const ent = await t.http.get('/api/device/entitlements').set(deviceAuth(d.credential));
    expect(ent.body.payload.cameras).toHaveLength(2);
    expect(ent.body.payload.cameras.every((c: { licensed: boolean }) => c.licensed)).toBe(true);
    expect((await boundMap(t, m.customerId)).size).toBe(2);
    // Reporting the same list again adds nothing.
    const again = await beat(d.credential, {
      status: 'normal',
      cameras: [
        { channel: 1, model: 'CAM-200' },
        { channel: 5, model: 'CAM-300' },
      ],
    });
    expect(again.body.entitlementsVersion).toBe(r.body.entitlementsVersion);
  });
});

describe('command results', () => {
  it('moves a delivered command to done or failed with the device’s message, only for its own device', async () => {
    const m = await makeDealerAndCustomer(t);
    await (await licenses(t, m)).assign(2);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const other = await register(t, m.customerEmail, recorderSpec([1]));
    const token = (await login(t, m.customerEmail)).accessToken;
    const q1 = await t.http
      .post(`/api/devices/${d.deviceId}/commands`)
      .set(bearer(token))
      .send({ kind: 'restart' });
    const q2 = await t.http
      .post(`/api/devices/${d.deviceId}/commands`)
      .set(bearer(token))
      .send({ kind: 'alarm_reset' });
    expect(q1.status).toBe(201);
    const got = await beat(d.credential, { status: 'normal' });
    expect(got.body.commands.map((c: { id: string }) => c.id)).toEqual([q1.body.id, q2.body.id]);
    // Another device cannot report on these commands.
    await beat(other.credential, {
      status: 'normal',
      commandResults: [{ id: q1.body.id, status: 'failed' }],
    });
    await beat(d.credential, {
      status: 'normal',
      commandResults: [
        { id: q1.body.id, status: 'done', message: 'restarted in 42 s' },
        { id: q2.body.id, status: 'failed', message: 'no alarm' },
      ],
    });
    const list = await t.http.get(`/api/devices/${d.deviceId}/commands`).set(bearer(token));
    const byId = new Map(list.body.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(q1.body.id)).toMatchObject({ status: 'done', resultMessage: 'restarted in 42 s' });
    expect(byId.get(q2.body.id)).toMatchObject({ status: 'failed', resultMessage: 'no alarm' });
    expect((byId.get(q1.body.id) as { completedAt: string | null }).completedAt).not.toBeNull();
  });
});

describe('connection history', () => {
  it('pages 50 per page, newest first, filters by name, kind and period, exports CSV', async () => {
    const m = await makeDealerAndCustomer(t);
    t.clock.set(new Date('2027-05-01T00:00:00Z'), true);
    const d = await register(t, m.customerEmail, recorderSpec([1], 'SN-HIST-A'));
    await register(t, m.customerEmail, recorderSpec([1], 'SN-HIST-B'));
    // 60 transitions of device A: silent → error, heartbeat → online.
    for (let i = 0; i < 30; i++) {
      t.clock.advance(60 * 60_000);
      await t.http.post('/api/dev/jobs/device-liveness/run');
      await beat(d.credential, { status: 'normal' });
    }
    const token = (await login(t, m.customerEmail)).accessToken;
    const p1 = await t.http.get('/api/connection-history').set(bearer(token));
    expect(p1.status).toBe(200);
    expect(p1.body.pageSize).toBe(50);
    expect(p1.body.items).toHaveLength(50);
    expect(p1.body.total).toBeGreaterThanOrEqual(62);
    const ats = p1.body.items.map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const byName = await t.http.get('/api/connection-history').query({ q: 'hist-b' }).set(bearer(token));
    expect(byName.body.items.map((e: { serial: string; kind: string }) => [e.serial, e.kind])).toContainEqual(
      ['SN-HIST-B', 'registered'],
    );
    expect(byName.body.items.every((e: { serial: string }) => e.serial === 'SN-HIST-B')).toBe(true);
    // An unnamed recorder is named by its model and serial (the console shows "REC-8 (SN-HIST-B)").
    expect(byName.body.items[0]).toMatchObject({ deviceName: null, model: 'REC-8', serial: 'SN-HIST-B' });
    const errs = await t.http
      .get(`/api/devices/${d.deviceId}/connection-history`)
      .query({ kind: 'communication_error', pageSize: 100 })
      .set(bearer(token));
    expect(errs.body.total).toBe(30);
    const period = await t.http
      .get(`/api/devices/${d.deviceId}/connection-history`)
      .query({ from: '2027-05-01T00:00:00.000Z', to: '2027-05-01T00:00:00.001Z' })
      .set(bearer(token));
    expect(period.body.items.map((e: { kind: string }) => e.kind)).toEqual(['registered']);
    const csv = await t.http.get('/api/connection-history').query({ format: 'csv' }).set(bearer(token));
    expect(csv.text.trim().split('\r\n')).toHaveLength(1 + p1.body.total);
    const bad = await t.http.get('/api/connection-history').query({ kind: 'offline' }).set(bearer(token));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^kind/);
    t.clock.set(null);
  });
});
