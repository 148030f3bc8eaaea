import { describe, expect, it } from '@jest/globals';
import { createPublicKey, verify } from 'node:crypto';
import { ErrorCode, parseStreamGrant, type SharedPermissions } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer, PASSWORD, uniq, type Made } from './harness.js';
import { signIn, useTestApp } from './support/index.js';
import { licenses, recorderSpec, register, type Registered } from './device-helpers.js';
import { lastMail } from './account-helpers.js';

const t = useTestApp({ env: { SHARED_USER_LIMIT: '3' } });

/** Files devices into a folder (a device is in at most one folder). */
const fileDevices = (tok: string, folderId: string, deviceIds: string[]) =>
  t.http.put(`/api/folders/${folderId}/devices`).set(bearer(tok)).send({ deviceIds });

const token = signIn(t);
const NONE: SharedPermissions = {
  playback: false,
  download: false,
  cameraControl: false,
  eventSearch: false,
  cameraSettings: false,
};

/** A customer with a 3-camera recorder, all three licensed. */
async function equipped(): Promise<{ m: Made; d: Registered; holder: string }> {
  const m = await makeDealerAndCustomer(t);
  const d = await register(t, m.customerEmail, recorderSpec([1, 2, 3]));
  await (await licenses(t, m)).assign(3);
  return { m, d, holder: await token(m.customerEmail) };
}

/** Creates a shared user, accepts the invitation, signs in. */
async function sharedUser(
  holder: string,
  opts: { permissions?: SharedPermissions; cameraIds?: string[] } = {},
): Promise<{ id: string; email: string; token: string }> {
  const email = `${uniq('s')}@shared.test`;
  const r = await t.http
    .post('/api/shared-users')
    .set(bearer(holder))
    .send({ name: 'Viewer', email, language: 'en', permissions: opts.permissions ?? NONE });
  expect(r.status).toBe(201);
  if (opts.cameraIds) {
    await t.http
      .put(`/api/shared-users/${r.body.id}/cameras`)
      .set(bearer(holder))
      .send({ cameraIds: opts.cameraIds })
      .expect(200);
  }
  const mail = await lastMail(t, email, 'shared-user-invitation');
  await t.http
    .post('/api/auth/accept-invitation')
    .send({ token: mail.data.token, password: PASSWORD })
    .expect(204);
  return { id: r.body.id as string, email, token: await token(email) };
}

const grant = (tok: string, cameraId: string, mode: string) =>
  t.http.post(`/api/cameras/${cameraId}/stream-grants`).set(bearer(tok)).send({ mode });

