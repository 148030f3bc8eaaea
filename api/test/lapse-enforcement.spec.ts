/**
 * Issue 12: the server keeps SPEC §3 in every remote path. Table-driven: each capability row of
 * the §3 table × {licensed (at the last millisecond of ends_at), lapsed (ends_at + 1 ms, no job
 * run), restored by a new license (bound by the assignment itself, no job run)} × each route that
 * exercises it → the expected answer.
 */
import { describe, expect, it } from '@jest/globals';
import { ErrorCode, type CapabilityKey } from '@lc/shared';
import { CapabilityGate } from '../src/licenses/capability-gate.service.js';
import { JobsService } from '../src/jobs/jobs.service.js';
import { mailbox } from './account-helpers.js';
import {
  deviceAuth,
  directSpec,
  licenses,
  recorderSpec,
  register,
  type Registered,
} from './device-helpers.js';
import { bearer, login, makeDealerAndCustomer, type Made } from './harness.js';
import { useTestApp } from './support/index.js';

const t = useTestApp();

const ASSIGNED = new Date('2026-11-22T01:00:00Z');
/** 12 months after the free period, JST: the last millisecond of 2027-12. */
const ENDS = new Date('2027-12-31T14:59:59.999Z');
const AFTER = new Date(ENDS.getTime() + 1);

type Phase = 'licensed' | 'lapsed' | 'restored';
const PHASES: Phase[] = ['licensed', 'lapsed', 'restored'];

/** A customer with a 2-camera recorder and a camera-direct camera, all licensed, linked to a maintaining dealer. */
interface World {
  m: Made;
  maint: Made;
  rec: Registered;
  cam: Registered;
  assignAll(): Promise<void>;
  customer(): Promise<string>;
  dealer(): Promise<string>;
  /** Events reported (and stored) while licensed, to search for later. */
  phase: Phase;
}

async function world(): Promise<World> {
  t.clock.set(ASSIGNED, true);
  const m = await makeDealerAndCustomer(t);
  const maint = await makeDealerAndCustomer(t);
  const edge = await licenses(t, m, 'edge');
  const direct = await licenses(t, m, 'direct');
  const assignAll = async () => {
    await edge.assign(2);
    await direct.assign(1);
  };
  await assignAll();
  const rec = await register(t, m.customerEmail, recorderSpec([1, 2]));
  const cam = await register(t, m.customerEmail, directSpec());
  const link = await t.http
    .post('/api/maintenance-links')
    .set(bearer((await login(t, m.customerEmail)).accessToken))
    .send({ dealerLoginId: maint.loginId, dealerPhone: '03-0000-0000' });
  expect(link.status).toBe(201);
  return {
    m,
    maint,
    rec,
    cam,
    assignAll,
    customer: async () => (await login(t, m.customerEmail)).accessToken,
    dealer: async () => (await login(t, maint.ownerEmail)).accessToken,
    phase: 'licensed',
  };
}

/** Moves the world into a phase: at ends_at (still valid), ends_at + 1 ms, or new licenses bound. */
async function enter(w: World, phase: Phase): Promise<void> {
  w.phase = phase;
  if (phase === 'licensed') t.clock.set(ENDS, true);
  if (phase === 'lapsed') t.clock.set(AFTER, true);
  if (phase === 'restored') await w.assignAll(); // binds at once (same transaction), no job
}

const entitlement = async (d: Registered, cap: CapabilityKey) => {
  const r = await t.http.get('/api/device/entitlements').set(deviceAuth(d.credential));
  expect(r.status).toBe(200);
  return (r.body.payload.cameras as Array<{ capabilities: Record<string, boolean> }>).every(
    (c) => c.capabilities[cap],
  );
};

const storedEvents = async (deviceId: string, type: string) =>
  (
    (await t.ds.query(`SELECT count(*)::int AS n FROM device_event WHERE device_id = $1 AND type = $2`, [
      deviceId,
      type,
    ])) as Array<{ n: number }>
  )[0].n;

interface Row {
  capability: CapabilityKey;
  route: string;
  /** Runs the route in the world's current phase and returns what to compare. */
  run(w: World): Promise<unknown>;
  expected: Record<Phase, unknown>;
}

