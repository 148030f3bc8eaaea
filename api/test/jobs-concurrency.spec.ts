import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobsService } from '../src/jobs/jobs.service.js';
import { BindingService } from '../src/licenses/binding.service.js';
import { NoticesService } from '../src/notifications/notices.service.js';
import { RemindersService } from '../src/notifications/reminders.service.js';
import { bearer, login, makeDealerAndCustomer, startApp, type Made, type TestApp } from './harness.js';
import { licenses, recorderSpec, register } from './device-helpers.js';
import { mailbox } from './licensing.js';

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

const both = (iso: string) => {
  a.clock.set(new Date(iso), true);
  b.clock.set(new Date(iso), true);
};

/** Three customers: cameras whose licenses end 2027-12-31 JST, one renewal each, one ending later. */
async function setup(): Promise<Made[]> {
  const out: Made[] = [];
  for (let i = 0; i < 3; i++) {
    const m = await makeDealerAndCustomer(a);
    const l = await licenses(a, m);
    both('2026-11-22T01:00:00Z');
    await l.assign(3);
    await register(a, m.customerEmail, recorderSpec([1, 2, 3]));
    both('2027-10-25T01:00:00Z');
    await l.assign(1); // renewal, ends 2028-11-30 JST
    out.push(m);
  }
  return out;
}

async function templates(m: Made): Promise<Record<string, number>> {
  const count: Record<string, number> = {};
  for (const to of [m.customerEmail, m.ownerEmail]) {
    for (const x of await mailbox(a, to))
      count[`${to === m.ownerEmail ? 'dealer' : 'customer'}:${x.template}`] =
        (count[`${to === m.ownerEmail ? 'dealer' : 'customer'}:${x.template}`] ?? 0) + 1;
  }
  return count;
}

describe('two API processes', () => {
  it('running both jobs at the same moment in both sends every e-mail once and binds once', async () => {
    const made = await setup();
    both('2027-12-30T16:00:00Z'); // 23 h before the end: the 24h threshold
    await Promise.all([
      a.get(JobsService).runNow('reminders'),
      b.get(JobsService).runNow('reminders'),
      a.get(JobsService).runNow('expiry-sweep'),
      b.get(JobsService).runNow('expiry-sweep'),
      // And the work itself without the job lock, straight at the unique constraint / row locks.
      a.get(RemindersService).run(a.clock.now()),
      b.get(RemindersService).run(b.clock.now()),
    ]);
    both('2028-01-01T00:00:00Z');
    const runs = await Promise.all([
      a.get(JobsService).runNow('expiry-sweep'),
      b.get(JobsService).runNow('expiry-sweep'),
      a.get(BindingService).sweepExpired(a.clock.now()),
      b.get(BindingService).sweepExpired(b.clock.now()),
      a.get(JobsService).runNow('reminders'),
      b.get(JobsService).runNow('reminders'),
    ]);
    await Promise.all([
      a.get(NoticesService).mailPending(a.clock.now()),
      b.get(NoticesService).mailPending(b.clock.now()),
    ]);
    expect(runs.slice(0, 2).every((r) => 'outcome' in r && r.outcome === 'succeeded')).toBe(true);
    for (const m of made) {
      expect(await templates(m)).toEqual({
        'customer:licenses-assigned': 2,
        'customer:license-reminder': 1,
        'dealer:license-reminder': 1,
        'customer:license-lapsed': 1,
        'dealer:license-lapsed': 1,
        'customer:license-auto-assigned': 1,
        'dealer:license-auto-assigned': 1,
      });
      const [s] = await a.ds.query(
        `SELECT count(*) FILTER (WHERE state = 'bound')::int AS bound, count(*) FILTER (WHERE state = 'expired')::int AS expired
           FROM license WHERE customer_id = $1`,
        [m.customerId],
      );
      expect(s).toEqual({ bound: 1, expired: 3 });
      const lapsed = await a.ds.query(
        `SELECT count(*)::int AS n FROM camera WHERE customer_id = $1 AND lapsed_at IS NOT NULL`,
        [m.customerId],
      );
      expect(lapsed[0].n).toBe(2);
    }
  });

  it('the dealer sees its notifications (and only its own), filtered by kind, and as CSV', async () => {
    const [m] = await setup();
    const other = await makeDealerAndCustomer(a);
    both('2027-12-20T00:00:00Z');
    await a.get(JobsService).runNow('reminders');
    both('2028-01-01T00:00:00Z');
    await a.get(JobsService).runNow('expiry-sweep');
    const token = (await login(a, m.ownerEmail)).accessToken;
    const all = await a.http.get('/api/notifications').set(bearer(token)).query({ pageSize: 50 });
    expect(all.status).toBe(200);
    const kinds = (all.body.items as Array<{ kind: string; recipientKind: string }>)
      .map((n) => `${n.recipientKind}:${n.kind}`)
      .sort();
    expect(kinds).toEqual([
      'customer:auto_assign',
      'customer:lapse',
      'customer:reminder',
      'dealer:auto_assign',
      'dealer:lapse',
      'dealer:reminder',
    ]);
    const reminder = all.body.items.find(
      (n: { kind: string; recipientKind: string }) => n.kind === 'reminder' && n.recipientKind === 'dealer',
    );
    expect(reminder).toMatchObject({
      threshold: '14d',
      to: m.ownerEmail,
      licenseCount: 3,
      status: 'pending',
    });
    expect(reminder.licenses).toHaveLength(3);
    expect(reminder.licenses[0]).toMatchObject({
      customerName: 'Customer Co',
      endsAt: '2027-12-31T14:59:59.999Z',
    });
    const lapses = await a.http.get('/api/notifications').set(bearer(token)).query({ kind: 'lapse' });
    expect(lapses.body.total).toBe(2);
    const none = await a.http
      .get('/api/notifications')
      .set(bearer(token))
      .query({ from: '2028-01-02T00:00:00Z' });
    expect(none.body.total).toBe(0);
    const csv = await a.http
      .get('/api/notifications/export.csv')
      .set(bearer(token))
      .query({ kind: 'reminder' });
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(1 + 3 + 3); // header + dealer and customer e-mail × 3 licenses
    const bad = await a.http.get('/api/notifications').set(bearer(token)).query({ kind: 'spam' });
    expect(bad.status).toBe(400);
    const theirs = await a.http
      .get('/api/notifications')
      .set(bearer((await login(a, other.ownerEmail)).accessToken));
    expect(theirs.body.total).toBe(0);
  });
});