describe('shared users (create, invite, accept, sign in)', () => {
  it('creates, e-mails the invitation, and the invitee signs in as shared_user', async () => {
    const { m, d, holder } = await equipped();
    const email = `${uniq('s')}@shared.test`;
    const r = await t.http
      .post('/api/shared-users')
      .set(bearer(holder))
      .send({ name: 'Guard Desk', email, permissions: { ...NONE, playback: true } });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: expect.any(String), email });
    const mail = await lastMail(t, email, 'shared-user-invitation');
    expect(mail.language).toBe('ja'); // the holder's language by default
    expect(mail.text).toContain(mail.data.token);
    let list = await t.http.get('/api/shared-users').set(bearer(holder));
    expect(list.body).toEqual([
      expect.objectContaining({
        id: r.body.id,
        name: 'Guard Desk',
        email,
        status: 'invited',
        cameraIds: [],
        permissions: { ...NONE, playback: true },
      }),
    ]);
    await t.http
      .post('/api/auth/accept-invitation')
      .send({ token: mail.data.token, password: PASSWORD })
      .expect(204);
    const s = await login(t, email);
    expect(s.user.role).toBe('shared_user');
    expect(s.user.customerId).toBe(m.customerId);
    list = await t.http.get('/api/shared-users').set(bearer(holder));
    expect(list.body[0].status).toBe('active');
    // Sharing one camera from the camera's page shows up on the user's page.
    await t.http
      .put(`/api/cameras/${d.cameras[1].id}/shared-users`)
      .set(bearer(holder))
      .send({ userIds: [r.body.id] })
      .expect(200);
    list = await t.http.get('/api/shared-users').set(bearer(holder));
    expect(list.body[0].cameraIds).toEqual([d.cameras[1].id]);
    const cam = await t.http.get(`/api/cameras/${d.cameras[1].id}/shared-users`).set(bearer(holder));
    expect(cam.body).toEqual({ cameraId: d.cameras[1].id, userIds: [r.body.id] });
  });

  it('refuses a missing name (400249), a name over 32 (400250), a registered e-mail (400229)', async () => {
    const { m, holder } = await equipped();
    const post = (body: Record<string, unknown>) =>
      t.http.post('/api/shared-users').set(bearer(holder)).send(body);
    const missing = await post({ email: `${uniq('s')}@shared.test` });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe(ErrorCode.NAME_MISSING);
    const blank = await post({ name: '   ', email: `${uniq('s')}@shared.test` });
    expect(blank.body.code).toBe(ErrorCode.NAME_MISSING);
    const long = await post({ name: 'x'.repeat(33), email: `${uniq('s')}@shared.test` });
    expect(long.status).toBe(400);
    expect(long.body.code).toBe(ErrorCode.NAME_TOO_LONG);
    expect((await post({ name: 'x'.repeat(32), email: `${uniq('s')}@shared.test` })).status).toBe(201);
    for (const email of [m.customerEmail, m.ownerEmail.toUpperCase(), 'operator@example.com']) {
      const taken = await post({ name: 'Taken', email });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe(ErrorCode.ALREADY_REGISTERED);
    }
  });

  it('refuses one past SHARED_USER_LIMIT with 409 500007, also when requests race', async () => {
    const { holder } = await equipped();
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        t.http
          .post('/api/shared-users')
          .set(bearer(holder))
          .send({ name: `User ${i}`, email: `${uniq('s')}@shared.test` }),
      ),
    );
    const codes = results.map((r) => r.status).sort();
    expect(codes).toEqual([201, 201, 201, 409, 409]);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.body.code).toBe(ErrorCode.SHARED_USER_LIMIT);
    expect((await t.http.get('/api/shared-users').set(bearer(holder))).body).toHaveLength(3);
  });

  it('edits name and permissions; another customer cannot touch them', async () => {
    const { d, holder } = await equipped();
    const s = await sharedUser(holder, { cameraIds: [d.cameras[0].id] });
    const r = await t.http
      .patch(`/api/shared-users/${s.id}`)
      .set(bearer(holder))
      .send({ name: 'Renamed', permissions: { ...NONE, download: true } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'Renamed', permissions: { ...NONE, download: true } });
    const long = await t.http
      .patch(`/api/shared-users/${s.id}`)
      .set(bearer(holder))
      .send({ name: 'y'.repeat(33) });
    expect(long.body.code).toBe(ErrorCode.NAME_TOO_LONG);
    const other = await equipped();
    expect(
      (await t.http.patch(`/api/shared-users/${s.id}`).set(bearer(other.holder)).send({ name: 'Mine' }))
        .status,
    ).toBe(404);
    const foreign = await t.http
      .put(`/api/shared-users/${s.id}/cameras`)
      .set(bearer(holder))
      .send({ cameraIds: [other.d.cameras[0].id] });
    expect(foreign.status).toBe(400);
    expect((await t.http.get('/api/shared-users').set(bearer(other.holder))).body).toEqual([]);
  });

  it('deleting needs the holder’s password (400224) and ends the shared user’s sessions at once', async () => {
    const { d, holder } = await equipped();
    const s = await sharedUser(holder, { cameraIds: [d.cameras[0].id] });
    expect((await t.http.get('/api/devices').set(bearer(s.token))).status).toBe(200);
    const wrong = await t.http
      .delete(`/api/shared-users/${s.id}`)
      .set(bearer(holder))
      .send({ password: 'Wrong!pass1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe(ErrorCode.INVALID_CREDENTIALS);
    expect((await t.http.get('/api/devices').set(bearer(s.token))).status).toBe(200);
    await t.http
      .delete(`/api/shared-users/${s.id}`)
      .set(bearer(holder))
      .send({ password: PASSWORD })
      .expect(204);
    const after = await t.http.get('/api/devices').set(bearer(s.token));
    expect(after.status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ login: s.email, password: PASSWORD })).status).toBe(
      401,
    );
    expect((await t.http.get('/api/shared-users').set(bearer(holder))).body).toEqual([]);
    // The e-mail address is free again.
    expect(
      (await t.http.post('/api/shared-users').set(bearer(holder)).send({ name: 'Again', email: s.email }))
        .status,
    ).toBe(201);
  });
});

