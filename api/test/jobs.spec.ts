import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { JobsService } from '../src/jobs/jobs.service.js';
import { bearer, login, startApp, type TestApp } from './harness.js';

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await startApp();
  b = await startApp({ dbUrl: a.dbUrl }); // a second API process on the same database
});
afterAll(async () => {
  await b.close();
  await a.close();
});

describe('jobs', () => {
  it('a scheduled slot started in two app instances at once runs once', async () => {
    let runs = 0;
    const handler = async () => {
      runs++;
      return { touched: 1 };
    };
    a.get(JobsService).register('reminders', handler);
    b.get(JobsService).register('reminders', handler);
    const slot = new Date('2028-02-03T04:05:06Z');
    a.clock.set(slot, true);
    b.clock.set(slot, true);
    const [ra, rb] = await Promise.all([
      a.get(JobsService).runScheduled('reminders'),
      b.get(JobsService).runScheduled('reminders'),
    ]);
    expect(runs).toBe(1);
    expect([ra, rb].filter(Boolean)).toHaveLength(1);
    const done = (ra ?? rb)!;
    expect(done).toMatchObject({
      name: 'reminders',
      trigger: 'schedule',
      outcome: 'succeeded',
      counts: { touched: 1 },
    });
    expect(done.slot).toBe('2028-02-03T04:05:00.000Z');

    // The next minute is a new slot.
    a.clock.advance(60_000);
    expect(await a.get(JobsService).runScheduled('reminders')).not.toBeNull();
    expect(runs).toBe(2);
    a.clock.set(null);
    b.clock.set(null);
  });

  it('manual runs never overlap: two at once run one after the other', async () => {
    let active = 0;
    let maxActive = 0;
    const handler = async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setImmediate(r));
      active--;
      return {};
    };
    a.get(JobsService).register('device-liveness', handler);
    b.get(JobsService).register('device-liveness', handler);
    await Promise.all([
      a.get(JobsService).runNow('device-liveness'),
      b.get(JobsService).runNow('device-liveness'),
    ]);
    expect(maxActive).toBe(1);
  });

  it('records failures with the error and lists runs for the operator', async () => {
    a.get(JobsService).register('expiry-sweep', async () => {
      throw new Error('disk on fire');
    });
    const r = await a.http.post('/api/dev/jobs/expiry-sweep/run');
    expect(r.status).toBe(200);
    expect(r.body.run).toMatchObject({
      name: 'expiry-sweep',
      trigger: 'manual',
      outcome: 'failed',
      error: 'disk on fire',
    });
    const op = await login(a, 'operator@example.com', 'Operator!2026');
    const list = await a.http
      .get('/api/jobs/runs')
      .query({ name: 'expiry-sweep' })
      .set(bearer(op.accessToken));
    expect(list.status).toBe(200);
    expect(list.body[0]).toMatchObject({ id: r.body.run.id, outcome: 'failed' });
    const bad = await a.http.get('/api/jobs/runs').query({ name: 'nope' }).set(bearer(op.accessToken));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(ErrorCode.UNKNOWN_JOB);
  });

  it('the dev trigger refuses unknown job names', async () => {
    const r = await a.http.post('/api/dev/jobs/make-coffee/run');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe(ErrorCode.UNKNOWN_JOB);
  });
});
