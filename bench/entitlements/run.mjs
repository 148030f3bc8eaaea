// Benchmark: GET /api/device/entitlements with 10 000 registered, licensed cameras, beside a bare
// route of the same app in the same run (GET /api/dev/clock: public, no database), over real HTTP
// on the built API. Prints requests/second and latency of both and their ratio.
//
//   npm run build && node bench/entitlements/run.mjs
//
// Database: an embedded PostgreSQL in a temporary folder, or DATABASE_URL (migrated; the bench adds
// its own dealer, customers and devices under fresh names and leaves them there).
// Environment: BENCH_CAMERAS (10000), BENCH_CAMERAS_PER_DEVICE (50, at most 64),
// BENCH_CUSTOMERS (10; each at most 1000 cameras: one assignment per customer), BENCH_CONCURRENCY
// (32), BENCH_SECONDS (10 per route, after 2 s of warm-up), BENCH_SLICE_SECONDS (2: the routes are
// measured in alternating slices of this length), DB_POOL_SIZE (20).
import { randomBytes } from 'node:crypto';
import {
  insertCustomer,
  insertDealerWithStock,
  int,
  ownerAssigner,
  pct,
  registerRecorder,
  runClient,
  startBench,
  summary,
} from '../lib.mjs';

const CAMERAS = int('BENCH_CAMERAS', 10_000);
const PER_DEVICE = int('BENCH_CAMERAS_PER_DEVICE', 50, 64);
const CUSTOMERS = int('BENCH_CUSTOMERS', 10);
const CONCURRENCY = int('BENCH_CONCURRENCY', 32);
const SECONDS = int('BENCH_SECONDS', 10);
const POOL = int('DB_POOL_SIZE', 20);
const SLICE = int('BENCH_SLICE_SECONDS', 2);
const PER_CUSTOMER = Math.ceil(CAMERAS / CUSTOMERS);
if (PER_CUSTOMER > 1000) throw new Error('at most 1000 cameras per customer: raise BENCH_CUSTOMERS');
const tag = randomBytes(3).toString('hex');

/** Keeps CONCURRENCY requests in flight for `seconds` from a worker thread. */
const slice = (url, headers, seconds) =>
  runClient(new URL('./client.mjs', import.meta.url), { url, headers, concurrency: CONCURRENCY, seconds });

/**
 * Measures routes in alternating slices of SLICE seconds, SECONDS of each in all, so that load from
 * elsewhere on the machine falls on both alike; then adds the slices up per route. A slice ends when
 * its last requests have answered, and that drain counts in its time.
 */
async function measure(routes) {
  const acc = routes.map(() => ({ ms: [], totalMs: 0, statuses: {} }));
  for (let round = 0; round < Math.ceil(SECONDS / SLICE); round++) {
    for (const [i, r] of routes.entries()) {
      const s = await slice(r.url, r.headers, SLICE);
      acc[i].ms.push(...s.ms);
      acc[i].totalMs += s.totalMs;
      for (const [k, v] of Object.entries(s.statuses)) acc[i].statuses[k] = (acc[i].statuses[k] ?? 0) + v;
    }
  }
  return acc.map((a) => {
    const ms = a.ms.sort((x, y) => x - y);
    return {
      requests: ms.length,
      rps: (ms.length / a.totalMs) * 1000,
      p50: pct(ms, 50),
      p99: pct(ms, 99),
      max: ms[ms.length - 1],
      statuses: a.statuses,
    };
  });
}

