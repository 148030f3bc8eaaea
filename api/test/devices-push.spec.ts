import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { deviceAuth, licenses, recorderSpec, register } from './device-helpers.js';
import { makeDealerAndCustomer, startApp, type TestApp } from './harness.js';

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await startApp();
  b = await startApp({ dbUrl: a.dbUrl }); // the device long-polls one replica, the change happens on another
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const version = async (t: TestApp, credential: string) =>
  (await t.http.get('/api/device/entitlements').set(deviceAuth(credential))).body.payload.version as number;

describe('entitlement changes reach a waiting device at once (long-poll)', () => {
  it('answers a waiting long-poll on another process when a license binds', async () => {
    const m = await makeDealerAndCustomer(a);
    const l = await licenses(a, m);
    const d = await register(a, m.customerEmail, recorderSpec([1]));
    const v0 = await version(a, d.credential);

    // Timeout 55 s: only a notification can answer it within the test's 30 s limit.
    const waiting = b.http
      .get('/api/device/entitlements')
      .query({ waitForVersion: v0, timeoutSeconds: 55 })
      .set(deviceAuth(d.credential))
      .then((r) => r);
    await new Promise((r) => setImmediate(r));
    await l.assign(1); // binds the free camera on process a
    const r = await waiting;
    expect(r.status).toBe(200);
    expect(r.body.payload.version).toBeGreaterThan(v0);
    expect(r.body.payload.cameras[0].licensed).toBe(true);
  });

  it('answers at once when the version already differs, and at the timeout when nothing changes', async () => {
    const m = await makeDealerAndCustomer(a);
    const d = await register(a, m.customerEmail, recorderSpec([1]));
    const v = await version(a, d.credential);
    const stale = await a.http
      .get('/api/device/entitlements')
      .query({ waitForVersion: v + 7, timeoutSeconds: 55 })
      .set(deviceAuth(d.credential));
    expect(stale.body.payload.version).toBe(v);
    const quiet = await a.http
      .get('/api/device/entitlements')
      .query({ waitForVersion: v, timeoutSeconds: 1 })
      .set(deviceAuth(d.credential));
    expect(quiet.status).toBe(200);
    expect(quiet.body.payload.version).toBe(v);
  });

  it('names the field on bad long-poll parameters', async () => {
    const m = await makeDealerAndCustomer(a);
    const d = await register(a, m.customerEmail, recorderSpec([1]));
    const bad = await a.http
      .get('/api/device/entitlements')
      .query({ waitForVersion: 0, timeoutSeconds: 600 })
      .set(deviceAuth(d.credential));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(ErrorCode.VALIDATION);
    expect(bad.body.message).toMatch(/^timeoutSeconds:/);
  });
});
