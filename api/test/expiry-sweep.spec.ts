import { describe, expect, it } from '@jest/globals';
import type { EntitlementsDocument } from '@lc/shared';
import { BindingService } from '../src/licenses/binding.service.js';
import { JobsService } from '../src/jobs/jobs.service.js';
import { NoticesService } from '../src/notifications/notices.service.js';
import { bearer, login, makeDealerAndCustomer, type Made } from './harness.js';
import { useTestApp } from './support/index.js';
import { boundMap, deviceAuth, licenses, recorderSpec, register } from './device-helpers.js';
import { mailbox } from './licensing.js';

const t = useTestApp();

const at = (iso: string) => t.clock.set(new Date(iso), true);
const sweep = () => t.get(JobsService).runNow('expiry-sweep');

async function entitlements(credential: string): Promise<EntitlementsDocument> {
  const r = await t.http.get('/api/device/entitlements').set(deviceAuth(credential));
  expect(r.status).toBe(200);
  return r.body as EntitlementsDocument;
}

async function license(id: string) {
  const [l] = await t.ds.query(`SELECT state, camera_id, ends_at FROM license WHERE id = $1`, [id]);
  return l as { state: string; camera_id: string | null; ends_at: Date };
}

async function lapsedAt(cameraId: string): Promise<Date | null> {
  const [c] = await t.ds.query(`SELECT lapsed_at FROM camera WHERE id = $1`, [cameraId]);
  return c.lapsed_at as Date | null;
}

async function noticeMails(m: Made, template: string) {
  return [
    ...(await mailbox(t, m.customerEmail)).filter((x) => x.template === template),
    ...(await mailbox(t, m.ownerEmail)).filter((x) => x.template === template),
  ];
}

async function doNotLicense(m: Made, cameraId: string) {
  const r = await t.http
    .patch(`/api/cameras/${cameraId}`)
    .set(bearer((await login(t, m.customerEmail)).accessToken))
    .send({ doNotLicense: true });
  expect(r.status).toBe(200);
}

/** Two cameras with two licenses ending 2027-12-31 JST, and one renewal waiting in the pool. */
async function twoCamerasOneRenewal(m: Made) {
  const l = await licenses(t, m);
  at('2026-11-22T01:00:00Z');
  await l.assign(2);
  const d = await register(t, m.customerEmail, recorderSpec([1, 2]));
  at('2027-12-20T01:00:00Z');
  await l.assign(1);
  return d;
}

/** The customer's license states, sorted. */
async function states(m: Made): Promise<string[]> {
  const r = (await t.ds.query(`SELECT state FROM license WHERE customer_id = $1 ORDER BY state`, [
    m.customerId,
  ])) as { state: string }[];
  return r.map((x) => x.state);
}

/** Runs `sweep` while expiring any license of `customerId` fails (as a crash would). */
async function failingFor<T>(customerId: string, sweep: () => Promise<T>): Promise<T> {
  await t.ds.query(`
    CREATE FUNCTION test_fail_sweep() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'simulated crash'; END $$;
    CREATE TRIGGER test_fail_sweep BEFORE UPDATE ON license FOR EACH ROW
      WHEN (NEW.customer_id = '${customerId}' AND NEW.state = 'expired') EXECUTE FUNCTION test_fail_sweep();
  `);
  try {
    return await sweep();
  } finally {
    await t.ds.query(`DROP TRIGGER test_fail_sweep ON license; DROP FUNCTION test_fail_sweep();`);
  }
}