describe('what a shared user sees', () => {
  it('only devices with a shared camera, and only those cameras; nothing of licenses or management', async () => {
    const { m, d, holder } = await equipped();
    const other = await register(t, m.customerEmail, recorderSpec([1]));
    const s = await sharedUser(holder, { cameraIds: [d.cameras[0].id, d.cameras[2].id] });
    const tree = await t.http.get('/api/devices').set(bearer(s.token));
    expect(tree.status).toBe(200);
    expect(tree.body.map((x: { id: string }) => x.id)).toEqual([d.deviceId]);
    expect(tree.body[0].cameras.map((c: { id: string }) => c.id)).toEqual([d.cameras[0].id, d.cameras[2].id]);
    expect((await t.http.get(`/api/devices/${other.deviceId}`).set(bearer(s.token))).status).toBe(404);
    expect((await t.http.get(`/api/cameras/${d.cameras[1].id}`).set(bearer(s.token))).status).toBe(404);
    expect((await t.http.get(`/api/cameras/${d.cameras[0].id}`).set(bearer(s.token))).status).toBe(200);
    for (const [method, path] of [
      ['get', `/api/customers/${m.customerId}/licenses`],
      ['get', `/api/devices/${d.deviceId}/commands`],
      ['get', '/api/shared-users'],
      ['delete', `/api/devices/${d.deviceId}`],
      ['get', '/api/account/deactivation-impact'],
      ['get', '/api/maintenance-links'],
    ] as const) {
      const r = await t.http[method](path).set(bearer(s.token)).send({ password: PASSWORD });
      expect([path, r.status, r.body.code]).toEqual([path, 403, ErrorCode.FORBIDDEN]);
    }
  });

  it('renames a shared camera only with "camera settings"; never "do not license"', async () => {
    const { d, holder } = await equipped();
    const s = await sharedUser(holder, { cameraIds: [d.cameras[0].id] });
    const no = await t.http
      .patch(`/api/cameras/${d.cameras[0].id}`)
      .set(bearer(s.token))
      .send({ name: 'Gate' });
    expect(no.status).toBe(403);
    expect(no.body.code).toBe(ErrorCode.SHARED_PERMISSION_MISSING);
    await t.http
      .patch(`/api/shared-users/${s.id}`)
      .set(bearer(holder))
      .send({ permissions: { ...NONE, cameraSettings: true } })
      .expect(200);
    const ok = await t.http
      .patch(`/api/cameras/${d.cameras[0].id}`)
      .set(bearer(s.token))
      .send({ name: 'Gate' });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe('Gate');
    const dnl = await t.http
      .patch(`/api/cameras/${d.cameras[0].id}`)
      .set(bearer(s.token))
      .send({ doNotLicense: true });
    expect(dnl.status).toBe(403);
    const unshared = await t.http
      .patch(`/api/cameras/${d.cameras[1].id}`)
      .set(bearer(s.token))
      .send({ name: 'X' });
    expect(unshared.body.code).toBe(ErrorCode.CAMERA_NOT_SHARED);
  });

  it('searches events only with "event search", and only of shared cameras', async () => {
    const { m, d, holder } = await equipped();
    const s = await sharedUser(holder, { cameraIds: [d.cameras[0].id] });
    const at = t.clock.now();
    for (const c of d.cameras) {
      await t.ds.query(
        `INSERT INTO device_event (device_id, customer_id, camera_id, type, at) VALUES ($1, $2, $3, 'motion', $4)`,
        [d.deviceId, m.customerId, c.id, at],
      );
    }
    const no = await t.http.get('/api/events').set(bearer(s.token));
    expect(no.status).toBe(403);
    expect(no.body.code).toBe(ErrorCode.SHARED_PERMISSION_MISSING);
    await t.http
      .patch(`/api/shared-users/${s.id}`)
      .set(bearer(holder))
      .send({ permissions: { ...NONE, eventSearch: true } })
      .expect(200);
    const yes = await t.http.get('/api/events').set(bearer(s.token));
    expect(yes.status).toBe(200);
    expect(yes.body.items.map((e: { cameraId: string }) => e.cameraId)).toEqual([d.cameras[0].id]);
    expect((await t.http.get('/api/events').set(bearer(holder))).body.items).toHaveLength(3);
  });
});