const KEPT = { licensed: true, lapsed: true, restored: true };
const STOPS = { licensed: true, lapsed: false, restored: true };
const OK_403 = (ok: number) => ({ licensed: ok, lapsed: 403, restored: ok });

const status = (r: { status: number; body: { code?: number } }) =>
  r.status === 403 ? (expect(r.body.code).toBe(ErrorCode.LICENSE_REQUIRED), 403) : r.status;

const TABLE: Row[] = [
  // Kept on lapse (HDMI, SD card): the signed entitlements say so, for both device types.
  ...(['hdmiLive', 'hdmiPlayback', 'hdmiEvents', 'sdExport'] as const).flatMap((cap) => [
    {
      capability: cap,
      route: 'GET /api/device/entitlements (recorder)',
      run: (w: World) => entitlement(w.rec, cap),
      expected: KEPT,
    },
    {
      capability: cap,
      route: 'GET /api/device/entitlements (camera-direct)',
      run: (w: World) => entitlement(w.cam, cap),
      expected: KEPT,
    },
  ]),
  // Edge recording stops: the device learns it from its entitlements.
  {
    capability: 'edgeRecording',
    route: 'GET /api/device/entitlements (recorder)',
    run: (w) => entitlement(w.rec, 'edgeRecording'),
    expected: STOPS,
  },
  {
    capability: 'edgeRecording',
    route: 'GET /api/device/entitlements (camera-direct)',
    run: (w) => entitlement(w.cam, 'edgeRecording'),
    expected: STOPS,
  },
  // Remote live / control / download: entitlements, and the gate stream grants call.
  {
    capability: 'remoteLive',
    route: 'GET /api/device/entitlements',
    run: (w) => entitlement(w.rec, 'remoteLive'),
    expected: STOPS,
  },
  {
    capability: 'remoteLive',
    route: 'CapabilityGate.assertCamera (stream grants)',
    run: async (w) => {
      try {
        await t
          .get(CapabilityGate)
          .assertCamera(w.rec.cameras[0].id, 'remoteLive', { customerId: w.m.customerId });
        return 200;
      } catch (e) {
        return (e as { status: number }).status;
      }
    },
    expected: OK_403(200),
  },
  // Remote playback and search: event search finds the events of licensed cameras only.
  {
    capability: 'remotePlayback',
    route: 'GET /api/device/entitlements',
    run: (w) => entitlement(w.cam, 'remotePlayback'),
    expected: STOPS,
  },
  {
    capability: 'remotePlayback',
    route: 'GET /api/events',
    run: async (w) => {
      if (w.phase === 'licensed') {
        const hb = await t.http
          .post('/api/device/heartbeat')
          .set(deviceAuth(w.rec.credential))
          .send({ status: 'normal', events: [{ type: 'motion', channel: 1 }, { type: 'alarm' }] });
        expect(hb.status).toBe(200);
      }
      const r = await t.http
        .get('/api/events')
        .query({ deviceId: w.rec.deviceId })
        .set(bearer(await w.customer()));
      expect(r.status).toBe(200);
      return r.body.total;
    },
    expected: { licensed: 2, lapsed: 0, restored: 2 },
  },
  // Remote event notification: events of an unlicensed camera are not stored (nor e-mailed).
  {
    capability: 'remoteNotification',
    route: 'GET /api/device/entitlements',
    run: (w) => entitlement(w.rec, 'remoteNotification'),
    expected: STOPS,
  },
  {
    capability: 'remoteNotification',
    route: 'POST /api/device/heartbeat events (camera, recorder-level, camera-direct)',
    run: async (w) => {
      const type = `seen_${w.phase}`;
      for (const d of [w.rec, w.cam]) {
        const r = await t.http
          .post('/api/device/heartbeat')
          .set(deviceAuth(d.credential))
          .send({ status: 'normal', events: [{ type, channel: 1 }, { type }] });
        expect(r.status).toBe(200);
      }
      return [await storedEvents(w.rec.deviceId, type), await storedEvents(w.cam.deviceId, type)];
    },
    expected: { licensed: [2, 2], lapsed: [0, 0], restored: [2, 2] },
  },
  // Remote maintenance: operations by the customer and the maintaining dealer, and its reads.
  {
    capability: 'remoteMaintenance',
    route: 'GET /api/device/entitlements',
    run: (w) => entitlement(w.cam, 'remoteMaintenance'),
    expected: STOPS,
  },
  {
    capability: 'remoteMaintenance',
    route: 'POST /api/devices/:id/commands restart (recorder)',
    run: async (w) =>
      status(
        await t.http
          .post(`/api/devices/${w.rec.deviceId}/commands`)
          .set(bearer(await w.customer()))
          .send({ kind: 'restart' }),
      ),
    expected: OK_403(201),
  },
  {
    capability: 'remoteMaintenance',
    route: 'POST /api/devices/:id/commands restart (camera-direct)',
    run: async (w) =>
      status(
        await t.http
          .post(`/api/devices/${w.cam.deviceId}/commands`)
          .set(bearer(await w.customer()))
          .send({ kind: 'restart' }),
      ),
    expected: OK_403(201),
  },
  {
    capability: 'remoteMaintenance',
    route: 'PUT /api/devices/:id/firmware-reservation',
    run: async (w) =>
      status(
        await t.http
          .put(`/api/devices/${w.rec.deviceId}/firmware-reservation`)
          .set(bearer(await w.customer()))
          .send({ at: new Date(t.clock.now().getTime() + 86_400_000).toISOString() }),
      ),
    expected: OK_403(200),
  },
  {
    capability: 'remoteMaintenance',
    route: 'POST /api/maintenance/devices/:id/commands (dealer)',
    run: async (w) => {
      const r = await t.http
        .post(`/api/maintenance/devices/${w.rec.deviceId}/commands`)
        .set(bearer(await w.dealer()))
        .send({ kind: 'alarm_reset' });
      if (r.status === 409) expect(r.body.code).toBe(ErrorCode.MAINTENANCE_UNLICENSED);
      return r.status;
    },
    expected: { licensed: 201, lapsed: 409, restored: 201 },
  },
  ...(['logs', 'connection-history', 'commands'] as const).map((path): Row => ({
    capability: 'remoteMaintenance',
    route: `GET /api/maintenance/devices/:id/${path} (dealer)`,
    run: async (w) =>
      status(
        await t.http.get(`/api/maintenance/devices/${w.cam.deviceId}/${path}`).set(bearer(await w.dealer())),
      ),
    expected: OK_403(200),
  })),
];