describe('expiry-sweep', () => {
  it('binds a renewal waiting in the pool at expiry with no lapse, tells devices and mails the auto-assignment once', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    at('2026-11-22T01:00:00Z');
    const [first] = await l.assign(1); // ends 2027-12-31 23:59:59.999 JST
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const cam = d.cameras[0].id;
    at('2027-11-20T01:00:00Z');
    const [renewal] = await l.assign(1); // ends 2028-12-31 JST, waits in the pool
    expect((await license(renewal)).state).toBe('assigned');
    const before = await entitlements(d.credential);

    at('2027-12-31T15:00:30Z'); // 30 s after the first one ended
    const run = await sweep();
    expect(run.outcome).toBe('succeeded');
    expect(run.counts).toMatchObject({ expired: 1, bound: 1, lapsed: 0 });
    expect((await license(first)).state).toBe('expired');
    expect(await license(renewal)).toMatchObject({ state: 'bound', camera_id: cam });
    expect(await lapsedAt(cam)).toBeNull();
    expect((await boundMap(t, m.customerId)).get(cam)).toBe(renewal);

    const after = await entitlements(d.credential);
    expect(after.payload.version).toBeGreaterThan(before.payload.version);
    expect(after.payload.cameras[0]).toMatchObject({
      licensed: true,
      validUntil: '2028-12-31T14:59:59.999Z',
    });

    const mails = await noticeMails(m, 'license-auto-assigned');
    expect(mails.map((x) => x.subject).sort()).toEqual([
      'Renewal licenses were applied to 1 camera(s) of your customers',
      'カメラ1台に更新ライセンスが自動で割り当てられました',
    ]);
    const customerMail = mails.find((x) => x.subject.startsWith('カメラ'))!;
    expect(customerMail.text).toContain('2028/12/31 23:59');
    expect(await noticeMails(m, 'license-lapsed')).toHaveLength(0);

    // A second run changes nothing and sends nothing.
    t.clock.advance(60_000);
    const again = await sweep();
    expect(again.counts).toMatchObject({ expired: 0, bound: 0, lapsed: 0, noticeMails: 0 });
    expect(await noticeMails(m, 'license-auto-assigned')).toHaveLength(2);
  });

  it('with a short pool serves cameras by lapse time, skips "do not license", records the lapse and mails it', async () => {
    const m = await makeDealerAndCustomer(t);
    const l12 = await licenses(t, m, 'edge', 12);
    const l13 = await licenses(t, m, 'edge', 13);
    at('2026-11-22T01:00:00Z');
    const [la] = await l13.assign(1); // ends 2028-01-31 JST
    const r1 = await register(t, m.customerEmail, recorderSpec([1]));
    at('2026-11-22T02:00:00Z');
    const [lb] = await l12.assign(1); // ends 2027-12-31 JST
    const r2 = await register(t, m.customerEmail, recorderSpec([1, 2]));
    const [r1c1] = r1.cameras.map((c) => c.id);
    const [r2c1, r2c2] = r2.cameras.map((c) => c.id);
    expect((await boundMap(t, m.customerId)).get(r1c1)).toBe(la);
    expect((await boundMap(t, m.customerId)).get(r2c1)).toBe(lb);
    // r2c2 never had a license: it counts as lapsed since it registered (the earliest of all).
    await doNotLicense(m, r2c2);
    at('2027-12-20T01:00:00Z');
    const [renewal] = await l12.assign(1); // the pool holds one license
    expect((await license(renewal)).state).toBe('assigned');

    // Downtime: both licenses ended before the next sweep runs.
    at('2028-02-05T00:00:00Z');
    const run = await sweep();
    expect(run.counts).toMatchObject({ expired: 2, bound: 1, lapsed: 1 });
    // r2c1 lapsed first (2027-12-31) so it gets the renewal although r1 registered earlier.
    expect(await license(renewal)).toMatchObject({ state: 'bound', camera_id: r2c1 });
    expect((await boundMap(t, m.customerId)).has(r2c2)).toBe(false);
    expect((await boundMap(t, m.customerId)).has(r1c1)).toBe(false);
    expect(await lapsedAt(r1c1)).toEqual(new Date('2028-01-31T14:59:59.999Z'));
    expect(await lapsedAt(r2c1)).toBeNull();

    const lapse = await noticeMails(m, 'license-lapsed');
    expect(lapse).toHaveLength(2);
    const toCustomer = (await mailbox(t, m.customerEmail)).find((x) => x.template === 'license-lapsed')!;
    expect(toCustomer.subject).toBe('カメラ1台のライセンスが切れました');
    expect(toCustomer.data).toMatchObject({ count: 1, items: [{ skuCode: l13.sku.code }] });
    const toDealer = (await mailbox(t, m.ownerEmail)).find((x) => x.template === 'license-lapsed')!;
    expect(toDealer.subject).toBe('1 camera(s) of your customers lost their license');
    expect(toDealer.text).toContain('Customer Co');
    expect(await noticeMails(m, 'license-auto-assigned')).toHaveLength(2);
  });

  it('breaks a tie in lapse time by registration order', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    at('2026-11-22T01:00:00Z');
    await l.assign(1);
    const r1 = await register(t, m.customerEmail, recorderSpec([1]));
    at('2026-11-22T03:00:00Z');
    await l.assign(1); // same ends_at
    const r2 = await register(t, m.customerEmail, recorderSpec([1]));
    at('2027-12-20T01:00:00Z');
    const [renewal] = await l.assign(1);
    at('2028-01-01T00:00:00Z');
    expect((await sweep()).counts).toMatchObject({ expired: 2, bound: 1, lapsed: 1 });
    expect(await license(renewal)).toMatchObject({ camera_id: r1.cameras[0].id });
    expect(await lapsedAt(r2.cameras[0].id)).toEqual(new Date('2027-12-31T14:59:59.999Z'));
  });

  it('a sweep that fails half-way leaves each batch whole, and a re-run finishes the rest without duplicates', async () => {
    const a = await makeDealerAndCustomer(t);
    const b = await makeDealerAndCustomer(t);
    const [firstC, secondC] = [a, b].sort((x, y) => (x.customerId < y.customerId ? -1 : 1));
    const da = await twoCamerasOneRenewal(firstC);
    const db = await twoCamerasOneRenewal(secondC);
    // The second customer's batch fails (as a crash would) after the first one committed.
    at('2028-01-01T00:00:00Z');
    const failed = await failingFor(secondC.customerId, () =>
      t
        .get(BindingService)
        .sweepExpired(t.clock.now(), 1, 1) // one batch after the other
        .catch((e: Error) => e),
    );
    expect(failed).toBeInstanceOf(Error);
    const notices = async (m: Made) =>
      Number(
        (
          await t.ds.query(`SELECT count(*) FROM license_notice_item WHERE customer_id = $1`, [m.customerId])
        )[0].count,
      );
    // First customer: all done in one go. Second: untouched (its batch rolled back whole).
    expect(await states(firstC)).toEqual(['bound', 'expired', 'expired']);
    expect(await notices(firstC)).toBe(2);
    expect(await states(secondC)).toEqual(['assigned', 'bound', 'bound']);
    expect(await notices(secondC)).toBe(0);
    const v = async (id: string) =>
      Number(
        (await t.ds.query(`SELECT entitlements_version FROM device WHERE id = $1`, [id]))[0]
          .entitlements_version,
      );
    const vb = await v(db.deviceId);

    const rerun = await sweep();
    expect(rerun.outcome).toBe('succeeded');
    expect(await states(firstC)).toEqual(['bound', 'expired', 'expired']);
    expect(await states(secondC)).toEqual(['bound', 'expired', 'expired']);
    expect(await notices(firstC)).toBe(2);
    expect(await notices(secondC)).toBe(2);
    // Versions come from one sequence (never repeated), so a bump is "higher", not "+1".
    expect(await v(db.deviceId)).toBeGreaterThan(vb);
    expect(await v(da.deviceId)).toBeGreaterThan(1);
    for (const m of [firstC, secondC]) {
      const lapsed = (await mailbox(t, m.customerEmail)).filter((x) => x.template === 'license-lapsed');
      const auto = (await mailbox(t, m.customerEmail)).filter((x) => x.template === 'license-auto-assigned');
      expect([lapsed.length, auto.length]).toEqual([1, 1]);
    }
    // Every camera has at most one bound license, every bound license a live camera.
    const [{ bad }] = await t.ds.query(
      `SELECT count(*)::int AS bad FROM license WHERE state = 'bound' AND ends_at <= $1 AND customer_id = ANY($2::uuid[])`,
      [t.clock.now(), [a.customerId, b.customerId]],
    );
    expect(bad).toBe(0);
  });
  it('batches run on several connections at once: each customer swept whole and once, a failing batch stops new ones', async () => {
    const made = await Promise.all([1, 2, 3, 4, 5].map(() => makeDealerAndCustomer(t)));
    for (const m of made) await twoCamerasOneRenewal(m);
    const ids = made.map((m) => m.customerId);
    at('2028-01-01T00:00:00Z');
    const failed = await failingFor(made[2].customerId, () =>
      t
        .get(BindingService)
        .sweepExpired(t.clock.now(), 1, 3)
        .catch((e: Error) => e),
    );
    expect(failed).toBeInstanceOf(Error);
    // The failing customer is untouched; every other one is either swept whole or untouched.
    expect(await states(made[2])).toEqual(['assigned', 'bound', 'bound']);
    for (const m of made) {
      expect([
        ['assigned', 'bound', 'bound'],
        ['bound', 'expired', 'expired'],
      ]).toContainEqual(await states(m));
    }

    // Five customers, one per batch, three connections: all swept, each once.
    const r = await t.get(BindingService).sweepExpired(t.clock.now(), 1, 3);
    expect(r.skipped).toBe(0);
    for (const m of made) expect(await states(m)).toEqual(['bound', 'expired', 'expired']);
    const [{ n, customers }] = await t.ds.query(
      `SELECT count(*)::int AS n, count(DISTINCT customer_id)::int AS customers
         FROM license_notice_item WHERE customer_id = ANY($1::uuid[])`,
      [ids],
    );
    expect([n, customers]).toEqual([10, 5]);
    const [{ bound }] = await t.ds.query(
      `SELECT count(*)::int AS bound FROM license WHERE state = 'bound' AND customer_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(bound).toBe(5);
    // Nothing of theirs is left due, and another run finds nothing of theirs to do.
    await t.get(BindingService).sweepExpired(t.clock.now(), 1, 3);
    const [{ notices }] = await t.ds.query(
      `SELECT count(*)::int AS notices FROM license_notice_item WHERE customer_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(notices).toBe(10);

    // Their notices are mailed by SWEEP_CONCURRENCY (2) workers, each customer's by one of them:
    // one e-mail per customer and kind, and a second run mails nothing again.
    await t.get(NoticesService).mailPending(t.clock.now());
    await t.get(NoticesService).mailPending(t.clock.now());
    for (const m of made) {
      const box = await mailbox(t, m.customerEmail);
      const count = (template: string) => box.filter((x) => x.template === template).length;
      expect([count('license-lapsed'), count('license-auto-assigned')]).toEqual([1, 1]);
    }
  });
});