describe('POST /api/cameras/:id/stream-grants', () => {
  it('signs a short-lived grant with the entitlements key, naming camera, mode, user and expiry', async () => {
    const { m, d, holder } = await equipped();
    const r = await grant(holder, d.cameras[0].id, 'playback');
    expect(r.status).toBe(201);
    const parsed = parseStreamGrant(r.body.token)!;
    expect(parsed.payload).toMatchObject({
      typ: 'stream-grant',
      cameraId: d.cameras[0].id,
      deviceId: d.deviceId,
      mode: 'playback',
      userId: (await login(t, m.customerEmail)).user.id,
      customerId: m.customerId,
      expiresAt: r.body.expiresAt,
    });
    expect(Date.parse(r.body.expiresAt) - t.clock.now().getTime()).toBeLessThanOrEqual(120_000);
    const keys = (await t.http.get('/api/device/keys')).body as Array<{
      keyId: string;
      publicKeyPem: string;
    }>;
    const key = keys.find((k) => k.keyId === parsed.payload.keyId)!;
    const bytes = Buffer.from(r.body.token.split('.')[0], 'base64url');
    const sig = Buffer.from(parsed.signature, 'base64url');
    expect(verify(null, bytes, createPublicKey(key.publicKeyPem), sig)).toBe(true);
    const forged = Buffer.from(JSON.stringify({ ...parsed.payload, mode: 'download' }));
    expect(verify(null, forged, createPublicKey(key.publicKeyPem), sig)).toBe(false);
    const bad = await grant(holder, d.cameras[0].id, 'record');
    expect(bad.status).toBe(400);
  });

  it('a shared user: live always; other modes only with the permission; only shared cameras', async () => {
    const { d, holder } = await equipped();
    const s = await sharedUser(holder, {
      cameraIds: [d.cameras[0].id],
      permissions: { ...NONE, download: true },
    });
    expect((await grant(s.token, d.cameras[0].id, 'live')).status).toBe(201);
    expect((await grant(s.token, d.cameras[0].id, 'download')).status).toBe(201);
    for (const mode of ['playback', 'control']) {
      const r = await grant(s.token, d.cameras[0].id, mode);
      expect([mode, r.status, r.body.code]).toEqual([mode, 403, ErrorCode.SHARED_PERMISSION_MISSING]);
    }
    const other = await grant(s.token, d.cameras[1].id, 'live');
    expect(other.status).toBe(403);
    expect(other.body.code).toBe(ErrorCode.CAMERA_NOT_SHARED);
  });

  it('refuses a proxy session: a dealer never watches a customer’s video', async () => {
    const { m, d } = await equipped();
    const p = await t.http
      .post('/api/proxy-sessions')
      .set(bearer(await token(m.ownerEmail)))
      .send({ customerId: m.customerId, reason: 'install' });
    expect(p.status).toBe(201);
    const r = await grant(p.body.accessToken, d.cameras[0].id, 'live');
    expect(r.status).toBe(403);
    expect(r.body.code).toBe(ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION);
  });

  it('refuses a camera without a valid license (valid through ends_at), naming the license and the dealer', async () => {
    const { m, d, holder } = await equipped();
    const [l] = (await t.ds.query(`SELECT ends_at FROM license WHERE camera_id = $1 AND state = 'bound'`, [
      d.cameras[0].id,
    ])) as Array<{ ends_at: Date }>;
    t.clock.set(new Date(l.ends_at.getTime() - 60_000));
    const tok = await token(m.customerEmail);
    t.clock.set(l.ends_at, true);
    const atEnd = await grant(tok, d.cameras[0].id, 'live');
    expect(atEnd.status).toBe(201);
    t.clock.set(new Date(l.ends_at.getTime() + 1), true);
    const r = await grant(tok, d.cameras[0].id, 'live');
    expect(r.status).toBe(403);
    expect(r.body.code).toBe(ErrorCode.STREAM_CAMERA_UNLICENSED);
    expect(r.body.details).toMatchObject({
      cameraId: d.cameras[0].id,
      lastLicense: { endsAt: l.ends_at.toISOString() },
      dealer: { companyName: `Dealer ${m.loginId}`, phone: '03-0000-0000' },
    });
    // Never licensed at all: refused too.
    t.clock.set(null);
    const bare = await register(t, m.customerEmail, recorderSpec([1]));
    const none = await grant(holder, bare.cameras[0].id, 'live');
    expect(none.body.code).toBe(ErrorCode.STREAM_CAMERA_UNLICENSED);
    expect(none.body.details.lastLicense).toBeNull();
  });
});

