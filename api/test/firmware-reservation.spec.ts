/** Issue 12, seed 001 §2.1 and §4.2.3: firmware-update reservations — recorders only, change (overwrite) and cancel. */
import { describe, expect, it } from '@jest/globals';
import { ErrorCode, FIRMWARE_VERSION_MAX } from '@lc/shared';
import { deviceAuth, directSpec, licenses, recorderSpec, register } from './device-helpers.js';
import { bearer, login, makeDealerAndCustomer } from './harness.js';
import { useTestApp } from './support/index.js';

const t = useTestApp();

const NOW = new Date('2027-03-01T00:00:00Z');
const later = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();

async function setup() {
  t.clock.set(NOW, true);
  const m = await makeDealerAndCustomer(t);
  await (await licenses(t, m, 'edge')).assign(1);
  await (await licenses(t, m, 'direct')).assign(1);
  const rec = await register(t, m.customerEmail, recorderSpec([1]));
  const cam = await register(t, m.customerEmail, directSpec());
  const token = (await login(t, m.customerEmail)).accessToken;
  return { m, rec, cam, token };
}

const commands = async (token: string, deviceId: string) =>
  (await t.http.get(`/api/devices/${deviceId}/commands`).set(bearer(token))).body as Array<{
    id: string;
    kind: string;
    status: string;
    notBefore: string | null;
    resultMessage: string | null;
  }>;

