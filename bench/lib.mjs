// Shared by the benchmarks in bench/*/run.mjs: loading the built API, an embedded PostgreSQL (or
// DATABASE_URL), starting the app, the rows every bench needs (dealer, SKU, stock), a load
// generator in a worker thread, and timing / percentile helpers.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'api', 'dist', 'src');
if (!fs.existsSync(path.join(dist, 'app.factory.js'))) {
  console.error('Build the API first: npm run build');
  process.exit(1);
}

/** Imports a module of the built API by its path under api/dist/src. */
export const load = (p) => import(path.join(dist, p));
const { startEmbeddedPostgres } = await load('common/database/embedded-postgres.js');
const { migrate } = await load('common/database/database.js');
const { createApp } = await load('app.factory.js');
const { loadConfig } = await load('common/config/config.js');
const { SeedService } = await load('seed/seed.service.js');
const { PasswordHasher } = await load('common/auth/password-hasher.js');
export const { DataSource } = await import('typeorm');

export const PASSWORD = 'Bench!pass2026';

/** A whole number from the environment (or `def`), from 1 to `max`. */
export const int = (name, def, max = Infinity) => {
  const v = Number(process.env[name] ?? def);
  if (!Number.isInteger(v) || v < 1 || v > max)
    throw new Error(
      max === Infinity
        ? `${name} must be a positive whole number`
        : `${name} must be a whole number from 1 to ${max}`,
    );
  return v;
};

/** The value at percentile `p` of an ascending array. */
export const pct = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export const secs = (ms) => (ms / 1000).toFixed(2);

/** Runs `fn` and resolves to [milliseconds, its result]. */
export const time = async (fn) => {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
};

/**
 * Starts the built API on a migrated database: an embedded PostgreSQL in a temporary folder, or
 * DATABASE_URL when `databaseUrl` is true and it is set. Options: `pool` (DB_POOL_SIZE; also makes
 * password hashing cheap, for benches that sign in), `clock` (passed to createApp), `seed` (run the
 * seed service), `listen` (on a free port of 127.0.0.1). Resolves to { app, ds, base, stop }.
 */