describe('folders', () => {
  const mk = (tok: string, name: string, parentId?: string) =>
    t.http.post('/api/folders').set(bearer(tok)).send({ name, parentId });

  it('nest at most 3 levels; delete moves devices and subfolders up one level', async () => {
    const { m, d, holder } = await equipped();
    const d2 = await register(t, m.customerEmail, recorderSpec([1]));
    const a = (await mk(holder, 'Building A')).body;
    const b = (await mk(holder, 'Floor 1', a.id)).body;
    const c = (await mk(holder, 'Room 101', b.id)).body;
    expect(c).toEqual({ id: expect.any(String), name: 'Room 101', parentId: b.id, deviceIds: [] });
    const deep = await mk(holder, 'Too deep', c.id);
    expect(deep.status).toBe(400);
    expect(deep.body.code).toBe(ErrorCode.FOLDER_TOO_DEEP);
    await fileDevices(holder, b.id, [d.deviceId]).expect(200);
    await fileDevices(holder, c.id, [d2.deviceId]).expect(200);
    // A device is in at most one folder: filing it elsewhere moves it.
    await fileDevices(holder, a.id, [d2.deviceId]).expect(200);
    let list = (await t.http.get('/api/folders').set(bearer(holder))).body as Array<{
      id: string;
      deviceIds: string[];
    }>;
    expect(list.find((f) => f.id === a.id)!.deviceIds).toEqual([d2.deviceId]);
    expect(list.find((f) => f.id === c.id)!.deviceIds).toEqual([]);
    await t.http.delete(`/api/folders/${b.id}`).set(bearer(holder)).expect(204);
    list = (await t.http.get('/api/folders').set(bearer(holder))).body;
    expect(list).toHaveLength(2);
    expect(list.find((f) => f.id === c.id)).toMatchObject({ parentId: a.id });
    expect(list.find((f) => f.id === a.id)!.deviceIds.sort()).toEqual([d.deviceId, d2.deviceId].sort());
    await t.http.delete(`/api/folders/${a.id}`).set(bearer(holder)).expect(204);
    list = (await t.http.get('/api/folders').set(bearer(holder))).body;
    expect(list).toEqual([{ id: c.id, name: 'Room 101', parentId: null, deviceIds: [] }]);
    // Another customer sees none of them and cannot delete them.
    const other = await equipped();
    expect((await t.http.get('/api/folders').set(bearer(other.holder))).body).toEqual([]);
    expect((await t.http.delete(`/api/folders/${c.id}`).set(bearer(other.holder))).status).toBe(404);
    expect((await mk(other.holder, 'x', c.id)).status).toBe(400);
  });

  it('hold at most 100 entries (devices + subfolders)', async () => {
    const { m, d, holder } = await equipped();
    const top = (await mk(holder, 'Top')).body;
    await t.ds.query(
      `INSERT INTO folder (customer_id, parent_id, name, created_at, updated_at)
       SELECT $1, $2, 'sub ' || g, now(), now() FROM generate_series(1, 99) g`,
      [m.customerId, top.id],
    );
    await fileDevices(holder, top.id, [d.deviceId]).expect(200);
    const full = await mk(holder, 'one more', top.id);
    expect(full.status).toBe(400);
    expect(full.body.code).toBe(ErrorCode.FOLDER_FULL);
    const d2 = await register(t, m.customerEmail, recorderSpec([1]));
    const more = await fileDevices(holder, top.id, [d2.deviceId]);
    expect(more.body.code).toBe(ErrorCode.FOLDER_FULL);
  });

  it('a shared user sees the folders that hold their cameras (and their parents)', async () => {
    const { m, d, holder } = await equipped();
    const d2 = await register(t, m.customerEmail, recorderSpec([1]));
    const a = (await mk(holder, 'Site')).body;
    const b = (await mk(holder, 'Entrance', a.id)).body;
    const x = (await mk(holder, 'Office')).body;
    await fileDevices(holder, b.id, [d.deviceId]).expect(200);
    await fileDevices(holder, x.id, [d2.deviceId]).expect(200);
    const s = await sharedUser(holder, { cameraIds: [d.cameras[0].id] });
    const r = await t.http.get('/api/folders').set(bearer(s.token));
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      { id: b.id, name: 'Entrance', parentId: a.id, deviceIds: [d.deviceId] },
      { id: a.id, name: 'Site', parentId: null, deviceIds: [] },
    ]);
    expect((await mk(s.token, 'mine')).status).toBe(403);
  });
});

