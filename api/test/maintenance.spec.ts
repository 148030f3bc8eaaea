import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { mailbox } from './account-helpers.js';
import { deviceAuth, licenses, recorderSpec, directSpec, register } from './device-helpers.js';
import { bearer, makeDealerAndCustomer, uniq, type Made } from './harness.js';
import { signIn, useTestApp } from './support/index.js';
import { IncidentsService } from '../src/maintenance/incidents.service.js';

const t = useTestApp();

const token = signIn(t);

/** Sets the maintaining dealer's phone straight in the database (the profile route is tested elsewhere). */
async function setPhone(m: Made, phone: string): Promise<void> {
  await t.ds.query(`UPDATE dealer SET phone = $2 WHERE id = $1`, [m.dealerId, phone]);
}

async function setContacts(m: Made, emails: string[]) {
  return t.http
    .put('/api/dealers/me/maintenance-contacts')
    .set(bearer(await token(m.ownerEmail)))
    .send({ emails });
}

async function link(customer: Made, dealer: Made, body: Record<string, unknown> = {}) {
  return t.http
    .post('/api/maintenance-links')
    .set(bearer(await token(customer.customerEmail)))
    .send({ dealerLoginId: dealer.loginId, dealerPhone: '03-0000-0000', ...body });
}

async function monitored(dealer: Made, query: Record<string, string> = {}) {
  const r = await t.http
    .get('/api/maintenance/devices')
    .query(query)
    .set(bearer(await token(dealer.ownerEmail)));
  expect(r.status).toBe(200);
  return r.body as Array<{ deviceId: string; customerId: string; status: string; name: string | null }>;
}

const contact = () => `${uniq('hoshu')}@maint.test`;

describe('maintenance contacts', () => {
  it('keeps up to 5 e-mails, refuses a 6th and duplicates with their codes, and e-mails the change', async () => {
    const m = await makeDealerAndCustomer(t);
    const five = [contact(), contact(), contact(), contact(), contact()];
    const ok = await setContacts(m, five);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ emails: five, phone: '03-0000-0000' });
    const got = await t.http
      .get('/api/dealers/me/maintenance-contacts')
      .set(bearer(await token(m.ownerEmail)));
    expect(got.body.emails).toEqual(five);

    const six = await setContacts(m, [...five, contact()]);
    expect(six.status).toBe(400);
    expect(six.body.code).toBe(ErrorCode.MAINTENANCE_CONTACTS_LIMIT);
    const dup = await setContacts(m, [five[0], five[0].toUpperCase()]);
    expect(dup.status).toBe(400);
    expect(dup.body.code).toBe(ErrorCode.MAINTENANCE_CONTACT_DUPLICATE);
    const bad = await setContacts(m, ['not-an-email']);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^emails/);
    // Still the five.
    const after = await t.http
      .get('/api/dealers/me/maintenance-contacts')
      .set(bearer(await token(m.ownerEmail)));
    expect(after.body.emails).toEqual(five);

    const mails = await mailbox(t, `${m.loginId}@dealer.test`, 'account-info-changed');
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(five[4]);
    const audit = await t.ds.query(
      `SELECT after FROM audit_log WHERE action = 'dealer.maintenance_contacts_updated' AND dealer_id = $1`,
      [m.dealerId],
    );
    expect(audit).toHaveLength(1);
  });

  it('a staff member may not edit the contacts', async () => {
    const m = await makeDealerAndCustomer(t);
    await t.ds.query(`UPDATE app_user SET member_role = 'staff' WHERE id = $1`, [m.ownerId]);
    const r = await setContacts(m, [contact()]);
    expect(r.status).toBe(403);
  });
});