const bench = await startBench({ databaseUrl: true, pool: POOL, seed: true, listen: true });
try {
  const { app, ds, base } = bench;

  // ---- setup: one dealer, CUSTOMERS customers, stock for every camera ----
  const setupStart = performance.now();
  const ownerEmail = `owner-${tag}@dealer.test`;
  const sku = `BENCH-${tag}`.toUpperCase();
  const { dealerId, hash } = await insertDealerWithStock(app, ds, {
    loginId: `bench-${tag}`,
    ownerEmail,
    sku,
    stock: PER_CUSTOMER * CUSTOMERS,
  });
  const customers = [];
  for (let i = 0; i < CUSTOMERS; i++)
    customers.push(
      await insertCustomer(ds, {
        dealerId,
        name: `Bench Customer ${i}`,
        email: `customer${i}-${tag}@bench.test`,
        hash,
      }),
    );

  // ---- devices through the real registration route: recorders of PER_DEVICE cameras ----
  const registrations = [];
  let remaining = CAMERAS;
  for (const c of customers) {
    let mine = Math.min(PER_CUSTOMER, remaining);
    remaining -= mine;
    while (mine > 0) {
      const n = Math.min(PER_DEVICE, mine);
      mine -= n;
      registrations.push({ customer: c, n });
    }
  }
  const credentials = [];
  let next = 0;
  const registerOne = async () => {
    while (next < registrations.length) {
      const { customer, n } = registrations[next];
      const serial = `BENCH-${tag}-${next++}`;
      const r = await registerRecorder(base, customer, serial, n);
      credentials.push(r.credential);
    }
  };
  await Promise.all(Array.from({ length: 4 }, registerOne));

  // ---- licenses through the real assignment route: binds every camera ----
  const assign = await ownerAssigner(base, ownerEmail, sku);
  for (const c of customers) {
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM camera k JOIN device d ON d.id = k.device_id WHERE d.customer_id = $1`,
      [c.id],
    );
    if (n > 0) await assign(c.id, n);
  }
  const [{ cameras, bound }] = await ds.query(
    `SELECT count(*)::int AS cameras, count(l.id)::int AS bound
       FROM camera k JOIN device d ON d.id = k.device_id
       LEFT JOIN license l ON l.camera_id = k.id AND l.state = 'bound'
      WHERE d.serial LIKE $1`,
    [`BENCH-${tag}-%`],
  );
  const setupMs = performance.now() - setupStart;

  // One document checked by hand: it is the real, signed, full one.
  const sample = await (
    await fetch(`${base}/api/device/entitlements`, { headers: { authorization: `Device ${credentials[0]}` } })
  ).json();
  if (!sample.signature || sample.payload.cameras.length !== registrations[0].n) {
    throw new Error(`unexpected document: ${JSON.stringify(sample).slice(0, 300)}`);
  }

  const devices = credentials.map((c) => ({ authorization: `Device ${c}` }));
  const entitlementsUrl = `${base}/api/device/entitlements`;
  const helloUrl = `${base}/api/dev/clock`;
  await slice(entitlementsUrl, devices, 2); // warm-up: JIT, connections, key cache
  await slice(helloUrl, [{}], 2);
  const [ent, hello] = await measure([
    { url: entitlementsUrl, headers: devices },
    { url: helloUrl, headers: [{}] },
  ]);

  const row = (name, r) =>
    `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99
      .toFixed(1)
      .padStart(
        6,
      )} ms   max ${r.max.toFixed(1).padStart(6)} ms   ${r.requests} requests ${JSON.stringify(r.statuses)}`;
  console.log(
    [
      `cameras         ${cameras} registered (${bound} licensed) on ${credentials.length} recorders of ≤ ${PER_DEVICE}, ${customers.length} customers; setup ${(setupMs / 1000).toFixed(1)} s`,
      `load            ${CONCURRENCY} requests in flight, ${SECONDS} s per route in alternating ${SLICE} s slices (after 2 s warm-up), DB pool ${POOL}`,
      row('GET /api/device/entitlements', ent),
      row('GET /api/dev/clock (bare route)', hello),
      `ratio           entitlements / bare: ${(ent.rps / hello.rps).toFixed(3)} of the throughput (bare is ${(hello.rps / ent.rps).toFixed(2)}× faster), p99 ${(ent.p99 / hello.p99).toFixed(2)}×`,
    ].join('\n'),
  );
  const bad = [ent, hello].some((r) => Object.keys(r.statuses).some((s) => s !== '200'));
  if (bad || cameras !== CAMERAS || bound !== CAMERAS) {
    console.error('FAILED: not every camera registered and licensed, or a request did not answer 200');
    process.exitCode = 1;
  }
  const ratio = ent.rps / hello.rps;
  const p99 = ent.p99 / hello.p99;
  summary('entitlements', {
    figure: `${ent.rps.toFixed(0)} req/s, p99 ${ent.p99.toFixed(0)} ms (${CAMERAS} cameras)`,
    base: `bare ${hello.rps.toFixed(0)} req/s, p99 ${hello.p99.toFixed(0)} ms`,
    ratio,
    goal: '≥ 0.8 of bare, p99 ≤ 1.5×',
    met: !process.exitCode && ratio >= 0.8 && p99 <= 1.5,
  });
} finally {
  await bench.stop();
}