describe('favorites', () => {
  it('each user marks cameras they may see', async () => {
    const { d, holder } = await equipped();
    const s = await sharedUser(holder, { cameraIds: [d.cameras[0].id] });
    await t.http.put(`/api/favorites/${d.cameras[1].id}`).set(bearer(holder)).expect(204);
    await t.http.put(`/api/favorites/${d.cameras[0].id}`).set(bearer(s.token)).expect(204);
    expect((await t.http.put(`/api/favorites/${d.cameras[1].id}`).set(bearer(s.token))).status).toBe(404);
    expect((await t.http.get('/api/favorites').set(bearer(holder))).body).toEqual({
      cameraIds: [d.cameras[1].id],
    });
    expect((await t.http.get('/api/favorites').set(bearer(s.token))).body).toEqual({
      cameraIds: [d.cameras[0].id],
    });
    // Unsharing hides the favorite; deleting it removes it.
    await t.http
      .put(`/api/shared-users/${s.id}/cameras`)
      .set(bearer(holder))
      .send({ cameraIds: [] })
      .expect(200);
    expect((await t.http.get('/api/favorites').set(bearer(s.token))).body).toEqual({ cameraIds: [] });
    await t.http.delete(`/api/favorites/${d.cameras[1].id}`).set(bearer(holder)).expect(204);
    expect((await t.http.get('/api/favorites').set(bearer(holder))).body).toEqual({ cameraIds: [] });
  });
});

describe('device deletion and deactivation remove sharing', () => {
  it('deleting a device unshares, unfavors and unfiles its cameras', async () => {
    const { m, d, holder } = await equipped();
    const keep = await register(t, m.customerEmail, recorderSpec([1]));
    const s = await sharedUser(holder, { cameraIds: [d.cameras[0].id, keep.cameras[0].id] });
    const f = (await t.http.post('/api/folders').set(bearer(holder)).send({ name: 'F' })).body;
    await fileDevices(holder, f.id, [d.deviceId]).expect(200);
    await t.http.put(`/api/favorites/${d.cameras[0].id}`).set(bearer(s.token)).expect(204);
    await t.http
      .delete(`/api/devices/${d.deviceId}`)
      .set(bearer(holder))
      .send({ password: PASSWORD })
      .expect(200);
    const rows = (await t.ds.query(
      `SELECT (SELECT count(*) FROM shared_user_camera WHERE camera_id = ANY($1::uuid[]))::int AS shared,
              (SELECT count(*) FROM favorite_camera WHERE camera_id = ANY($1::uuid[]))::int AS favs,
              (SELECT count(*) FROM folder_device WHERE device_id = $2)::int AS filed`,
      [d.cameras.map((c) => c.id), d.deviceId],
    )) as Array<{ shared: number; favs: number; filed: number }>;
    expect(rows[0]).toEqual({ shared: 0, favs: 0, filed: 0 });
    const list = await t.http.get('/api/shared-users').set(bearer(holder));
    expect(list.body[0].cameraIds).toEqual([keep.cameras[0].id]);
    const tree = await t.http.get('/api/devices').set(bearer(s.token));
    expect(tree.body.map((x: { id: string }) => x.id)).toEqual([keep.deviceId]);
  });

  it('deactivation deletes the shared users (sessions end, e-mail free), sharing, folders and favorites', async () => {
    const { m, d, holder } = await equipped();
    const s = await sharedUser(holder, { cameraIds: [d.cameras[0].id] });
    await t.http.post('/api/folders').set(bearer(holder)).send({ name: 'F' }).expect(201);
    await t.http.put(`/api/favorites/${d.cameras[0].id}`).set(bearer(holder)).expect(204);
    const impact = await t.http.get('/api/account/deactivation-impact').set(bearer(holder));
    expect(impact.body.sharedUsers).toBe(1);
    await t.http.post('/api/account/deactivate').set(bearer(holder)).send({ password: PASSWORD }).expect(204);
    expect((await t.http.get('/api/favorites').set(bearer(s.token))).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ login: s.email, password: PASSWORD })).status).toBe(
      401,
    );
    const left = (await t.ds.query(
      `SELECT (SELECT count(*) FROM app_user WHERE customer_id = $1 AND role = 'shared_user')::int AS users,
              (SELECT count(*) FROM folder WHERE customer_id = $1)::int AS folders,
              (SELECT count(*) FROM favorite_camera f JOIN camera c ON c.id = f.camera_id WHERE c.customer_id = $1)::int AS favs`,
      [m.customerId],
    )) as Array<{ users: number; folders: number; favs: number }>;
    expect(left[0]).toEqual({ users: 0, folders: 0, favs: 0 });
    // The address can be invited by another customer now.
    const other = await equipped();
    expect(
      (
        await t.http
          .post('/api/shared-users')
          .set(bearer(other.holder))
          .send({ name: 'Again', email: s.email })
      ).status,
    ).toBe(201);
  });
});
