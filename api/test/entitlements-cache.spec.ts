import { describe, expect, it } from '@jest/globals';
import type { EntitlementsDocument } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer } from './harness.js';
import { useTestApp } from './support/index.js';
import { deviceAuth, licenses, recorderSpec, register } from './device-helpers.js';

const t = useTestApp();

const get = (credential: string, headers: Record<string, string> = {}) =>
  t.http.get('/api/device/entitlements').set({ ...deviceAuth(credential), ...headers });

describe('entitlements: signed once per version, ETag and 304 (issue 16)', () => {
  it('serves the same signed bytes while the version stays; a binding change signs a new version', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    await l.assign(1);
    const d = await register(t, m.customerEmail, recorderSpec([1, 2]));
    const first = await get(d.credential);
    expect(first.status).toBe(200);
    const doc = first.body as EntitlementsDocument;
    expect(first.headers.etag).toBe(`"${doc.payload.version}"`);
    t.clock.advance(60_000);
    const again = await get(d.credential);
    // Not signed again: the same bytes (issuedAt of the first signing).
    expect(again.text).toBe(first.text);

    // "Do not license" on the unlicensed camera bumps the version: a new document.
    const unlicensed = doc.payload.cameras.find((c) => !c.licensed)!;
    const token = (await login(t, m.customerEmail)).accessToken;
    const patch = await t.http
      .patch(`/api/cameras/${unlicensed.cameraId}`)
      .set(bearer(token))
      .send({ doNotLicense: true });
    expect(patch.status).toBe(200);
    const next = await get(d.credential);
    const nextDoc = next.body as EntitlementsDocument;
    expect(nextDoc.payload.version).toBe(doc.payload.version + 1);
    expect(next.headers.etag).toBe(`"${doc.payload.version + 1}"`);
    expect(nextDoc.payload.issuedAt).not.toBe(doc.payload.issuedAt);
  });

  it('answers 304 to If-None-Match with the current version, 200 with an older one', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    await l.assign(1);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const first = await get(d.credential);
    const etag = first.headers.etag as string;
    const same = await get(d.credential, { 'If-None-Match': etag });
    expect(same.status).toBe(304);
    expect(same.text).toBeFalsy();
    await l.assign(1); // nothing to bind (the camera is licensed): no new version
    expect((await get(d.credential, { 'If-None-Match': etag })).status).toBe(304);
    const old = await get(d.credential, { 'If-None-Match': `"${Number(etag.slice(1, -1)) - 1}"` });
    expect(old.status).toBe(200);
    expect(old.headers.etag).toBe(etag);
  });

  it('signs again once a licensed camera’s validUntil has passed, though the version is unchanged', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    await l.assign(1);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const doc = (await get(d.credential)).body as EntitlementsDocument;
    const cam = doc.payload.cameras[0];
    expect(cam.licensed).toBe(true);
    t.clock.set(new Date(new Date(cam.validUntil!).getTime() + 1000), true);
    const later = await get(d.credential);
    const laterDoc = later.body as EntitlementsDocument;
    expect(laterDoc.payload.version).toBe(doc.payload.version);
    expect(laterDoc.payload.cameras[0].licensed).toBe(false);
    expect(laterDoc.payload.cameras[0].validUntil).toBeNull();
  });

  it('the long-poll answers the changed version from the same route', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const doc = (await get(d.credential)).body as EntitlementsDocument;
    expect(doc.payload.cameras[0].licensed).toBe(false);
    const poll = get(d.credential).query({ waitForVersion: doc.payload.version, timeoutSeconds: 10 });
    const [r] = await Promise.all([poll, l.assign(1)]);
    expect(r.status).toBe(200);
    const changed = r.body as EntitlementsDocument;
    expect(changed.payload.version).toBeGreaterThan(doc.payload.version);
    expect(changed.payload.cameras[0].licensed).toBe(true);
    expect(r.headers.etag).toBe(`"${changed.payload.version}"`);
  });
});