describe('linking', () => {
  it('links with the right ID and phone (digits only), to a dealer other than the seller, and e-mails its contacts', async () => {
    const seller = await makeDealerAndCustomer(t);
    const maint = await makeDealerAndCustomer(t);
    await setPhone(maint, '03-1234-5678');
    const c1 = contact();
    await setContacts(maint, [c1]);
    const d = await register(t, seller.customerEmail, recorderSpec([1, 2]));

    const r = await t.http
      .post('/api/maintenance-links')
      .set(bearer(await token(seller.customerEmail)))
      .send({ dealerLoginId: maint.loginId, dealerPhone: '(03) 1234 5678' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      id: expect.any(String),
      dealerLoginId: maint.loginId,
      deviceIds: [d.deviceId],
    });

    const list = await monitored(maint);
    expect(list).toEqual([
      expect.objectContaining({
        deviceId: d.deviceId,
        customerId: seller.customerId,
        type: 'recorder',
        status: 'online',
        lastSeenAt: expect.any(String),
        name: null,
      }),
    ]);
    const mails = await mailbox(t, c1, 'maintenance-linked');
    expect(mails).toHaveLength(1);
    expect(mails[0].data.customerName).toBe('Customer Co');
    // The selling dealer sees nothing in its own monitoring list.
    expect(await monitored(seller)).toEqual([]);
    const audit = await t.ds.query(
      `SELECT actor_user_id FROM audit_log WHERE action = 'maintenance.linked' AND dealer_id = $1`,
      [maint.dealerId],
    );
    expect(audit).toEqual([{ actor_user_id: seller.customerUserId }]);
  });

  it('wrong ID and wrong phone answer the same code and message; 5 failures rate-limit the customer for 15 minutes', async () => {
    t.clock.set(new Date('2026-12-01T00:00:00Z'), true);
    const m = await makeDealerAndCustomer(t);
    const wrongId = await link(m, { ...m, loginId: 'no-such-dealer' });
    const wrongPhone = await link(m, m, { dealerPhone: '03-9999-9999' });
    for (const r of [wrongId, wrongPhone]) {
      expect(r.status).toBe(400);
      expect(r.body.code).toBe(ErrorCode.MAINTENANCE_DEALER_MISMATCH);
    }
    expect(wrongId.body.message).toBe(wrongPhone.body.message);
    for (let i = 0; i < 3; i++) expect((await link(m, m, { dealerPhone: '1' })).status).toBe(400);
    // Five failures: even the right pair is refused now.
    const limited = await link(m, m);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe(ErrorCode.MAINTENANCE_LINK_RATE_LIMITED);
    // Another customer is not affected.
    const other = await makeDealerAndCustomer(t);
    expect((await link(other, other)).status).toBe(201);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await link(m, m)).status).toBe(201);
    t.clock.set(null);
  });

  it('parallel wrong attempts cannot slip past the limit', async () => {
    const m = await makeDealerAndCustomer(t);
    const tk = await token(m.customerEmail);
    const codes = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http
          .post('/api/maintenance-links')
          .set(bearer(tk))
          .send({ dealerLoginId: m.loginId, dealerPhone: '099' })
          .then((r) => r.status),
      ),
    );
    expect(codes.filter((c) => c === 400)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(5);
  });

  it('chosen devices only; a device registered later is linked only with "all"', async () => {
    const m = await makeDealerAndCustomer(t);
    const maint = await makeDealerAndCustomer(t);
    const a = await register(t, m.customerEmail, recorderSpec([1]));
    const b = await register(t, m.customerEmail, recorderSpec([1]));
    const chosen = await link(m, maint, { deviceIds: [a.deviceId] });
    expect(chosen.status).toBe(201);
    expect(chosen.body.deviceIds).toEqual([a.deviceId]);
    expect(chosen.body.allDevices).toBe(false);
    const later = await register(t, m.customerEmail, recorderSpec([1]));
    expect((await monitored(maint)).map((x) => x.deviceId)).toEqual([a.deviceId]);
    const unchosen = await t.http
      .get(`/api/maintenance/devices/${b.deviceId}`)
      .set(bearer(await token(maint.ownerEmail)));
    expect(unchosen.status).toBe(404);

    // A foreign device id is refused, naming the field.
    const stranger = await makeDealerAndCustomer(t);
    const sd = await register(t, stranger.customerEmail, recorderSpec([1]));
    const foreign = await link(m, maint, { deviceIds: [sd.deviceId] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toMatch(/^deviceIds/);

    const all = await link(m, maint);
    expect(all.status).toBe(201);
    expect(all.body.id).toBe(chosen.body.id);
    expect(all.body.allDevices).toBe(true);
    const after = await register(t, m.customerEmail, directSpec());
    expect(new Set((await monitored(maint)).map((x) => x.deviceId))).toEqual(
      new Set([a.deviceId, b.deviceId, later.deviceId, after.deviceId]),
    );
  });

  it('a chosen device stays linked through a device exchange', async () => {
    const m = await makeDealerAndCustomer(t);
    const maint = await makeDealerAndCustomer(t);
    const old = await register(t, m.customerEmail, recorderSpec([1]));
    const other = await register(t, m.customerEmail, recorderSpec([1]));
    await link(m, maint, { deviceIds: [old.deviceId] });
    const spec = recorderSpec([1]);
    const ctok = await token(m.customerEmail);
    const ex = await t.http
      .post(`/api/devices/${old.deviceId}/exchange`)
      .set(bearer(ctok))
      .send({ serial: spec.serial, model: spec.model, mac: spec.mac, firmware: spec.firmware });
    expect(ex.status).toBe(201);
    const ids = (await monitored(maint)).map((x) => x.deviceId);
    expect(ids).toEqual([ex.body.deviceId]);
    expect(ids).not.toContain(other.deviceId);
    const mine = await t.http.get('/api/maintenance-links').set(bearer(ctok));
    expect(mine.body[0].deviceIds).toEqual([ex.body.deviceId]);
  });

  it('falls back to the notification e-mail when no contacts are set; not in a proxy session', async () => {
    const m = await makeDealerAndCustomer(t);
    await register(t, m.customerEmail, recorderSpec([1]));
    expect((await link(m, m)).status).toBe(201);
    expect(await mailbox(t, `${m.loginId}@dealer.test`, 'maintenance-linked')).toHaveLength(1);

    const proxy = await t.http
      .post('/api/proxy-sessions')
      .set(bearer(await token(m.ownerEmail)))
      .send({ customerId: m.customerId, reason: 'installation' });
    expect(proxy.status).toBe(201);
    const inProxy = await t.http
      .post('/api/maintenance-links')
      .set(bearer(proxy.body.accessToken))
      .send({ dealerLoginId: m.loginId, dealerPhone: '0300000000' });
    expect(inProxy.status).toBe(403);
    expect(inProxy.body.code).toBe(ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION);
  });

  it('the customer sees its links and can unlink; the dealer then sees nothing; others cannot unlink', async () => {
    const m = await makeDealerAndCustomer(t);
    const maint = await makeDealerAndCustomer(t);
    const c1 = contact();
    await setContacts(maint, [c1]);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const l = await link(m, maint);
    const mine = await t.http.get('/api/maintenance-links').set(bearer(await token(m.customerEmail)));
    expect(mine.body).toEqual([
      expect.objectContaining({ id: l.body.id, dealerLoginId: maint.loginId, deviceIds: [d.deviceId] }),
    ]);

    const other = await makeDealerAndCustomer(t);
    const foreign = await t.http
      .delete(`/api/maintenance-links/${l.body.id}`)
      .set(bearer(await token(other.customerEmail)));
    expect(foreign.status).toBe(404);

    const del = await t.http
      .delete(`/api/maintenance-links/${l.body.id}`)
      .set(bearer(await token(m.customerEmail)));
    expect(del.status).toBe(204);
    expect(await monitored(maint)).toEqual([]);
    const page = await t.http
      .get(`/api/maintenance/devices/${d.deviceId}`)
      .set(bearer(await token(maint.ownerEmail)));
    expect(page.status).toBe(404);
    expect(await mailbox(t, c1, 'maintenance-unlinked')).toHaveLength(1);
    const again = await t.http
      .delete(`/api/maintenance-links/${l.body.id}`)
      .set(bearer(await token(m.customerEmail)));
    expect(again.status).toBe(404);
    expect(
      (await t.http.get('/api/maintenance-links').set(bearer(await token(m.customerEmail)))).body,
    ).toEqual([]);
    const audit = await t.ds.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [
      l.body.id,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'maintenance.linked',
      'maintenance.unlinked',
    ]);
  });
});

