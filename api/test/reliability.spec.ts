import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { ErrorCode } from '@lc/shared';
import { toBody } from '../src/common/errors/error.filter.js';
import { isDatabaseOutage } from '../src/common/database/outage.js';
import { DbNotifications, reconnectBackoffMs } from '../src/common/database/db-notifications.js';
import { ProcessLiveness } from '../src/common/database/process-liveness.js';
import { restartBackoffMs } from '../src/common/database/embedded-postgres.js';
import { MailService } from '../src/common/mail/mail.service.js';
import { MailWorker } from '../src/common/mail/mail.worker.js';
import { JobsService } from '../src/jobs/jobs.service.js';
import { EntitlementsNotifier } from '../src/devices/entitlements-notifier.js';
import { deviceAuth, recorderSpec, register } from './device-helpers.js';
import { OPERATOR } from './licensing.js';
import { bearer, login, makeDealerAndCustomer, startApp, uniq, type TestApp } from './harness.js';

/** Poll until `cond` holds, at most `ms` (no fixed sleeps). */
async function until(cond: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await startApp();
  b = await startApp({ dbUrl: a.dbUrl });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

/** A process row that has stopped beating (its expiry passed), as a killed process leaves it. */
async function deadProcess(t: TestApp): Promise<string> {
  const [p] = (await t.ds.query(
    `INSERT INTO app_process (id, host, pid, beat_at, expires_at)
     VALUES (gen_random_uuid(), 'gone', 1, now() - interval '1 minute', now() - interval '1 second') RETURNING id`,
  )) as { id: string }[];
  return p.id;
}

describe('database outages answer 503 with Retry-After, not 500', () => {
  const cases: Array<[string, unknown, boolean]> = [
    [
      'refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      true,
    ],
    ['dropped connection', new Error('Connection terminated unexpectedly'), true],
    ['pool timeout', new Error('timeout exceeded when trying to connect'), true],
    [
      'server starting',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      true,
    ],
    ['crash shutdown', Object.assign(new Error('terminating connection'), { code: '57P02' }), true],
    ['connection exception class 08', Object.assign(new Error('x'), { code: '08006' }), true],
    ['wrapped by TypeORM', { message: 'Query failed', driverError: { code: 'ECONNRESET' } }, true],
    [
      'connection released under a transaction',
      Object.assign(new Error('Database connection provided by a query runner was already released'), {
        name: 'QueryRunnerProviderAlreadyReleasedError',
      }),
      true,
    ],
    ['unique violation', Object.assign(new Error('duplicate key'), { code: '23505' }), false],
    ['a bug', new TypeError('x is undefined'), false],
  ];
  it.each(cases)('%s', (_name, err, outage) => {
    expect(isDatabaseOutage(err)).toBe(outage);
    const logger = { error: () => undefined, warn: () => undefined } as unknown as Logger;
    const body = toBody(err, logger);
    expect(body.statusCode).toBe(outage ? 503 : 500);
    if (outage) expect(body.code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
  });

  it('back off 100 ms, doubling, to at most 5 s', () => {
    expect([1, 2, 3, 4, 7, 50].map(reconnectBackoffMs)).toEqual([100, 200, 400, 800, 5000, 5000]);
    expect([1, 2, 6, 99].map(restartBackoffMs)).toEqual([100, 200, 3200, 5000]);
  });
});

describe('device push survives a lost listener connection', () => {
  it('reconnects and wakes the waiting long-polls to catch up on a change made meanwhile', async () => {
    const m = await makeDealerAndCustomer(a);
    const d = await register(a, m.customerEmail, recorderSpec([1]));
    const v0 = (await a.http.get('/api/device/entitlements').set(deviceAuth(d.credential))).body.payload
      .version as number;
    const notifications = b.get(DbNotifications);
    await until(() => notifications.connected);
    const before = notifications.reconnects;
    const waiting = b.http
      .get('/api/device/entitlements')
      .query({ waitForVersion: v0, timeoutSeconds: 55 })
      .set(deviceAuth(d.credential))
      .then((r) => r);
    await until(() => b.get(EntitlementsNotifier).waitingDevices > 0);
    // One transaction: bump the version, cut b's listener (and wait until it is gone), commit.
    // The notification is sent at commit, while nobody on b listens: only the catch-up delivers it.
    await a.ds.transaction(async (em) => {
      await em.query(`UPDATE device SET entitlements_version = entitlements_version + 1 WHERE id = $1`, [
        d.deviceId,
      ]);
      await em.query(
        `SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = $1`,
        [notifications.applicationName],
      );
    });
    const r = await waiting;
    expect(r.status).toBe(200);
    expect(r.body.payload.version).toBeGreaterThan(v0);
    expect(notifications.reconnects).toBeGreaterThan(before);
  });
});

describe('entitlement versions never repeat', () => {
  it('a rolled-back bump is never handed out again, and bumps only go up', async () => {
    const m = await makeDealerAndCustomer(a);
    const d = await register(a, m.customerEmail, recorderSpec([1]));
    const bump = `UPDATE device SET entitlements_version = entitlements_version + 1 WHERE id = $1 RETURNING entitlements_version`;
    const read = async () =>
      Number(
        (
          (await a.ds.query(`SELECT entitlements_version FROM device WHERE id = $1`, [d.deviceId])) as {
            entitlements_version: string;
          }[]
        )[0].entitlements_version,
      );
    const v0 = await read();
    let lost = 0;
    await a.ds
      .transaction(async (em) => {
        const [[row]] = (await em.query(bump, [d.deviceId])) as [
          Array<{ entitlements_version: string }>,
          number,
        ];
        lost = Number(row.entitlements_version);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(lost).toBeGreaterThan(v0);
    expect(await read()).toBe(v0);
    await a.ds.query(bump, [d.deviceId]);
    const v1 = await read();
    expect(v1).toBeGreaterThan(lost);
    // Two devices never share a version number either: one sequence hands them all out.
    const other = await register(a, m.customerEmail, recorderSpec([1]));
    const [o] = (await a.ds.query(`SELECT entitlements_version FROM device WHERE id = $1`, [
      other.deviceId,
    ])) as {
      entitlements_version: string;
    }[];
    expect(Number(o.entitlements_version)).not.toBe(v1);
  });
});

describe('process liveness: claims of a dead process are taken over at once', () => {
  it('mail claimed by a dead process is sent again without waiting for the 5-minute claim', async () => {
    const to = `${uniq()}@mail.test`;
    const dead = await deadProcess(a);
    const [live] = (await a.ds.query(`SELECT $1::uuid AS id`, [b.get(ProcessLiveness).id])) as {
      id: string;
    }[];
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const row = await a.ds.transaction((em) =>
        a.get(MailService).enqueue(em, {
          to,
          template: 'account-locked',
          language: 'en',
          data: {
            name: 'x',
            lockedUntil: '2027-01-01T00:00:00Z',
            maxFailures: 5,
            windowMinutes: 15,
            lockMinutes: 15,
          },
        }),
      );
      ids.push(row!);
    }
    // Both rows mid-send, claimed until 5 minutes from now: one by a dead process, one by a live one.
    await a.ds.query(
      `UPDATE mail_outbox SET status = 'sending', attempts = 1, claimed_until = $3,
              claimed_by = CASE WHEN id = $1 THEN $4::uuid ELSE $5::uuid END
        WHERE id = ANY($2::uuid[])`,
      [ids[0], ids, new Date(a.clock.now().getTime() + 5 * 60_000), dead, live.id],
    );
    await a.get(MailWorker).deliverDue(500);
    const rowsAfter = (await a.ds.query(
      `SELECT id, status, attempts FROM mail_outbox WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as { id: string; status: string; attempts: number }[];
    const byId = new Map(rowsAfter.map((r) => [r.id, r]));
    expect(byId.get(ids[0])).toMatchObject({ status: 'sent', attempts: 2 });
    expect(byId.get(ids[1])).toMatchObject({ status: 'sending', attempts: 1 });
  });

  it('job runs of a dead process are marked abandoned and shown so; a live one keeps running', async () => {
    const dead = await deadProcess(a);
    const now = a.clock.now();
    const [gone] = (await a.ds.query(
      `INSERT INTO job_run (name, slot, trigger, started_at, process_id) VALUES ('reminders', NULL, 'manual', $1, $2) RETURNING id`,
      [now, dead],
    )) as { id: string }[];
    const [alive] = (await a.ds.query(
      `INSERT INTO job_run (name, slot, trigger, started_at, process_id) VALUES ('reminders', NULL, 'manual', $1, $2) RETURNING id`,
      [now, b.get(ProcessLiveness).id],
    )) as { id: string }[];
    await a.get(ProcessLiveness).tick();
    const token = (await login(a, OPERATOR.email, OPERATOR.password)).accessToken;
    const runs = (await a.http.get('/api/jobs/runs').query({ name: 'reminders' }).set(bearer(token)))
      .body as Array<{
      id: string;
      outcome: string;
      finishedAt: string | null;
      error: string | null;
    }>;
    const g = runs.find((r) => r.id === gone.id)!;
    expect(g.outcome).toBe('abandoned');
    expect(g.finishedAt).not.toBeNull();
    expect(g.error).toMatch(/stopped/);
    expect(runs.find((r) => r.id === alive.id)!.outcome).toBe('running');
    await a.ds.query(`DELETE FROM job_run WHERE id = $1`, [alive.id]);
    // A run this process makes carries its id and finishes normally.
    const run = await a.get(JobsService).runNow('reminders');
    expect(run.outcome).toBe('succeeded');
  });
});

describe('the development clock is shared through the database', () => {
  it('PUT /api/dev/clock on one process is what every process tells; the harness clock stays local', async () => {
    const put = await a.http.put('/api/dev/clock').send({ now: '2031-03-04T05:06:07.000Z', freeze: true });
    expect(put.status).toBe(200);
    expect(put.body.now).toBe('2031-03-04T05:06:07.000Z');
    const seen = await b.http.get('/api/dev/clock');
    expect(seen.body).toEqual({ now: '2031-03-04T05:06:07.000Z', overridden: true });
    // Domain code on b follows too (applied on the notification), not only the dev route.
    await until(() => b.clock.now().toISOString() === '2031-03-04T05:06:07.000Z');
    // A test moving its own process's clock directly is not overwritten by the shared row.
    a.clock.set(new Date('2032-01-01T00:00:00Z'), true);
    await b.http.get('/api/dev/clock');
    expect(a.clock.now().toISOString()).toBe('2032-01-01T00:00:00.000Z');
    const back = await b.http.put('/api/dev/clock').send({ now: null });
    expect(back.body.overridden).toBe(false);
    await until(() => !a.clock.overridden);
  });
});
