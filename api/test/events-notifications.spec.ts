import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, NOTIFY_EVENT_TYPES } from '@lc/shared';
import { mailbox } from './account-helpers.js';
import { deviceAuth, licenses, recorderSpec, register } from './device-helpers.js';
import {
  bearer,
  login,
  makeDealerAndCustomer,
  PASSWORD,
  startApp,
  uniq,
  type Made,
  type TestApp,
} from './harness.js';

let t: TestApp;
let b: TestApp; // a second API process on the same database
beforeAll(async () => {
  t = await startApp();
  b = await startApp({ dbUrl: t.dbUrl });
});
afterAll(async () => {
  await b.close();
  await t.close();
});

const beat = (app: TestApp, credential: string, body: Record<string, unknown>) =>
  app.http.post('/api/device/heartbeat').set(deviceAuth(credential)).send(body);

const eventMails = async (to: string) => mailbox(t, to, 'device-event');

/** Mon 2027-03-01 10:00 JST. */
const MON_10_JST = new Date('2027-03-01T01:00:00.000Z');

/** A customer with a recorder: camera ch1 licensed, ch2 without a license; e-mail on for motion. */
async function setup(settings: Record<string, unknown> = {}) {
  t.clock.set(MON_10_JST, true);
  const m: Made = await makeDealerAndCustomer(t);
  const d = await register(t, m.customerEmail, recorderSpec([1]));
  await (await licenses(t, m)).assign(1);
  // ch2 connects later, when the pool is empty: it stays unlicensed.
  await beat(t, d.credential, {
    status: 'normal',
    cameras: [1, 2].map((channel) => ({ channel, model: 'CAM' })),
  });
  const token = (await login(t, m.customerEmail)).accessToken;
  const put = await t.http
    .put('/api/event-notifications')
    .set(bearer(token))
    .send({ email: true, push: false, eventTypes: ['motion'], schedule: null, ...settings });
  expect(put.status).toBe(200);
  return { m, d, token };
}

describe('notification settings (GET/PUT /api/event-notifications)', () => {
  it('start with e-mail and push off, every type, always; PUT replaces them for this user only', async () => {
    const m = await makeDealerAndCustomer(t);
    const token = (await login(t, m.customerEmail)).accessToken;
    const g = await t.http.get('/api/event-notifications').set(bearer(token));
    expect(g.status).toBe(200);
    expect(g.body).toEqual({
      email: false,
      push: false,
      eventTypes: [...NOTIFY_EVENT_TYPES],
      schedule: null,
    });
    const body = {
      email: true,
      push: true,
      eventTypes: ['hdd_space', 'motion'],
      schedule: { days: [5, 1], from: '22:00', to: '06:00' },
    };
    const p = await t.http.put('/api/event-notifications').set(bearer(token)).send(body);
    expect(p.status).toBe(200);
    expect(p.body).toEqual({
      email: true,
      push: true,
      eventTypes: ['motion', 'hdd_space'],
      schedule: { days: [1, 5], from: '22:00', to: '06:00' },
    });
    expect((await t.http.get('/api/event-notifications').set(bearer(token))).body).toEqual(p.body);
    const other = await makeDealerAndCustomer(t);
    const o = await t.http
      .get('/api/event-notifications')
      .set(bearer((await login(t, other.customerEmail)).accessToken));
    expect(o.body.email).toBe(false);
    const audit = await t.ds.query(
      `SELECT action FROM audit_log WHERE actor_user_id = $1 AND action = 'events.notification_settings_changed'`,
      [m.customerUserId],
    );
    expect(audit).toHaveLength(1);
  });

  it('refuses bad input naming the field, and dealers', async () => {
    const m = await makeDealerAndCustomer(t);
    const token = (await login(t, m.customerEmail)).accessToken;
    const ok = { email: true, push: false, eventTypes: ['motion'], schedule: null };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...ok, eventTypes: ['nope'] }, 'eventTypes'],
      [{ ...ok, email: 'yes' }, 'email'],
      [{ ...ok, schedule: { days: [], from: '09:00', to: '18:00' } }, 'schedule.days'],
      [{ ...ok, schedule: { days: [8], from: '09:00', to: '18:00' } }, 'schedule.days'],
      [{ ...ok, schedule: { days: [1], from: '9am', to: '18:00' } }, 'schedule.from'],
      [{ ...ok, schedule: { days: [1], from: '09:00', to: '25:00' } }, 'schedule.to'],
    ];
    for (const [body, field] of cases) {
      const r = await t.http.put('/api/event-notifications').set(bearer(token)).send(body);
      expect([r.status, r.body.code]).toEqual([400, ErrorCode.VALIDATION]);
      expect(r.body.message.startsWith(field)).toBe(true);
    }
    const dealer = (await login(t, m.ownerEmail)).accessToken;
    expect((await t.http.get('/api/event-notifications').set(bearer(dealer))).status).toBe(403);
  });
});

