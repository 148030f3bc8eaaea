import { describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MailService } from '../src/common/mail/mail.service.js';
import { MailWorker, backoffMs, MAX_ATTEMPTS } from '../src/common/mail/mail.worker.js';
import { ProcessLiveness } from '../src/common/database/process-liveness.js';
import { startApp, uniq, type TestApp } from './harness.js';
import { useTestApp } from './support/index.js';

const t = useTestApp();

const enqueue = (app: TestApp, to: string, extra: Partial<Parameters<MailService['enqueue']>[1]> = {}) =>
  app.ds.transaction((em) =>
    app.get(MailService).enqueue(em, {
      to,
      template: 'account-locked',
      language: 'en',
      timeZone: 'Asia/Tokyo',
      data: {
        name: 'Pat',
        lockedUntil: '2027-01-01T00:15:00Z',
        maxFailures: 5,
        windowMinutes: 15,
        lockMinutes: 15,
      },
      ...extra,
    }),
  );

describe('mail outbox', () => {
  it('renders per language with the shared layout and dates in the recipient zone', async () => {
    const to = `${uniq()}@mail.test`;
    await enqueue(t, to, { language: 'ja' });
    const [m] = (await t.http.get('/api/dev/mailbox').query({ to })).body;
    expect(m.subject).toBe('アカウントが15分間ロックされました');
    expect(m.text).toContain('2027/01/01 09:15'); // 00:15Z shown in Asia/Tokyo
    expect(m.html).toContain('<html lang="ja">');
    expect(m.html).toContain('ライセンスコンソール');
    expect(m.data).toMatchObject({ name: 'Pat' });
  });

  it('is written in the same transaction as the change: a rollback leaves no mail', async () => {
    const to = `${uniq()}@mail.test`;
    await expect(
      t.ds.transaction(async (em) => {
        await t.get(MailService).enqueue(em, {
          to,
          template: 'account-locked',
          language: 'en',
          data: { name: 'x', lockedUntil: new Date().toISOString() },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await t.http.get('/api/dev/mailbox').query({ to })).body).toEqual([]);
  });

  it('lists newest first and filters by recipient; a dedupe key sends once', async () => {
    const to = `${uniq()}@mail.test`;
    await enqueue(t, to, { language: 'en' });
    t.clock.advance(1000);
    await enqueue(t, to, { language: 'ja' });
    await enqueue(t, to, { language: 'ja', dedupeKey: `k-${to}` });
    expect(await enqueue(t, to, { language: 'ja', dedupeKey: `k-${to}` })).toBeNull();
    t.clock.set(null);
    const list = (await t.http.get('/api/dev/mailbox').query({ to: to.toUpperCase() })).body as {
      language: string;
    }[];
    expect(list).toHaveLength(3);
    expect(list[2].language).toBe('en');
  });

  it('delivers with the dev transport and marks mail sent', async () => {
    const to = `${uniq()}@mail.test`;
    await enqueue(t, to);
    const r = await t.get(MailWorker).deliverDue(500);
    expect(r.sent).toBeGreaterThanOrEqual(1);
    const [m] = (await t.http.get('/api/dev/mailbox').query({ to })).body;
    expect(m.status).toBe('sent');
  });

  it('computes exponential backoff capped at one hour', () => {
    expect([1, 2, 3].map(backoffMs)).toEqual([30_000, 60_000, 120_000]);
    expect(backoffMs(20)).toBe(3_600_000);
    expect(MAX_ATTEMPTS).toBeGreaterThan(3);
  });
});

describe('SendGrid transport', () => {
  it('sends through the real @sendgrid/mail client to the configured base URL, retries failures with backoff', async () => {
    const received: { path: string; auth: string; body: Record<string, unknown> }[] = [];
    let failNext = true;
    const server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', auth: req.headers.authorization ?? '', body: JSON.parse(raw) });
        if (failNext) {
          failNext = false;
          res
            .writeHead(503, { 'content-type': 'application/json' })
            .end('{"errors":[{"message":"try later"}]}');
        } else {
          res.writeHead(202).end();
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    // Earlier tests may leave mail due slightly in the future; deliver it first so the capture
    // server's one failure hits this test's message.
    t.clock.set(new Date('2030-01-01T00:00:00Z'), true);
    await t.get(MailWorker).deliverDue(500);
    t.clock.set(null);
    const sg = await startApp({
      dbUrl: t.dbUrl,
      env: {
        SENDGRID_API_KEY: 'SG.test-key',
        SENDGRID_BASE_URL: `http://127.0.0.1:${port}`,
        MAIL_FROM: 'ops@vendor.test',
      },
    });
    try {
      sg.clock.set(new Date('2030-01-01T00:00:00Z'), true);
      const to = `${uniq()}@mail.test`;
      const id = await enqueue(sg, to);
      const worker = sg.get(MailWorker);
      expect(worker.transport.name).toBe('sendgrid');

      const first = await worker.deliverDue(500);
      expect(first.retrying).toBeGreaterThanOrEqual(1);
      let [m] = (await sg.http.get('/api/dev/mailbox').query({ to })).body;
      expect(m).toMatchObject({ status: 'pending', attempts: 1 });

      // Not due again until the backoff has passed.
      expect((await worker.deliverDue(500)).sent).toBe(0);
      sg.clock.advance(backoffMs(1));
      const second = await worker.deliverDue(500);
      expect(second.sent).toBeGreaterThanOrEqual(1);
      [m] = (await sg.http.get('/api/dev/mailbox').query({ to })).body;
      expect(m.status).toBe('sent');

      const ours = received.filter((r) => JSON.stringify(r.body).includes(to));
      expect(ours).toHaveLength(2);
      const req = ours[1];
      expect(req.path).toBe('/v3/mail/send');
      expect(req.auth).toBe('Bearer SG.test-key');
      expect(req.body).toMatchObject({
        from: { email: 'ops@vendor.test' },
        subject: 'Your account was locked for 15 minutes',
        personalizations: [{ to: [{ email: to }] }],
        custom_args: { outboxId: id, template: 'account-locked' },
      });
      const content = req.body.content as { type: string; value: string }[];
      expect(content.map((c) => c.type)).toEqual(['text/plain', 'text/html']);
      expect(content[1].value).toContain('<html lang="en">');
    } finally {
      await sg.close();
      server.close();
    }
  });

  it('retries a message whose live worker is stuck mid-send once its claim expires', async () => {
    const to = `${uniq()}@mail.test`;
    t.clock.set(new Date('2031-01-01T00:00:00Z'), true);
    try {
      const id = await enqueue(t, to);
      // A claim by a process that is alive (it keeps beating) but never finishes the send: only the
      // claim's end frees it. (A dead process's claims are taken over at once: reliability.spec.ts.)
      await t.ds.query(
        `UPDATE mail_outbox SET status = 'sending', attempts = 1, claimed_until = $2, claimed_by = $3 WHERE id = $1`,
        [id, new Date('2031-01-01T00:05:00Z'), t.get(ProcessLiveness).id],
      );
      const worker = t.get(MailWorker);
      await worker.deliverDue(500);
      expect((await t.http.get('/api/dev/mailbox').query({ to })).body[0].status).toBe('sending');
      t.clock.advance(6 * 60_000);
      await worker.deliverDue(500);
      expect((await t.http.get('/api/dev/mailbox').query({ to })).body[0]).toMatchObject({
        status: 'sent',
        attempts: 2,
      });
    } finally {
      t.clock.set(null);
    }
  });
});