describe('monitoring list and device page', () => {
  it('is tenant-isolated: another dealer sees nothing, also not by guessing ids', async () => {
    const m = await makeDealerAndCustomer(t);
    const maint = await makeDealerAndCustomer(t);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    await link(m, maint);
    const intruder = await makeDealerAndCustomer(t);
    const it = await token(intruder.ownerEmail);
    expect(await monitored(intruder)).toEqual([]);
    for (const path of ['', '/commands', '/connection-history', '/logs']) {
      const r = await t.http.get(`/api/maintenance/devices/${d.deviceId}${path}`).set(bearer(it));
      expect(r.status).toBe(404);
    }
    const op = await t.http
      .post(`/api/maintenance/devices/${d.deviceId}/commands`)
      .set(bearer(it))
      .send({ kind: 'restart' });
    expect(op.status).toBe(404);
    // Filtering by the other dealer's customer gives nothing either.
    expect(await monitored(intruder, { customerId: m.customerId })).toEqual([]);
    // Customers cannot call the dealer routes.
    const asCustomer = await t.http.get('/api/maintenance/devices').set(bearer(await token(m.customerEmail)));
    expect(asCustomer.status).toBe(403);
    // The linked dealer sees the page with connection history.
    const mt = await token(maint.ownerEmail);
    const page = await t.http.get(`/api/maintenance/devices/${d.deviceId}`).set(bearer(mt));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      deviceId: d.deviceId,
      cameraList: [expect.any(Object)],
      blockedReason: 'unlicensed',
    });
    // Issue 12: connection history, logs and commands are remote maintenance (SPEC §3) — refused
    // while no camera is licensed, with the license state named; the page above stays.
    for (const path of ['/connection-history', '/logs', '/commands']) {
      const r = await t.http.get(`/api/maintenance/devices/${d.deviceId}${path}`).set(bearer(mt));
      expect(r.status).toBe(403);
      expect(r.body.code).toBe(ErrorCode.LICENSE_REQUIRED);
      expect(r.body.message).toMatch(/never licensed/);
    }
    // A license bound to the camera opens them at once (no job run), each read audited.
    await (await licenses(t, m)).assign(1);
    const hist = await t.http
      .get(`/api/maintenance/devices/${d.deviceId}/connection-history`)
      .set(bearer(mt));
    expect(hist.status).toBe(200);
    expect(hist.body.items.map((e: { kind: string }) => e.kind)).toEqual(['registered']);
    const logs = await t.http.get(`/api/maintenance/devices/${d.deviceId}/logs`).set(bearer(mt));
    expect(logs.status).toBe(200);
    const reads = await t.ds.query(
      `SELECT actor_user_id, dealer_id, customer_id, after FROM audit_log
        WHERE action = 'maintenance.device_read' AND target_id = $1 ORDER BY id`,
      [d.deviceId],
    );
    expect(reads.map((a: { after: { read: string } }) => a.after.read)).toEqual([
      'connection-history',
      'logs',
    ]);
    expect(reads[0]).toMatchObject({
      actor_user_id: maint.ownerId,
      dealer_id: maint.dealerId,
      customer_id: m.customerId,
    });
  });

  it('filters by customer, name, status and last contact; pages and exports CSV', async () => {
    t.clock.set(new Date('2027-01-10T00:00:00Z'), true);
    const maint = await makeDealerAndCustomer(t);
    const c1 = await makeDealerAndCustomer(t);
    const c2 = await makeDealerAndCustomer(t);
    const a = await register(t, c1.customerEmail, recorderSpec([1]));
    t.clock.advance(60 * 60_000);
    const b = await register(t, c1.customerEmail, recorderSpec([1]));
    const c = await register(t, c2.customerEmail, directSpec());
    await t.ds.query(`UPDATE device SET name = 'Front door' WHERE id = $1`, [b.deviceId]);
    await t.ds.query(`UPDATE device SET status = 'alarm' WHERE id = $1`, [c.deviceId]);
    await link(c1, maint);
    await link(c2, maint);
    const ids = (xs: Array<{ deviceId: string }>) => xs.map((x) => x.deviceId).sort();
    expect(ids(await monitored(maint))).toEqual([a.deviceId, b.deviceId, c.deviceId].sort());
    expect(ids(await monitored(maint, { customerId: c1.customerId }))).toEqual(
      [a.deviceId, b.deviceId].sort(),
    );
    expect(ids(await monitored(maint, { q: 'front' }))).toEqual([b.deviceId]);
    expect(ids(await monitored(maint, { status: 'alarm' }))).toEqual([c.deviceId]);
    expect(ids(await monitored(maint, { lastSeenBefore: '2027-01-10T00:30:00Z' }))).toEqual([a.deviceId]);
    expect(ids(await monitored(maint, { lastSeenAfter: '2027-01-10T00:30:00Z' }))).toEqual(
      [b.deviceId, c.deviceId].sort(),
    );
    const bad = await t.http
      .get('/api/maintenance/devices')
      .query({ lastSeenBefore: 'yesterday' })
      .set(bearer(await token(maint.ownerEmail)));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^lastSeenBefore/);

    const mt = await token(maint.ownerEmail);
    const p2 = await t.http
      .get('/api/maintenance/devices/page')
      .query({ page: 2, pageSize: 2 })
      .set(bearer(mt));
    expect(p2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(p2.body.items).toHaveLength(1);
    const customers = await t.http.get('/api/maintenance/customers').set(bearer(mt));
    expect(customers.body).toHaveLength(2);
    const csv = await t.http
      .get('/api/maintenance/devices/export.csv')
      .query({ status: 'alarm' })
      .set(bearer(mt));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(c.deviceId);
    t.clock.set(null);
  });
});