describe('SPEC §3 × {licensed, lapsed, restored} × route', () => {
  it.each(TABLE.map((r) => [r.capability, r.route, r] as const))('%s via %s', async (_c, _r, row) => {
    const w = await world();
    const got: Partial<Record<Phase, unknown>> = {};
    for (const phase of PHASES) {
      await enter(w, phase);
      got[phase] = await row.run(w);
    }
    expect(got).toEqual(row.expected);
    t.clock.set(null);
  });
});

describe('the refusal names the license state', () => {
  it('403 500201 with details for the portal: capability, state, scope and since when', async () => {
    const w = await world();
    t.clock.set(AFTER, true);
    const r = await t.http
      .post(`/api/devices/${w.cam.deviceId}/commands`)
      .set(bearer(await w.customer()))
      .send({ kind: 'restart' });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({
      code: ErrorCode.LICENSE_REQUIRED,
      details: {
        capability: 'remoteMaintenance',
        licenseState: 'lapsed',
        scope: 'device',
        deviceType: 'camera',
        lapsedAt: ENDS.toISOString(),
      },
    });
    expect(r.body.message).toMatch(/^deviceId: .*lapsed.*since 2027-12-31T14:59:59\.999Z/);
    t.clock.set(null);
  });

  it('a never-licensed camera-direct camera is refused as never licensed', async () => {
    const m = await makeDealerAndCustomer(t);
    const cam = await register(t, m.customerEmail, directSpec());
    const r = await t.http
      .post(`/api/devices/${cam.deviceId}/commands`)
      .set(bearer((await login(t, m.customerEmail)).accessToken))
      .send({ kind: 'restart' });
    expect(r.status).toBe(403);
    expect(r.body.details).toMatchObject({ licenseState: 'never_licensed', lapsedAt: null });
  });
});