describe('firmware-update reservation', () => {
  it('is refused for a camera-direct camera (also a licensed one), like alarm reset and error recovery', async () => {
    const { cam, token } = await setup();
    for (const body of [
      { kind: 'firmware_update', at: later(2) },
      { kind: 'alarm_reset' },
      { kind: 'error_recovery' },
      { kind: 'thumbnail_cache' },
    ]) {
      const r = await t.http.post(`/api/devices/${cam.deviceId}/commands`).set(bearer(token)).send(body);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe(ErrorCode.OPERATION_NOT_SUPPORTED);
      expect(r.body.message).toMatch(/^kind: a camera-direct camera does not support/);
    }
    const put = await t.http
      .put(`/api/devices/${cam.deviceId}/firmware-reservation`)
      .set(bearer(token))
      .send({ at: later(2) });
    expect(put.body.code).toBe(ErrorCode.OPERATION_NOT_SUPPORTED);
    expect(await commands(token, cam.deviceId)).toEqual([]);
    t.clock.set(null);
  });

  it('refuses a firmware version longer than the console allows (the same limit as bulk), and one that is not text', async () => {
    const { rec, token } = await setup();
    const long = 'v'.repeat(FIRMWARE_VERSION_MAX + 1);
    for (const payload of [{ version: long }, { version: 2 }]) {
      const r = await t.http
        .put(`/api/devices/${rec.deviceId}/firmware-reservation`)
        .set(bearer(token))
        .send({ at: later(2), payload });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe(ErrorCode.VALIDATION);
      expect(r.body.message).toMatch(/^payload\.version: /);
    }
    expect(await commands(token, rec.deviceId)).toEqual([]);
    const ok = await t.http
      .put(`/api/devices/${rec.deviceId}/firmware-reservation`)
      .set(bearer(token))
      .send({ at: later(2), payload: { version: 'v'.repeat(FIRMWARE_VERSION_MAX) } });
    expect(ok.status).toBe(200);
    t.clock.set(null);
  });

  it('a new reservation overwrites the pending one; the device receives only the latest', async () => {
    const { rec, token, m } = await setup();
    const first = await t.http
      .post(`/api/devices/${rec.deviceId}/commands`)
      .set(bearer(token))
      .send({ kind: 'firmware_update', at: later(2), payload: { version: '2.0' } });
    expect(first.status).toBe(201);
    const changed = await t.http
      .put(`/api/devices/${rec.deviceId}/firmware-reservation`)
      .set(bearer(token))
      .send({ at: later(5), payload: { version: '2.1' } });
    expect(changed.status).toBe(200);
    const list = await commands(token, rec.deviceId);
    // Same instant on a frozen clock: compare regardless of order.
    expect(
      list
        .map((c) => [c.id, c.status, c.resultMessage])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    ).toEqual([
      [first.body.id, 'cancelled', 'overwritten'],
      [changed.body.id, 'pending', null],
    ]);
    t.clock.set(new Date(NOW.getTime() + 3 * 3_600_000), true);
    const early = await t.http
      .post('/api/device/heartbeat')
      .set(deviceAuth(rec.credential))
      .send({ status: 'normal' });
    expect(early.body.commands).toEqual([]);
    t.clock.set(new Date(NOW.getTime() + 5 * 3_600_000), true);
    const due = await t.http
      .post('/api/device/heartbeat')
      .set(deviceAuth(rec.credential))
      .send({ status: 'normal' });
    expect(due.body.commands).toEqual([
      expect.objectContaining({ kind: 'firmware_update', payload: { version: '2.1' } }),
    ]);
    // Started on the device: no change and no cancel any more.
    const token2 = (await login(t, m.customerEmail)).accessToken; // the clock moved past the first token
    const change = await t.http
      .put(`/api/devices/${rec.deviceId}/firmware-reservation`)
      .set(bearer(token2))
      .send({ at: later(9) });
    expect(change.status).toBe(409);
    expect(change.body.code).toBe(ErrorCode.FIRMWARE_UPDATE_STARTED);
    const cancel = await t.http
      .delete(`/api/devices/${rec.deviceId}/firmware-reservation`)
      .set(bearer(token2));
    expect(cancel.status).toBe(409);
    // Once the device reports the result, a new reservation is possible again.
    await t.http
      .post('/api/device/heartbeat')
      .set(deviceAuth(rec.credential))
      .send({ status: 'normal', commandResults: [{ id: changed.body.id, status: 'done' }] });
    const again = await t.http
      .put(`/api/devices/${rec.deviceId}/firmware-reservation`)
      .set(bearer(token2))
      .send({ at: later(9) });
    expect(again.status).toBe(200);
    t.clock.set(null);
  });

  it('can be cancelled (audited); cancelling nothing is 404 500204', async () => {
    const { rec, token, m } = await setup();
    const none = await t.http.delete(`/api/devices/${rec.deviceId}/firmware-reservation`).set(bearer(token));
    expect(none.status).toBe(404);
    expect(none.body.code).toBe(ErrorCode.NO_FIRMWARE_RESERVATION);
    const r = await t.http
      .put(`/api/devices/${rec.deviceId}/firmware-reservation`)
      .set(bearer(token))
      .send({ at: later(2) });
    const cancelled = await t.http
      .delete(`/api/devices/${rec.deviceId}/firmware-reservation`)
      .set(bearer(token));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: r.body.id, status: 'cancelled' });
    const hb = await t.http
      .post('/api/device/heartbeat')
      .set(deviceAuth(rec.credential))
      .send({ status: 'normal' });
    t.clock.set(new Date(NOW.getTime() + 3 * 3_600_000), true);
    expect(hb.body.commands).toEqual([]);
    const later2 = await t.http
      .post('/api/device/heartbeat')
      .set(deviceAuth(rec.credential))
      .send({ status: 'normal' });
    expect(later2.body.commands).toEqual([]);
    const audit = await t.ds.query(
      `SELECT action FROM audit_log WHERE target_id = $1 AND customer_id = $2 ORDER BY id`,
      [rec.deviceId, m.customerId],
    );
    expect(audit.map((a: { action: string }) => a.action)).toContain(
      'devices.firmware_reservation_cancelled',
    );
    // Another customer's device is not found.
    const other = await makeDealerAndCustomer(t);
    const foreign = await t.http
      .delete(`/api/devices/${rec.deviceId}/firmware-reservation`)
      .set(bearer((await login(t, other.customerEmail)).accessToken));
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe(ErrorCode.NOT_FOUND);
    t.clock.set(null);
  });

  it('two concurrent reservations leave exactly one pending', async () => {
    const { rec, token } = await setup();
    const rs = await Promise.all(
      [2, 3, 4, 5].map((h) =>
        t.http
          .put(`/api/devices/${rec.deviceId}/firmware-reservation`)
          .set(bearer(token))
          .send({ at: later(h) }),
      ),
    );
    expect(rs.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const pending = (await commands(token, rec.deviceId)).filter((c) => c.status === 'pending');
    expect(pending).toHaveLength(1);
    t.clock.set(null);
  });
});