export async function startBench({ databaseUrl = false, pool, clock, seed = false, listen = false } = {}) {
  let embedded;
  let dataDir;
  let app;
  const stop = async () => {
    await app?.close();
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    let dbUrl = databaseUrl ? process.env.DATABASE_URL : undefined;
    if (!dbUrl) {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-bench-'));
      embedded = await startEmbeddedPostgres({ dataDir });
      const admin = new pg.Client({ connectionString: embedded.url });
      await admin.connect();
      await admin.query('CREATE DATABASE lc_bench');
      await admin.end();
      dbUrl = embedded.urlFor('lc_bench');
    }
    await migrate(dbUrl);
    const config = loadConfig({
      APP_ENV: 'test',
      JOBS_ENABLED: 'false',
      MAIL_POLL_MS: '0',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      ...(process.env.SWEEP_CONCURRENCY ? { SWEEP_CONCURRENCY: process.env.SWEEP_CONCURRENCY } : {}),
      ...(pool === undefined
        ? {}
        : { ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', DB_POOL_SIZE: String(pool) }),
    });
    ({ app } = await (clock ? createApp(config, dbUrl, clock) : createApp(config, dbUrl)));
    if (seed) await app.get(SeedService).run();
    let base;
    if (listen) {
      await app.listen(0, '127.0.0.1');
      base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    }
    return { app, ds: app.get(DataSource), base, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** The password hash of PASSWORD, by the app's own hasher. */
export const hashPassword = (app) => app.get(PasswordHasher).hash(PASSWORD);

/** A primary dealer; resolves to its id. */
export async function insertDealer(ds, loginId, notificationEmail) {
  const [dealer] = await ds.query(
    `INSERT INTO dealer (login_id, tier, company_name, notification_email, created_at, updated_at)
     VALUES ($1, 'primary', 'Bench Dealer', $2, now(), now()) RETURNING id`,
    [loginId, notificationEmail],
  );
  return dealer.id;
}

/** A dealer member who signs in with PASSWORD (`hash`). */
export async function insertDealerUser(ds, { email, name, hash, dealerId, memberRole }) {
  await ds.query(
    `INSERT INTO app_user (role, email, name, password_hash, language, dealer_id, member_role, created_at, updated_at)
     VALUES ('dealer', $1, $2, $3, 'en', $4, $5, now(), now())`,
    [email, name, hash, dealerId, memberRole],
  );
}

/** A 12-month edge SKU with `code`, and `stock` licenses of it in the dealer's stock. */
export async function insertSkuAndStock(ds, code, dealerId, stock) {
  await ds.query(
    `INSERT INTO sku (code, name_ja, name_en, kind, term_months, price_primary, price_secondary, price_list, created_at)
     VALUES ($1, 'ベンチ', 'Bench', 'edge', 12, 9000, 10800, 12000, now())`,
    [code],
  );
  await ds.query(
    `INSERT INTO license (sku_id, kind, term_months, state, owner_dealer_id, created_at, updated_at)
     SELECT s.id, s.kind, s.term_months, 'in_stock', $1, now(), now() FROM sku s, generate_series(1, $2)
      WHERE s.code = $3`,
    [dealerId, stock, code],
  );
}

/** POSTs JSON; resolves to the JSON answer, throws unless 2xx. */
export async function post(url, body, headers = {}) {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = await r.json().catch(() => null);
  if (!r.ok) throw new Error(`${url}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

/** Runs a load generator module in its own thread; resolves to the one message it posts. */
export async function runClient(moduleUrl, workerData) {
  const client = new Worker(moduleUrl, { workerData });
  const r = await new Promise((resolve, reject) => {
    client.once('message', resolve);
    client.once('error', reject);
  });
  await client.terminate();
  return r;
}

/**
 * The last two lines of every bench: a JSON summary for `npm run bench`'s table (figure, what it
 * is compared with, ratio, goal, met), then `bench <name>: ratio <number>` for any script.
 */
export function summary(name, { figure, base, ratio, goal, met }) {
  console.log(`bench-summary ${JSON.stringify({ name, figure, base, ratio, goal, met })}`);
  console.log(`bench ${name}: ratio ${ratio.toFixed(3)}`);
}

// ---- the fleet setup shared by bench/entitlements and bench/scaling ----

/**
 * A primary dealer (`loginId`, notification e-mail `ownerEmail`) with its owner signing in with
 * PASSWORD, and `stock` licenses of a 12-month SKU `sku`. Resolves to { dealerId, hash }.
 */
export async function insertDealerWithStock(app, ds, { loginId, ownerEmail, sku, stock }) {
  const hash = await hashPassword(app);
  const dealerId = await insertDealer(ds, loginId, ownerEmail);
  await insertDealerUser(ds, { email: ownerEmail, name: 'Owner', hash, dealerId, memberRole: 'owner' });
  await insertSkuAndStock(ds, sku, dealerId, stock);
  return { dealerId, hash };
}

/** A customer of the dealer and its contract holder `email` (password hash `hash`); resolves to { id, email }. */
export async function insertCustomer(ds, { dealerId, name, email, hash }) {
  const [c] = await ds.query(
    `INSERT INTO customer (dealer_id, name, created_at, updated_at) VALUES ($1, $2, now(), now()) RETURNING id`,
    [dealerId, name],
  );
  await ds.query(
    `INSERT INTO app_user (role, email, name, password_hash, language, customer_id, created_at, updated_at)
     VALUES ('customer', $1, $2, $3, 'ja', $4, now(), now())`,
    [email, name, hash, c.id],
  );
  return { id: c.id, email };
}

/** Registers a recorder of `cameras` cameras through the real route for `customer`; resolves to its answer. */
export const registerRecorder = (base, customer, serial, cameras) =>
  post(`${base}/api/device/register`, {
    email: customer.email,
    password: PASSWORD,
    device: {
      type: 'recorder',
      serial,
      model: 'REC-64',
      mac: '00:11:22:33:44:55',
      firmware: '1.0.0',
      cameras: Array.from({ length: cameras }, (_, i) => ({ channel: i + 1, model: 'CAM-200' })),
    },
  });

/**
 * Signs the dealer's owner in through `base`; resolves to a function assigning `quantity`
 * licenses of `sku` to a customer through the real route (at `via`, default `base`).
 */
export async function ownerAssigner(base, ownerEmail, sku) {
  const { accessToken } = await post(`${base}/api/auth/login`, { login: ownerEmail, password: PASSWORD });
  return (customerId, quantity, via = base) =>
    post(
      `${via}/api/assignments`,
      { customerId, skuCode: sku, quantity },
      { authorization: `Bearer ${accessToken}` },
    );
}
