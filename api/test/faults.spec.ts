/**
 * Fault injection (issue #11), in CI: `kill -9` of an API process in the middle of an assignment
 * wave, and `kill -9` of the embedded PostgreSQL under load. No fixed sleeps: every wait polls
 * for its condition with a bound.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ErrorCode } from '@lc/shared';
import { startEmbeddedPostgres, type RunningPostgres } from '../src/common/database/embedded-postgres.js';
import { migrate } from '../src/common/database/database.js';
import { REPO_ROOT } from '../src/common/config/config.js';
import { DbNotifications } from '../src/common/database/db-notifications.js';
import { MailWorker } from '../src/common/mail/mail.worker.js';
import { EntitlementsNotifier } from '../src/devices/entitlements-notifier.js';
import { deviceAuth, recorderSpec, register } from './device-helpers.js';
import { addStock, createSku } from './licensing.js';
import {
  bearer,
  cloneDatabase,
  login,
  makeDealerAndCustomer,
  startApp,
  TEST_ENV,
  type Made,
  type TestApp,
} from './harness.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

async function until<T>(what: string, cond: () => T | Promise<T>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await cond();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

interface Outcome {
  key: string;
  status: number | 'no answer';
  id?: string;
}

/**
 * `total` assignments of one license each, `parallel` at a time, each with its own Idempotency-Key;
 * `onAnswer` may kill something mid-wave. A request that gets no answer is recorded as such.
 */
