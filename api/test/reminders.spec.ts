import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { PasswordHasher } from '../src/common/auth/password-hasher.js';
import { JobsService } from '../src/jobs/jobs.service.js';
import { bearer, login, makeDealerAndCustomer, PASSWORD, uniq, type Made } from './harness.js';
import { useTestApp } from './support/index.js';
import { licenses, recorderSpec, register } from './device-helpers.js';
import { mailbox } from './licensing.js';

const t = useTestApp();

const END = new Date('2027-12-31T14:59:59.999Z'); // licenses assigned on 2026-11-22 (12 months)
const DAY = 86_400_000;
const before = (ms: number) => t.clock.set(new Date(END.getTime() - ms), true);
const remind = () => t.get(JobsService).runNow('reminders');

async function member(
  m: Made,
  opts: { language: 'ja' | 'en'; timeZone: string; optIn: boolean },
): Promise<string> {
  const email = `${uniq('mem')}@dealer.test`;
  await t.ds.query(
    `INSERT INTO app_user (role, email, name, password_hash, language, time_zone, dealer_id, member_role, created_at, updated_at)
     VALUES ('dealer', $1, 'Staff Person', $2, $3, $4, $5, 'staff', now(), now())`,
    [email, await t.get(PasswordHasher).hash(PASSWORD), opts.language, opts.timeZone, m.dealerId],
  );
  if (opts.optIn) {
    const token = (await login(t, email)).accessToken;
    const r = await t.http
      .put('/api/notifications/settings')
      .set(bearer(token))
      .send({ licenseReminders: true });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ licenseReminders: true });
  }
  return email;
}

const reminders = async (to: string) =>
  (await mailbox(t, to)).filter((x) => x.template === 'license-reminder');

/** Two cameras with licenses ending at END. */
async function setup() {
  const m = await makeDealerAndCustomer(t);
  const l = await licenses(t, m);
  t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
  const ids = await l.assign(2);
  await register(t, m.customerEmail, recorderSpec([1, 2]));
  return { m, l, ids };
}

describe('reminders', () => {
  it('walks every threshold: exact e-mails per recipient, language, zone and renewal; a second run sends nothing', async () => {
    const { m, l } = await setup();
    const staff = await member(m, { language: 'ja', timeZone: 'America/New_York', optIn: true });
    const quiet = await member(m, { language: 'en', timeZone: 'Asia/Tokyo', optIn: false });

    before(91 * DAY);
    expect((await remind()).outcome).toBe('succeeded');
    expect(await reminders(m.ownerEmail)).toHaveLength(0);

    const steps: Array<[number, string, boolean]> = [
      [89 * DAY, '90', false],
      [59 * DAY, '60', false],
      [29 * DAY, '30', false],
      [13 * DAY, '14', true],
      [23 * 3_600_000, '24', true],
    ];
    for (const [ms, label, customerToo] of steps) {
      if (label === '14') {
        t.clock.set(new Date(END.getTime() - 20 * DAY), true);
        await l.assign(1); // one renewal waits in the pool: covers one camera of two
      }
      before(ms);
      const run = await remind();
      expect(run.outcome).toBe('succeeded');
      const owner = await reminders(m.ownerEmail);
      const mine = await reminders(staff);
      const cust = await reminders(m.customerEmail);
      const n = steps.findIndex((s) => s[1] === label) + 1;
      expect(owner).toHaveLength(n);
      expect(mine).toHaveLength(n);
      expect(cust).toHaveLength(steps.slice(0, n).filter((s) => s[2]).length);
      const unit =
        label === '24' ? { en: '24 hours', ja: '24時間' } : { en: `${label} days`, ja: `${label}日` };
      // Newest first in the mailbox.
      expect(owner[0].subject).toBe(`2 customer license(s) end within ${unit.en}`);
      expect(owner[0].text).toContain('Customer Co');
      expect(owner[0].text).toContain('31 Dec 2027');
      expect(mine[0].subject).toBe(`お客さまのライセンス2件の有効期限が${unit.ja}以内に切れます`);
      expect(mine[0].text).toContain('2027/12/31 09:59'); // New York
      if (customerToo) {
        expect(cust[0].subject).toBe(`カメラのライセンスの有効期限が${unit.ja}以内に切れます`);
        expect(cust[0].text).toContain('2027/12/31 23:59'); // Tokyo
        expect(cust[0].data).toMatchObject({ count: 2, renewalCount: 1 });
        expect(cust[0].text).toContain('更新ライセンスがプールにあります');
        expect(cust[0].text).toContain('更新ライセンスがありません');
      }
      // Running again at the same moment sends nothing new.
      expect((await remind()).outcome).toBe('succeeded');
      expect(await reminders(m.ownerEmail)).toHaveLength(n);
      expect(await reminders(staff)).toHaveLength(n);
    }
    expect(await reminders(quiet)).toHaveLength(0);
    const [{ count }] = await t.ds.query(
      `SELECT count(*)::int AS count FROM license_reminder r JOIN license l ON l.id = r.license_id
        WHERE l.customer_id = $1`,
      [m.customerId],
    );
    expect(count).toBe(2 * 5 * 2 + 2 * 2); // 2 licenses × (5 thresholds × 2 dealer addresses + 2 customer)
  });

  it('after a long jump sends only the most recent due threshold, never a stale one', async () => {
    const { m } = await setup();
    before(100 * DAY);
    await remind();
    before(10 * DAY); // 90, 60, 30 and 14 days all passed while nothing ran
    await remind();
    const owner = await reminders(m.ownerEmail);
    expect(owner.map((x) => x.subject)).toEqual(['2 customer license(s) end within 14 days']);
    expect((await reminders(m.customerEmail)).map((x) => x.subject)).toEqual([
      'カメラのライセンスの有効期限が14日以内に切れます',
    ]);
    before(3_600_000);
    await remind();
    expect((await reminders(m.ownerEmail)).map((x) => x.subject)).toEqual([
      '2 customer license(s) end within 24 hours',
      '2 customer license(s) end within 14 days',
    ]);
    const thresholds = await t.ds.query(
      `SELECT DISTINCT r.threshold FROM license_reminder r JOIN license l ON l.id = r.license_id
        WHERE l.customer_id = $1 ORDER BY 1`,
      [m.customerId],
    );
    expect(thresholds.map((x: { threshold: string }) => x.threshold)).toEqual(['14d', '24h']);
  });

  it('an address that is both the notification e-mail and an opted-in member gets one e-mail', async () => {
    const { m } = await setup();
    const staff = await member(m, { language: 'en', timeZone: 'Asia/Tokyo', optIn: true });
    await t.ds.query(`UPDATE dealer SET notification_email = upper($2) WHERE id = $1`, [m.dealerId, staff]);
    before(29 * DAY);
    await remind();
    expect(await reminders(staff)).toHaveLength(1);
    expect(await reminders(m.ownerEmail)).toHaveLength(0); // the owner did not opt in
  });

  it('members read and change only their own opt-in; bad input is a 400 naming the field', async () => {
    const { m } = await setup();
    const token = (await login(t, m.ownerEmail)).accessToken;
    expect((await t.http.get('/api/notifications/settings').set(bearer(token))).body).toEqual({
      licenseReminders: false,
    });
    const bad = await t.http
      .put('/api/notifications/settings')
      .set(bearer(token))
      .send({ licenseReminders: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(ErrorCode.VALIDATION);
    expect(bad.body.message).toContain('licenseReminders');
    const customer = (await login(t, m.customerEmail)).accessToken;
    expect((await t.http.get('/api/notifications/settings').set(bearer(customer))).status).toBe(403);
  });
});