describe('remote operations', () => {
  it('run while licensed (audited as the dealer member, delivered to the device); refused once the camera lapsed', async () => {
    t.clock.set(new Date('2027-02-10T03:00:00Z'), true);
    const m = await makeDealerAndCustomer(t);
    const maint = await makeDealerAndCustomer(t);
    const lic = await licenses(t, m, 'edge', 1);
    await lic.assign(1);
    const d = await register(t, m.customerEmail, recorderSpec([1, 2]));
    await link(m, maint);
    const mt = await token(maint.ownerEmail);
    const page = await t.http.get(`/api/maintenance/devices/${d.deviceId}`).set(bearer(mt));
    expect(page.body).toMatchObject({ operable: true, licensedCameras: 1, cameras: 2, blockedReason: null });

    const restart = await t.http
      .post(`/api/maintenance/devices/${d.deviceId}/commands`)
      .set(bearer(mt))
      .send({ kind: 'restart' });
    expect(restart.status).toBe(201);
    expect(restart.body).toMatchObject({ kind: 'restart', status: 'pending' });
    const past = await t.http
      .post(`/api/maintenance/devices/${d.deviceId}/commands`)
      .set(bearer(mt))
      .send({ kind: 'firmware_update', at: '2027-02-10T02:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe(ErrorCode.RESERVATION_IN_PAST);
    const noAt = await t.http
      .post(`/api/maintenance/devices/${d.deviceId}/commands`)
      .set(bearer(mt))
      .send({ kind: 'firmware_update' });
    expect(noAt.status).toBe(400);
    const fw = await t.http
      .post(`/api/maintenance/devices/${d.deviceId}/commands`)
      .set(bearer(mt))
      .send({ kind: 'firmware_update', at: '2027-02-11T01:00:00Z', payload: { version: '2.0.0' } });
    expect(fw.status).toBe(201);
    const thumb = await t.http
      .post(`/api/maintenance/devices/${d.deviceId}/commands`)
      .set(bearer(mt))
      .send({ kind: 'thumbnail_cache' });
    expect(thumb.status).toBe(400);

    const hb = await t.http
      .post('/api/device/heartbeat')
      .set(deviceAuth(d.credential))
      .send({ status: 'normal' });
    expect(hb.body.commands.map((c: { kind: string }) => c.kind)).toEqual(['restart']);
    const audit = await t.ds.query(
      `SELECT actor_user_id, dealer_id, customer_id FROM audit_log
        WHERE action = 'maintenance.command_queued' AND target_id = $1 ORDER BY id`,
      [d.deviceId],
    );
    expect(audit).toHaveLength(2);
    expect(audit[0]).toEqual({
      actor_user_id: maint.ownerId,
      dealer_id: maint.dealerId,
      customer_id: m.customerId,
    });

    // The 1-month license ends 2027-04-30 (JST); in May the camera has lapsed.
    t.clock.set(new Date('2027-05-02T00:00:00Z'), true);
    const mt2 = await token(maint.ownerEmail);
    const lapsed = await t.http
      .post(`/api/maintenance/devices/${d.deviceId}/commands`)
      .set(bearer(mt2))
      .send({ kind: 'alarm_reset' });
    expect(lapsed.status).toBe(409);
    expect(lapsed.body.code).toBe(ErrorCode.MAINTENANCE_UNLICENSED);
    const after = await t.http.get(`/api/maintenance/devices/${d.deviceId}`).set(bearer(mt2));
    expect(after.body).toMatchObject({
      operable: false,
      blockedReason: 'unlicensed',
      licenseState: 'lapsed',
      lapsedAt: '2027-04-30T14:59:59.999Z',
    });
    // Cancelling the firmware reservation needs no license (issue 12); it is audited.
    const cancel = await t.http
      .delete(`/api/maintenance/devices/${d.deviceId}/firmware-reservation`)
      .set(bearer(mt2));
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ id: fw.body.id, status: 'cancelled' });
    const again = await t.http
      .delete(`/api/maintenance/devices/${d.deviceId}/firmware-reservation`)
      .set(bearer(mt2));
    expect(again.status).toBe(404);
    expect(again.body.code).toBe(ErrorCode.NO_FIRMWARE_RESERVATION);
    const [cancelAudit] = await t.ds.query(
      `SELECT actor_user_id FROM audit_log WHERE action = 'maintenance.firmware_reservation_cancelled' AND target_id = $1`,
      [d.deviceId],
    );
    expect(cancelAudit.actor_user_id).toBe(maint.ownerId);
    t.clock.set(null);
  });

  it('a camera-direct device needs its own camera licensed', async () => {
    const m = await makeDealerAndCustomer(t);
    const d = await register(t, m.customerEmail, directSpec());
    await link(m, m);
    const r = await t.http
      .post(`/api/maintenance/devices/${d.deviceId}/commands`)
      .set(bearer(await token(m.ownerEmail)))
      .send({ kind: 'restart' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe(ErrorCode.MAINTENANCE_UNLICENSED);
    expect(r.body.message).toMatch(/camera-direct camera: it has never had a license/);
    // Alarm reset and firmware updates are the recorder's (seed 001 §2.1): 400 whatever the license.
    const unsupported = await t.http
      .post(`/api/maintenance/devices/${d.deviceId}/commands`)
      .set(bearer(await token(m.ownerEmail)))
      .send({ kind: 'firmware_update', at: '2099-01-01T00:00:00Z' });
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.code).toBe(ErrorCode.OPERATION_NOT_SUPPORTED);
  });
});

describe('anomaly e-mails', () => {
  const runLiveness = async () => {
    const r = await t.http.post('/api/dev/jobs/device-liveness/run');
    expect(r.body.run.outcome).toBe('succeeded');
    return r.body.run.counts as Record<string, number>;
  };

  it('one e-mail per incident across repeated liveness runs, and one recovery e-mail', async () => {
    t.clock.set(new Date('2027-03-01T00:00:00Z'), true);
    const m = await makeDealerAndCustomer(t);
    const maint = await makeDealerAndCustomer(t);
    const [c1, c2] = [contact(), contact()];
    await setContacts(maint, [c1, c2]);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    await link(m, maint);

    t.clock.advance(10 * 60_000);
    await runLiveness();
    for (let i = 0; i < 3; i++) {
      t.clock.advance(60_000);
      await runLiveness();
    }
    for (const to of [c1, c2]) {
      const mails = await mailbox(t, to, 'maintenance-anomaly');
      expect(mails).toHaveLength(1);
      expect(mails[0].data).toMatchObject({ kind: 'communication_error', deviceId: d.deviceId });
    }
    const page = await t.http
      .get(`/api/maintenance/devices/${d.deviceId}`)
      .set(bearer(await token(maint.ownerEmail)));
    expect(page.body.openIncidents).toEqual([{ kind: 'communication_error', openedAt: expect.any(String) }]);

    await t.http.post('/api/device/heartbeat').set(deviceAuth(d.credential)).send({ status: 'normal' });
    await runLiveness();
    t.clock.advance(60_000);
    await runLiveness();
    for (const to of [c1, c2]) {
      expect(await mailbox(t, to, 'maintenance-recovered')).toHaveLength(1);
      expect(await mailbox(t, to, 'maintenance-anomaly')).toHaveLength(1);
    }

    // A new incident later is e-mailed again (once).
    t.clock.advance(10 * 60_000);
    await runLiveness();
    await runLiveness();
    expect(await mailbox(t, c1, 'maintenance-anomaly')).toHaveLength(2);
    t.clock.set(null);
  });

  it('two scans at once open the incident once and send one e-mail', async () => {
    t.clock.set(new Date('2027-03-03T00:00:00Z'), true);
    const m = await makeDealerAndCustomer(t);
    const c1 = contact();
    await setContacts(m, [c1]);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    await link(m, m);
    await t.http
      .post('/api/device/heartbeat')
      .set(deviceAuth(d.credential))
      .send({ status: 'recorder_error' });
    const scans = t.get(IncidentsService);
    const now = t.clock.now();
    const [a, b] = await Promise.all([scans.scan(now), scans.scan(now)]);
    expect(a.anomalyMails + b.anomalyMails).toBeGreaterThanOrEqual(1);
    expect(await mailbox(t, c1, 'maintenance-anomaly')).toHaveLength(1);
    const open = await t.ds.query(
      `SELECT kind FROM maintenance_incident WHERE device_id = $1 AND closed_at IS NULL`,
      [d.deviceId],
    );
    expect(open).toEqual([{ kind: 'recorder_error' }]);
    t.clock.set(null);
  });

  it('recorder error and alarm reported by heartbeat: one e-mail however many heartbeats; silence keeps it open', async () => {
    t.clock.set(new Date('2027-03-05T00:00:00Z'), true);
    const m = await makeDealerAndCustomer(t);
    const maint = await makeDealerAndCustomer(t);
    const c1 = contact();
    await setContacts(maint, [c1]);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    await link(m, maint);
    const beat = (status: string) =>
      t.http.post('/api/device/heartbeat').set(deviceAuth(d.credential)).send({ status });

    for (let i = 0; i < 3; i++) {
      await beat('alarm');
      await runLiveness();
      t.clock.advance(60_000);
    }
    expect((await mailbox(t, c1, 'maintenance-anomaly')).map((x) => x.data.kind)).toEqual(['alarm']);
    // Silent while in alarm: communication error opens; the alarm does not "recover".
    t.clock.advance(10 * 60_000);
    await runLiveness();
    expect((await mailbox(t, c1, 'maintenance-anomaly')).map((x) => x.data.kind).sort()).toEqual([
      'alarm',
      'communication_error',
    ]);
    expect(await mailbox(t, c1, 'maintenance-recovered')).toEqual([]);
    await beat('normal');
    await runLiveness();
    expect((await mailbox(t, c1, 'maintenance-recovered')).map((x) => x.data.kind).sort()).toEqual([
      'alarm',
      'communication_error',
    ]);
    // A device not linked to anyone opens no incident.
    const unlinked = await makeDealerAndCustomer(t);
    const u = await register(t, unlinked.customerEmail, recorderSpec([1]));
    await t.http
      .post('/api/device/heartbeat')
      .set(deviceAuth(u.credential))
      .send({ status: 'recorder_error' });
    await runLiveness();
    const inc = await t.ds.query(`SELECT 1 FROM maintenance_incident WHERE device_id = $1`, [u.deviceId]);
    expect(inc).toEqual([]);
    t.clock.set(null);
  });
});
