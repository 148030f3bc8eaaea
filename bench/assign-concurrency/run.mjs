// Benchmark: 1 000 concurrent POST /api/assignments (quantity 1) against a stock of 100, over real
// HTTP, on the built API and an embedded PostgreSQL. Exactly 100 must succeed; the rest 409.
// The app listens in this thread; the requests come from a worker thread (client.mjs).
//
//   npm run build && node bench/assign-concurrency/run.mjs
//
// Environment: BENCH_REQUESTS (1000), BENCH_STOCK (100), BENCH_CONCURRENCY (all requests at once),
// BENCH_SESSIONS (1: all requests on one sign-in; more spreads them over that many members),
// DB_POOL_SIZE (20).
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'api', 'dist', 'src');
if (!fs.existsSync(path.join(dist, 'app.factory.js'))) {
  console.error('Build the API first: npm run build');
  process.exit(1);
}
const load = (p) => import(path.join(dist, p));
const { startEmbeddedPostgres } = await load('common/database/embedded-postgres.js');
const { migrate } = await load('common/database/database.js');
const { createApp } = await load('app.factory.js');
const { loadConfig } = await load('common/config/config.js');
const { SeedService } = await load('seed/seed.service.js');
const { PasswordHasher } = await load('common/auth/password-hasher.js');
const { DataSource } = await import('typeorm');

const int = (name, def) => {
  const v = Number(process.env[name] ?? def);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive whole number`);
  return v;
};
const REQUESTS = int('BENCH_REQUESTS', 1000);
const STOCK = int('BENCH_STOCK', 100);
const SESSIONS = int('BENCH_SESSIONS', 1);
const POOL = int('DB_POOL_SIZE', 20);
const CONCURRENCY = int('BENCH_CONCURRENCY', REQUESTS);
const PASSWORD = 'Bench!pass2026';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-bench-'));
const embedded = await startEmbeddedPostgres({ dataDir });
let app;
try {
  const admin = new pg.Client({ connectionString: embedded.url });
  await admin.connect();
  await admin.query('CREATE DATABASE lc_bench');
  await admin.end();
  const dbUrl = embedded.urlFor('lc_bench');
  await migrate(dbUrl);
  const config = loadConfig({
    APP_ENV: 'test',
    JOBS_ENABLED: 'false',
    MAIL_POLL_MS: '0',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    DB_POOL_SIZE: String(POOL),
  });
  ({ app } = await createApp(config, dbUrl));
  await app.get(SeedService).run();
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;

  // One primary dealer with SESSIONS members, one customer, one SKU and STOCK licenses in stock.
  const ds = app.get(DataSource);
  const hash = await app.get(PasswordHasher).hash(PASSWORD);
  const [dealer] = await ds.query(
    `INSERT INTO dealer (login_id, tier, company_name, notification_email, created_at, updated_at)
     VALUES ('bench', 'primary', 'Bench Dealer', 'bench@dealer.test', now(), now()) RETURNING id`,
  );
  const emails = [];
  for (let i = 0; i < SESSIONS; i++) {
    const email = `member${i}@dealer.test`;
    emails.push(email);
    await ds.query(
      `INSERT INTO app_user (role, email, name, password_hash, language, dealer_id, member_role, created_at, updated_at)
       VALUES ('dealer', $1, $2, $3, 'en', $4, $5, now(), now())`,
      [email, `Member ${i}`, hash, dealer.id, i === 0 ? 'owner' : 'staff'],
    );
  }
  const [customer] = await ds.query(
    `INSERT INTO customer (dealer_id, name, created_at, updated_at) VALUES ($1, 'Bench Customer', now(), now())
     RETURNING id`,
    [dealer.id],
  );
  await ds.query(
    `INSERT INTO app_user (role, email, name, language, customer_id, created_at, updated_at)
     VALUES ('customer', 'customer@bench.test', 'Bench Customer', 'ja', $1, now(), now())`,
    [customer.id],
  );
  await ds.query(
    `INSERT INTO sku (code, name_ja, name_en, kind, term_months, price_primary, price_secondary, price_list, created_at)
     VALUES ('BENCH-12M', 'ベンチ', 'Bench', 'edge', 12, 9000, 10800, 12000, now())`,
  );
  await ds.query(
    `INSERT INTO license (sku_id, kind, term_months, state, owner_dealer_id, created_at, updated_at)
     SELECT s.id, s.kind, s.term_months, 'in_stock', $1, now(), now() FROM sku s, generate_series(1, $2)
      WHERE s.code = 'BENCH-12M'`,
    [dealer.id, STOCK],
  );
  const tokens = [];
  for (const email of emails) {
    const r = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: email, password: PASSWORD }),
    });
    if (r.status !== 200) throw new Error(`login failed: ${r.status} ${await r.text()}`);
    tokens.push((await r.json()).accessToken);
  }

  const body = JSON.stringify({ customerId: customer.id, skuCode: 'BENCH-12M', quantity: 1 });
  const client = new Worker(new URL('./client.mjs', import.meta.url), {
    workerData: {
      url: `${base}/api/assignments`,
      tokens,
      body,
      requests: REQUESTS,
      concurrency: CONCURRENCY,
    },
  });
  const { results, totalMs } = await new Promise((resolve, reject) => {
    client.once('message', resolve);
    client.once('error', reject);
  });
  await client.terminate();

  const ok = results.filter((r) => r.status === 201).length;
  const short = results.filter((r) => r.status === 409 && r.code === 300101).length;
  const other = {};
  for (const r of results) {
    if (r.status === 201 || (r.status === 409 && r.code === 300101)) continue;
    other[`${r.status}/${r.code}`] = (other[`${r.status}/${r.code}`] ?? 0) + 1;
  }
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];
  const [{ assigned }] = await ds.query(
    `SELECT count(*)::int AS assigned FROM license WHERE state = 'assigned'`,
  );
  const [{ left }] = await ds.query(`SELECT count(*)::int AS left FROM license WHERE state = 'in_stock'`);

  console.log(
    [
      `requests        ${REQUESTS}, ${Math.min(CONCURRENCY, REQUESTS)} at once (stock ${STOCK}, ${SESSIONS} session(s), DB pool ${POOL})`,
      `201 assigned    ${ok}`,
      `409 STOCK_SHORT ${short}`,
      `other statuses  ${Object.keys(other).length ? JSON.stringify(other) : 'none'}`,
      `latency p50     ${pct(50).toFixed(1)} ms`,
      `latency p99     ${pct(99).toFixed(1)} ms`,
      `latency max     ${ms[ms.length - 1].toFixed(1)} ms`,
      `total           ${totalMs.toFixed(0)} ms (${((REQUESTS / totalMs) * 1000).toFixed(0)} req/s)`,
      `database        ${assigned} licenses assigned, ${left} left in stock`,
    ].join('\n'),
  );
  const expected = Math.min(STOCK, REQUESTS);
  if (ok !== expected || assigned !== expected || left !== STOCK - expected || Object.keys(other).length) {
    console.error(`FAILED: expected exactly ${expected} assignments and no other statuses`);
    process.exitCode = 1;
  }
} finally {
  await app?.close();
  await embedded.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