describe('a recorder needs at least one licensed camera', () => {
  it('one of two cameras licensed: operations run; the other camera’s events are dropped, the recorder’s kept', async () => {
    const m = await makeDealerAndCustomer(t);
    await (await licenses(t, m)).assign(1);
    const rec = await register(t, m.customerEmail, recorderSpec([1, 2]));
    const token = (await login(t, m.customerEmail)).accessToken;
    const op = await t.http
      .post(`/api/devices/${rec.deviceId}/commands`)
      .set(bearer(token))
      .send({ kind: 'restart' });
    expect(op.status).toBe(201);
    await t.http
      .post('/api/device/heartbeat')
      .set(deviceAuth(rec.credential))
      .send({
        status: 'normal',
        events: [{ type: 'motion', channel: 1 }, { type: 'motion', channel: 2 }, { type: 'hdd_warning' }],
      });
    const found = await t.http.get('/api/events').set(bearer(token));
    expect(
      found.body.items.map((e: { type: string; channel: number | null }) => [e.type, e.channel]).sort(),
    ).toEqual([
      ['hdd_warning', null],
      ['motion', 1],
    ]);
  });
});

describe('one "valid" predicate: valid at ends_at, expired at ends_at + 1 ms', () => {
  it('sweep, entitlements validUntil, capability gate, reminders and the portal agree', async () => {
    t.clock.set(ASSIGNED, true);
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    const [licenseId] = await l.assign(1);
    const rec = await register(t, m.customerEmail, recorderSpec([1]));
    const cameraId = rec.cameras[0].id;
    const probe = async () => {
      const ent = await t.http.get('/api/device/entitlements').set(deviceAuth(rec.credential));
      const tree = await t.http
        .get('/api/devices')
        .set(bearer((await login(t, m.customerEmail)).accessToken));
      const gate = await t.get(CapabilityGate).camera(cameraId);
      return {
        entitlement: ent.body.payload.cameras[0].licensed as boolean,
        validUntil: ent.body.payload.cameras[0].validUntil as string | null,
        portal: tree.body[0].cameras[0].licensed as boolean,
        gate: gate!.licenseState,
      };
    };

    // At ends_at + 1 ms first, no job: everything reads "ended" although the row still says bound.
    t.clock.set(AFTER, true);
    expect(await probe()).toEqual({ entitlement: false, validUntil: null, portal: false, gate: 'lapsed' });
    // Back at ends_at: valid everywhere; the sweep leaves it alone; reminders still consider it.
    t.clock.set(ENDS, true);
    expect(await probe()).toEqual({
      entitlement: true,
      validUntil: ENDS.toISOString(),
      portal: true,
      gate: 'licensed',
    });
    const atEnd = await t.get(JobsService).runNow('expiry-sweep');
    expect(atEnd).toMatchObject({ outcome: 'succeeded' });
    const [still] = await t.ds.query(`SELECT state FROM license WHERE id = $1`, [licenseId]);
    expect(still.state).toBe('bound');
    await t.get(JobsService).runNow('reminders');
    const reminded = (await mailbox(t, m.customerEmail)).filter((x) => x.template === 'license-reminder');
    expect(reminded).toHaveLength(1);
    // One millisecond later the sweep expires it (the camera's lapse time is ends_at).
    t.clock.set(AFTER, true);
    await t.get(JobsService).runNow('expiry-sweep');
    const [gone] = await t.ds.query(`SELECT state FROM license WHERE id = $1`, [licenseId]);
    expect(gone.state).toBe('expired');
    const [cam] = await t.ds.query(`SELECT lapsed_at FROM camera WHERE id = $1`, [cameraId]);
    expect((cam.lapsed_at as Date).toISOString()).toBe(ENDS.toISOString());
    expect(await probe()).toEqual({ entitlement: false, validUntil: null, portal: false, gate: 'lapsed' });
    t.clock.set(null);
  });
});