describe('event e-mails', () => {
  it('one e-mail per camera and type; events within 10 minutes are folded; then a new one', async () => {
    const { m, d } = await setup();
    const ch1 = d.cameras.find((c) => c.channel === 1)!.id;
    expect(
      (await beat(t, d.credential, { status: 'normal', events: [{ type: 'motion', channel: 1 }] })).status,
    ).toBe(200);
    let mails = await eventMails(m.customerEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0].data).toMatchObject({
      deviceId: d.deviceId,
      cameraId: ch1,
      type: 'motion',
      at: MON_10_JST.toISOString(),
    });
    expect(mails[0].language).toBe('ja');
    expect(mails[0].subject).toContain('動作検知');
    expect(mails[0].text).toContain('/events?deviceIds=');
    // 9 minutes later, twice: folded into the first e-mail.
    t.clock.advance(9 * 60_000);
    await beat(t, d.credential, {
      status: 'normal',
      events: [
        { type: 'motion', channel: 1 },
        { type: 'motion', channel: 1 },
      ],
    });
    expect(await eventMails(m.customerEmail)).toHaveLength(1);
    const [state] = await t.ds.query(`SELECT folded FROM event_mail_state WHERE user_id = $1`, [
      m.customerUserId,
    ]);
    expect(state.folded).toBe(2);
    // 10 minutes after the last e-mail: a new one.
    t.clock.advance(60_000);
    await beat(t, d.credential, { status: 'normal', events: [{ type: 'motion', channel: 1 }] });
    mails = await eventMails(m.customerEmail);
    expect(mails).toHaveLength(2);
    // Every event is searchable, mailed or folded.
    const token = (await login(t, m.customerEmail)).accessToken;
    expect((await t.http.get('/api/events').query({ types: 'motion' }).set(bearer(token))).body.total).toBe(
      4,
    );
  });

  it('only for chosen types, licensed cameras, with e-mail on', async () => {
    const { m, d, token } = await setup();
    await beat(t, d.credential, {
      status: 'normal',
      events: [
        { type: 'audio', channel: 1 }, // type not chosen
        { type: 'motion', channel: 2 }, // camera without a license
        { type: 'recording_started', channel: 1 }, // never mailed
      ],
    });
    expect(await eventMails(m.customerEmail)).toHaveLength(0);
    await t.http
      .put('/api/event-notifications')
      .set(bearer(token))
      .send({ email: false, push: true, eventTypes: ['motion'], schedule: null });
    await beat(t, d.credential, { status: 'normal', events: [{ type: 'motion', channel: 1 }] });
    expect(await eventMails(m.customerEmail)).toHaveLength(0);
  });

  it('stops when the license has ended (valid up to and including ends_at)', async () => {
    const { m, d } = await setup();
    const [l] = await t.ds.query(`SELECT ends_at FROM license WHERE customer_id = $1 AND state = 'bound'`, [
      m.customerId,
    ]);
    t.clock.set(new Date(l.ends_at), true);
    await beat(t, d.credential, { status: 'normal', events: [{ type: 'motion', channel: 1 }] });
    expect(await eventMails(m.customerEmail)).toHaveLength(1);
    t.clock.set(new Date(new Date(l.ends_at).getTime() + 20 * 60_000), true);
    await beat(t, d.credential, { status: 'normal', events: [{ type: 'motion', channel: 1 }] });
    expect(await eventMails(m.customerEmail)).toHaveLength(1);
  });

  it("follows the schedule in the user's time zone", async () => {
    // Weekdays 09:00–12:00; the clock is Mon 10:00 JST = Sun 17:00 in Los Angeles.
    const { m, d } = await setup({ schedule: { days: [1, 2, 3, 4, 5], from: '09:00', to: '12:00' } });
    await t.ds.query(`UPDATE app_user SET time_zone = 'America/Los_Angeles' WHERE id = $1`, [
      m.customerUserId,
    ]);
    await beat(t, d.credential, { status: 'normal', events: [{ type: 'motion', channel: 1 }] });
    expect(await eventMails(m.customerEmail)).toHaveLength(0);
    await t.ds.query(`UPDATE app_user SET time_zone = 'Asia/Tokyo' WHERE id = $1`, [m.customerUserId]);
    await beat(t, d.credential, { status: 'normal', events: [{ type: 'motion', channel: 1 }] });
    expect(await eventMails(m.customerEmail)).toHaveLength(1);
    t.clock.advance(2 * 3600_000); // 12:00 JST: outside
    await beat(t, d.credential, { status: 'normal', events: [{ type: 'motion', channel: 1 }] });
    expect(await eventMails(m.customerEmail)).toHaveLength(1);
  });

  it('recorder events (no camera) are mailed while the recorder has a licensed camera', async () => {
    const { m, d } = await setup({ eventTypes: ['hdd_space'] });
    await beat(t, d.credential, { status: 'normal', events: [{ type: 'hdd_space' }] });
    const mails = await eventMails(m.customerEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0].data).toMatchObject({ deviceId: d.deviceId, cameraId: null, type: 'hdd_space' });
  });

  it('reach a shared user only for a camera shared with them and with the event-search permission', async () => {
    const { m, d, token } = await setup();
    const ch1 = d.cameras.find((c) => c.channel === 1)!.id;
    const invite = async (eventSearch: boolean) => {
      const email = `${uniq('su')}@shared.test`;
      const c = await t.http
        .post('/api/shared-users')
        .set(bearer(token))
        .send({
          name: 'Viewer',
          email,
          permissions: {
            playback: false,
            download: false,
            cameraControl: false,
            eventSearch,
            cameraSettings: false,
          },
        });
      expect(c.status).toBe(201);
      await t.http
        .put(`/api/shared-users/${c.body.id}/cameras`)
        .set(bearer(token))
        .send({ cameraIds: [ch1] })
        .expect(200);
      const [inv] = await mailbox(t, email, 'shared-user-invitation');
      await t.http
        .post('/api/auth/accept-invitation')
        .send({ token: inv.data.token, password: PASSWORD })
        .expect(204);
      const own = (await login(t, email)).accessToken;
      await t.http
        .put('/api/event-notifications')
        .set(bearer(own))
        .send({ email: true, push: false, eventTypes: ['motion'], schedule: null })
        .expect(200);
      return email;
    };
    const searcher = await invite(true);
    const watcher = await invite(false);
    expect(
      (await beat(t, d.credential, { status: 'normal', events: [{ type: 'motion', channel: 1 }] })).status,
    ).toBe(200);
    expect(await eventMails(m.customerEmail)).toHaveLength(1);
    expect(await eventMails(searcher)).toHaveLength(1);
    expect(await eventMails(watcher)).toHaveLength(0);
  });

  it('exactly once across two API processes reporting at the same time', async () => {
    const { m, d } = await setup();
    b.clock.set(t.clock.now(), true);
    const rs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        beat(i % 2 ? b : t, d.credential, { status: 'normal', events: [{ type: 'motion', channel: 1 }] }),
      ),
    );
    expect(rs.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await eventMails(m.customerEmail)).toHaveLength(1);
    const [s] = await t.ds.query(`SELECT folded FROM event_mail_state WHERE user_id = $1`, [
      m.customerUserId,
    ]);
    expect(s.folded).toBe(5);
  });
});