async function wave(
  base: string,
  token: string,
  body: Record<string, unknown>,
  total: number,
  parallel: number,
  onAnswer: (o: Outcome, all: Outcome[]) => void,
  beforeSend: (all: Outcome[]) => Promise<void> = async () => undefined,
): Promise<Outcome[]> {
  const all: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      await beforeSend(all);
      if (next >= total) break;
      const key = `wave-${process.pid}-${Date.now()}-${next++}`;
      let o: Outcome;
      try {
        const r = await fetch(`${base}/api/assignments`, {
          method: 'POST',
          headers: { ...bearer(token), 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
        });
        const b = (await r.json()) as { id?: string; code?: number };
        o = { key, status: r.status, id: b.id };
        if (r.status === 503) {
          expect(b.code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
          expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
        }
      } catch {
        o = { key, status: 'no answer' };
      }
      all.push(o);
      onAnswer(o, all);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return all;
}

/** Nothing half-written: every assignment of the dealer has its licenses, audit row and e-mail. */
async function checkWhole(t: TestApp, m: Made, stock: number): Promise<number> {
  const rows = (await t.ds.query(
    `SELECT a.id, a.quantity,
            (SELECT count(*)::int FROM license l WHERE l.assignment_id = a.id) AS licenses,
            (SELECT count(*)::int FROM audit_log g WHERE g.action = 'licenses.assigned' AND g.target_id = a.id::text) AS audits
       FROM license_assignment a WHERE a.dealer_id = $1`,
    [m.dealerId],
  )) as { id: string; quantity: number; licenses: number; audits: number }[];
  for (const r of rows)
    expect(r).toEqual({ id: r.id, quantity: r.quantity, licenses: r.quantity, audits: 1 });
  const [{ mails }] = (await t.ds.query(
    `SELECT count(*)::int AS mails FROM mail_outbox WHERE to_address = $1 AND template = 'licenses-assigned'`,
    [m.customerEmail],
  )) as { mails: number }[];
  expect(mails).toBe(rows.length);
  const [{ left }] = (await t.ds.query(
    `SELECT count(*)::int AS left FROM license WHERE owner_dealer_id = $1 AND state = 'in_stock'`,
    [m.dealerId],
  )) as { left: number }[];
  const assigned = rows.reduce((n, r) => n + r.quantity, 0);
  expect(left + assigned).toBe(stock);
  return rows.length;
}

describe('kill -9 of an API process during an assignment wave', () => {
  it('keeps every answered 201, writes nothing half, and a retry with the same key completes exactly once; its mail claims are taken over at once', async () => {
    // A mail provider that holds every request until released: the killed process dies mid-send.
    const received: Array<{ key: string; answered: boolean }> = [];
    let hold = true;
    const held: http.ServerResponse[] = [];
    const provider = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body = JSON.parse(raw) as { custom_args?: { idempotencyKey?: string } };
        received.push({ key: body.custom_args?.idempotencyKey ?? '', answered: !hold });
        if (hold) held.push(res);
        else res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
    cleanups.push(async () => {
      for (const r of held) r.destroy();
      await new Promise((r) => provider.close(r));
    });
    const mailEnv = {
      SENDGRID_API_KEY: 'SG.test-key',
      SENDGRID_BASE_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}`,
    };

    const dbUrl = await cloneDatabase();
    const t = await startApp({ dbUrl, env: mailEnv });
    cleanups.push(() => t.close());
    const m = await makeDealerAndCustomer(t);
    const sku = await createSku(t);
    const STOCK = 60;
    await addStock(t, m.dealerId, sku.code, STOCK);
    const token = (await login(t, m.ownerEmail)).accessToken;

    // The victim: a real API process (the built app) on the same database.
    const port = await freePort();
    let output = '';
    const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, 'api/dist/src/main.js')], {
      env: {
        ...process.env,
        ...TEST_ENV,
        ...mailEnv,
        DATABASE_URL: dbUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        MAIL_POLL_MS: '50',
        PROCESS_HEARTBEAT_MS: '200',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
    cleanups.push(async () => child.kill('SIGKILL'));
    const base = `http://127.0.0.1:${port}`;
    await until(
      'the API process to serve',
      async () => {
        if (child.exitCode !== null) throw new Error(`the API process exited: ${output}`);
        return (await fetch(`${base}/api/health`).catch(() => null))?.status === 200;
      },
      60_000,
    );

    let killed = false;
    // Room for the kill condition on a loaded machine: after the kill the rest fail fast (refused).
    const TOTAL = 48;
    const outcomes = await wave(
      base,
      token,
      { customerId: m.customerId, skuCode: sku.code, quantity: 1 },
      TOTAL,
      4,
      (_o, all) => {
        // Mid-wave, once the process is also in the middle of sending mail.
        if (!killed && all.filter((x) => x.status === 201).length >= 8 && held.length > 0) {
          killed = true;
          child.kill('SIGKILL');
        }
      },
      // On a loaded machine the mail worker may not have started a send yet: the wave waits for it
      // (instead of running out of requests before the kill condition holds).
      async (all) => {
        if (!killed && all.filter((x) => x.status === 201).length >= 8)
          await until(
            'the API process to be in the middle of sending mail',
            async () => held.length > 0,
            60_000,
          );
      },
    );
    expect(killed).toBe(true);
    const acked = outcomes.filter((o) => o.status === 201);
    const lost = outcomes.filter((o) => o.status === 'no answer');
    expect(acked.length).toBeGreaterThanOrEqual(8);
    expect(lost.length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.status === 201 || o.status === 'no answer')).toBe(true);

    // Every 201 is committed, and nothing is half-written.
    const ids = new Set(
      (
        (await t.ds.query(`SELECT id FROM license_assignment WHERE dealer_id = $1`, [m.dealerId])) as {
          id: string;
        }[]
      ).map((r) => r.id),
    );
    for (const o of acked) expect(ids.has(o.id!)).toBe(true);
    await checkWhole(t, m, STOCK);

    // The client retries what got no answer with the same key: committed ones replay (200), the rest run.
    for (const o of lost) {
      const r = await t.http
        .post('/api/assignments')
        .set(bearer(token))
        .set('Idempotency-Key', o.key)
        .send({ customerId: m.customerId, skuCode: sku.code, quantity: 1 });
      expect([200, 201]).toContain(r.status);
    }
    expect(await checkWhole(t, m, STOCK)).toBe(TOTAL);

    // The dead process's mail claims (claimed for 5 minutes) are taken over within its few heartbeats.
    const heldKeys = new Set(received.filter((r) => !r.answered).map((r) => r.key));
    expect(heldKeys.size).toBeGreaterThan(0);
    hold = false;
    const started = Date.now();
    await until('the dead process’s mail to be sent by another', async () => {
      await t.get(MailWorker).deliverDue(500);
      const [{ n }] = (await t.ds.query(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = $1 AND status <> 'sent'`,
        [m.customerEmail],
      )) as { n: number }[];
      return n === 0;
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    // Re-sent with the same idempotency key as the attempt that died with the process.
    const resent = new Set(received.filter((r) => r.answered).map((r) => r.key));
    for (const k of heldKeys) expect(resent.has(k)).toBe(true);
  }, 120_000);
});

describe('kill -9 of the embedded PostgreSQL', () => {
  it('loses no acknowledged write, comes back by itself on the same port, answers 503 meanwhile, and device push resumes', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-fault-pg-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const db: RunningPostgres = await startEmbeddedPostgres({ dataDir }); // durable: the default
    cleanups.push(() => db.stop());
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await c.query('CREATE DATABASE lc_fault');
    await c.end();
    const url = db.urlFor('lc_fault');
    await migrate(url);
    const t = await startApp({ dbUrl: url });
    cleanups.push(() => t.close());

    const m = await makeDealerAndCustomer(t);
    const sku = await createSku(t);
    const STOCK = 80;
    await addStock(t, m.dealerId, sku.code, STOCK);
    const token = (await login(t, m.ownerEmail)).accessToken;
    const device = await register(t, m.customerEmail, recorderSpec([1]));
    const versionSeen = async () =>
      (await t.http.get('/api/device/entitlements').set(deviceAuth(device.credential))).body.payload
        .version as number;
    const v0 = await versionSeen();

    await new Promise<void>((r) => t.app.getHttpServer().listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const pidBefore = db.pid();
    const WAVE = 30;
    let killed = false;
    const outcomes = await wave(
      base,
      token,
      { customerId: m.customerId, skuCode: sku.code, quantity: 1 },
      WAVE,
      4,
      (_o, all) => {
        if (!killed && all.filter((x) => x.status === 201).length >= 10) {
          killed = true;
          process.kill(pidBefore!, 'SIGKILL');
        }
      },
    );
    expect(killed).toBe(true);
    // Only 201 or 503 (with Retry-After and its code, checked in wave): never a 500.
    expect(outcomes.filter((o) => o.status !== 201 && o.status !== 503)).toEqual([]);

    // Back by itself, on the same port.
    await until('the database to be back', async () => (await fetch(`${base}/api/health`)).status === 200);
    await until('the supervisor to count the restart', () => db.restarts >= 1);
    expect(db.pid()).not.toBe(pidBefore);
    expect(new URL(db.url).port).toBe(String(db.port));
    expect(fs.readFileSync(path.join(db.dataDir, 'pg-port'), 'utf8').trim()).toBe(String(db.port));

    // No acknowledged write lost.
    const ids = new Set(
      (
        (await t.ds.query(`SELECT id FROM license_assignment WHERE dealer_id = $1`, [m.dealerId])) as {
          id: string;
        }[]
      ).map((r) => r.id),
    );
    const acked = outcomes.filter((o) => o.status === 201);
    expect(acked.length).toBeGreaterThanOrEqual(10);
    for (const o of acked) expect(ids.has(o.id!)).toBe(true);
    // Retries (same key) of what got a 503 complete exactly once.
    for (const o of outcomes.filter((x) => x.status === 503)) {
      const r = await until('the retry to be answered', async () => {
        const res = await t.http
          .post('/api/assignments')
          .set(bearer(token))
          .set('Idempotency-Key', o.key)
          .send({ customerId: m.customerId, skuCode: sku.code, quantity: 1 });
        return res.status === 503 ? null : res;
      });
      expect([200, 201]).toContain(r!.status);
    }
    expect(await checkWhole(t, m, STOCK)).toBe(WAVE);

    // Device push resumes: the listener reconnected, and a change answers a waiting long-poll at once.
    await until('the listener to reconnect', () => t.get(DbNotifications).connected);
    const v1 = await versionSeen();
    expect(v1).toBeGreaterThanOrEqual(v0);
    const waiting = fetch(`${base}/api/device/entitlements?waitForVersion=${v1}&timeoutSeconds=55`, {
      headers: deviceAuth(device.credential),
    });
    await until('the long-poll to wait', () => t.get(EntitlementsNotifier).waitingDevices > 0);
    const pushedAt = Date.now();
    // A camera the recorder reports for the first time bumps the version (it takes a pool license).
    const hb = await t.http
      .post('/api/device/heartbeat')
      .set(deviceAuth(device.credential))
      .send({ status: 'online', cameras: [{ channel: 2, model: 'CAM-200' }] });
    expect(hb.status).toBeLessThan(300);
    const pushed = (await (await waiting).json()) as { payload: { version: number } };
    expect(Date.now() - pushedAt).toBeLessThan(10_000);
    // Versions never repeat: the new one is above every version seen before the crash.
    expect(pushed.payload.version).toBeGreaterThan(v1);
  }, 120_000);
});

describe('kill -9 of the app that owns the embedded PostgreSQL', () => {
  it('the next start stops the orphaned postmaster and comes back on the same port', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-fault-own-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const module = path.join(REPO_ROOT, 'api/dist/src/common/database/embedded-postgres.js');
    const owner = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(module)});
         const db = await m.startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
         console.log('port ' + db.port);
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanups.push(async () => owner.kill('SIGKILL'));
    let out = '';
    owner.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    owner.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    const port = Number(
      (await until(
        'the owner to start PostgreSQL',
        () => /port (\d+)/.exec(out)?.[1] ?? null,
        60_000,
      )) as string,
    );
    const orphan = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    owner.kill('SIGKILL');
    await until('the owner to die', () => owner.exitCode !== null || owner.signalCode !== null);
    expect(() => process.kill(orphan, 0)).not.toThrow(); // the postmaster outlived its owner

    const db = await startEmbeddedPostgres({ dataDir });
    cleanups.push(() => db.stop());
    expect(db.port).toBe(port);
    expect(db.pid()).not.toBe(orphan);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    expect((await c.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    await c.end();
  }, 90_000);
});
