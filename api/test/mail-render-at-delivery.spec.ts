import { beforeAll, describe, expect, it } from '@jest/globals';
import { AppConfig } from '../src/common/config/config.js';
import { MailService } from '../src/common/mail/mail.service.js';
import { MailWorker } from '../src/common/mail/mail.worker.js';
import type { MailTransport, OutgoingMail } from '../src/common/mail/transport.js';
import { JobsService } from '../src/jobs/jobs.service.js';
import { licenses, recorderSpec, register } from './device-helpers.js';
import { makeDealerAndCustomer } from './harness.js';
import { useTestApp } from './support/index.js';

// Issue 16: the month-end notices are queued unrendered (template, language, zone, data) and the
// MailWorker renders them when it sends them; what it sends must be what queue-time rendering
// (every other sender, and the notices before) produces.

const t = useTestApp();
const sent = new Map<string, OutgoingMail>();
beforeAll(async () => {
  const capture: MailTransport = { name: 'capture', send: async (m) => void sent.set(m.id, m) };
  (t.get(MailWorker) as unknown as { transport: MailTransport }).transport = capture;
});

const at = (iso: string) => t.clock.set(new Date(iso), true);

/** Runs delivery rounds until every one of `ids` went out; resolves to what was sent for each. */
async function deliver(ids: string[]): Promise<OutgoingMail[]> {
  for (let round = 0; round < 20 && ids.some((id) => !sent.has(id)); round++)
    await t.get(MailWorker).deliverDue(500);
  return ids.map((id) => {
    const m = sent.get(id);
    if (!m) throw new Error(`mail ${id} was not delivered`);
    return m;
  });
}

interface OutboxRow {
  id: string;
  template: string;
  language: 'ja' | 'en';
  time_zone: string;
  data: Record<string, unknown>;
  subject: string | null;
  text_body: string | null;
  html_body: string | null;
}

const outbox = async (to: string, template: string): Promise<OutboxRow[]> =>
  (await t.ds.query(
    `SELECT id, template, language, time_zone, data, subject, text_body, html_body FROM mail_outbox
      WHERE lower(to_address) = lower($1) AND template = $2 ORDER BY created_at, id`,
    [to, template],
  )) as OutboxRow[];

describe('e-mail rendered at delivery time', () => {
  it('a reminder rendered at queue time and the same row queued unrendered send the same subject, text and HTML', async () => {
    const m = await makeDealerAndCustomer(t);
    await t.ds.query(`UPDATE app_user SET time_zone = 'America/New_York' WHERE id = $1`, [m.customerUserId]);
    const l = await licenses(t, m);
    at('2026-11-22T01:00:00Z');
    await l.assign(2);
    await register(t, m.customerEmail, recorderSpec([1, 2]));
    at('2027-12-18T15:00:00Z'); // 13 days before the end (2027-12-31 JST): the customer's 14-day reminder
    expect((await t.get(JobsService).runNow('reminders')).outcome).toBe('succeeded');

    const [queued] = await outbox(m.customerEmail, 'license-reminder');
    expect(queued.subject).not.toBeNull();
    expect(queued.time_zone).toBe('America/New_York');
    const [copy] = (await t.ds.query(
      `INSERT INTO mail_outbox (to_address, template, language, time_zone, data, next_attempt_at, created_at)
       SELECT to_address, template, language, time_zone, data, next_attempt_at, created_at FROM mail_outbox
        WHERE id = $1 RETURNING id`,
      [queued.id],
    )) as { id: string }[];

    const [a, b] = await deliver([queued.id, copy.id]);
    expect(a.subject).toBe(queued.subject);
    expect(a.text).toBe(queued.text_body);
    expect(a.html).toBe(queued.html_body);
    expect({ subject: b.subject, text: b.text, html: b.html }).toEqual({
      subject: a.subject,
      text: a.text,
      html: a.html,
    });
  });

  it('month-end notices are queued unrendered, naming their notices, and render at delivery what queue-time rendering did', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    at('2026-11-22T01:00:00Z');
    await l.assign(2); // end 2027-12-31 23:59:59.999 JST, no renewal: both lapse
    const d = await register(t, m.customerEmail, recorderSpec([1, 2]));
    // Labels in the opposite order of the channels: the e-mail lists cameras by label.
    await t.ds.query(
      `UPDATE camera SET name = CASE channel WHEN 1 THEN 'Zeta door' ELSE 'Alpha gate' END
                       WHERE id = ANY($1::uuid[])`,
      [d.cameras.map((c) => c.id)],
    );
    // The customer reads its e-mails in New York time (the term itself was set in Tokyo time).
    await t.ds.query(`UPDATE app_user SET time_zone = 'America/New_York' WHERE id = $1`, [m.customerUserId]);
    at('2027-12-31T15:00:30Z');
    const run = await t.get(JobsService).runNow('expiry-sweep');
    expect(run.counts).toMatchObject({ expired: 2, lapsed: 2, noticeMails: 2 });

    const notices = (await t.ds.query(
      `SELECT n.at, l.ends_at, cam.name AS camera FROM license_notice_item n
         JOIN license l ON l.id = n.license_id JOIN camera cam ON cam.id = n.camera_id
        WHERE n.customer_id = $1 AND n.kind = 'lapse'`,
      [m.customerId],
    )) as { at: Date; ends_at: Date; camera: string }[];
    expect(notices).toHaveLength(2);
    // The data the notices' e-mails were rendered from at queue time (before issue 16).
    const items = notices
      .sort((x, y) => (x.camera < y.camera ? -1 : 1))
      .map((n) => ({
        customerName: 'Customer Co',
        camera: n.camera,
        skuCode: l.sku.code,
        at: n.at.toISOString(),
        endsAt: n.ends_at.toISOString(),
      }));
    const appUrl = t.get(AppConfig).publicUrl;
    const expected = {
      customer: { appUrl, forDealer: false, customerName: 'Customer Co', count: 2, items },
      dealer: { appUrl, forDealer: true, count: 2, items },
    };

    const renderer = t.get(MailService).renderer;
    for (const [side, to, zone, lang] of [
      ['customer', m.customerEmail, 'America/New_York', 'ja'],
      ['dealer', m.ownerEmail, 'Asia/Tokyo', 'en'],
    ] as const) {
      const rows = await outbox(to, 'license-lapsed');
      expect(rows).toHaveLength(1);
      const [row] = rows;
      expect(row).toMatchObject({
        subject: null,
        text_body: null,
        html_body: null,
        language: lang,
        time_zone: zone,
      });
      // Queued: the notices it names instead of the cameras; at delivery, the cameras it lists.
      const { items: _items, ...queued } = expected[side];
      expect(row.data).toEqual({ ...queued, notices: [expect.any(Number)] });
      expect(await t.get(MailService).completeData(row)).toEqual(expected[side]);
      const [mail] = await deliver([row.id]);
      const atQueueTime = renderer.render('license-lapsed', lang, zone, expected[side]);
      expect({ subject: mail.subject, text: mail.text, html: mail.html }).toEqual(atQueueTime);
      expect(mail.text.indexOf('Alpha gate')).toBeLessThan(mail.text.indexOf('Zeta door'));
      expect(mail.text.indexOf('Alpha gate')).toBeGreaterThan(-1);
      // The dev mailbox shows the same rendering.
      const shown = (await t.http.get('/api/dev/mailbox').query({ to })).body.find(
        (x: { id: string }) => x.id === row.id,
      );
      expect(shown).toMatchObject({
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        status: 'sent',
      });
    }
  });
});