describe('event search', () => {
  it('takes several devices and types, pages by 100, shows at most the latest 1000 and says so', async () => {
    t.clock.set(MON_10_JST, true);
    const m = await makeDealerAndCustomer(t);
    // SPEC §3: only events of licensed cameras are searchable — each recorder's camera gets one.
    await (await licenses(t, m)).assign(3);
    const a = await register(t, m.customerEmail, recorderSpec([1]));
    const c = await register(t, m.customerEmail, recorderSpec([1]));
    const e = await register(t, m.customerEmail, recorderSpec([1]));
    const insert = (deviceId: string, type: string, n: number) =>
      t.ds.query(
        `INSERT INTO device_event (device_id, customer_id, type, at)
         SELECT $1, $2, $3, $4::timestamptz - make_interval(secs => g) FROM generate_series(1, $5) g`,
        [deviceId, m.customerId, type, MON_10_JST, n],
      );
    await insert(a.deviceId, 'motion', 600);
    await insert(c.deviceId, 'audio', 500);
    await insert(e.deviceId, 'motion', 5);
    const token = (await login(t, m.customerEmail)).accessToken;
    const q = (query: Record<string, string | number>) =>
      t.http.get('/api/events').query(query).set(bearer(token));

    const two = await q({ deviceIds: `${a.deviceId},${c.deviceId}` });
    expect(two.status).toBe(200);
    expect([two.body.total, two.body.truncated, two.body.items.length]).toEqual([1000, true, 100]);
    const last = await q({ deviceIds: `${a.deviceId},${c.deviceId}`, page: 10 });
    expect(last.body.items).toHaveLength(100);
    expect((await q({ deviceIds: `${a.deviceId},${c.deviceId}`, page: 11 })).body.items).toHaveLength(0);

    const types = await q({ types: 'audio,motion', deviceIds: `${c.deviceId},${e.deviceId}` });
    expect([types.body.total, types.body.truncated]).toEqual([505, false]);
    const motion = await t.http
      .get('/api/events')
      .query(`types=motion&deviceIds=${a.deviceId}&deviceIds=${e.deviceId}`)
      .set(bearer(token));
    expect(motion.body.total).toBe(605);

    // Another customer's device is not found; bad ids name the field.
    const other = await makeDealerAndCustomer(t);
    const od = await register(t, other.customerEmail, recorderSpec([1]));
    expect((await q({ deviceIds: `${a.deviceId},${od.deviceId}` })).status).toBe(404);
    const bad = await q({ deviceIds: 'x' });
    expect([bad.status, bad.body.message.startsWith('deviceIds')]).toEqual([400, true]);
  });

  it('the bell lists the latest 10 alarms; retention deletes events older than one month in batches', async () => {
    t.clock.set(MON_10_JST, true);
    const m = await makeDealerAndCustomer(t);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    await t.ds.query(
      `INSERT INTO device_event (device_id, customer_id, type, at)
       SELECT $1, $2, CASE WHEN g % 2 = 0 THEN 'motion' ELSE 'recording_started' END,
              $3::timestamptz - make_interval(days => g) FROM generate_series(0, 39) g`,
      [d.deviceId, m.customerId, MON_10_JST],
    );
    const token = (await login(t, m.customerEmail)).accessToken;
    const bell = await t.http.get('/api/events/alarms').set(bearer(token));
    expect(bell.status).toBe(200);
    expect(bell.body).toHaveLength(10);
    expect(bell.body.every((e: { type: string }) => e.type === 'motion')).toBe(true);
    expect(bell.body[0].at).toBe(MON_10_JST.toISOString());

    const { EventRetentionService } = await import('../src/events/retention.service.js');
    const r = await t.get(EventRetentionService).purge(t.clock.now(), 3);
    // 2027-03-01 minus one month = 2027-02-01: days 29..39 back are older (11 events).
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM device_event WHERE customer_id = $1`, [
      m.customerId,
    ]);
    expect(n).toBe(29);
    expect(r.eventsDeleted).toBeGreaterThanOrEqual(11);
    expect(r.batches).toBeGreaterThanOrEqual(4);
    const run = await t.http.post('/api/dev/jobs/event-retention/run');
    expect(run.status).toBeLessThan(300);
  });
});
