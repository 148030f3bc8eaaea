// Benchmark: 1 000 concurrent POST /api/assignments (quantity 1) against a stock of 100, over real
// HTTP, on the built API and an embedded PostgreSQL. Exactly 100 must succeed; the rest 409.
// The app listens in this thread; the requests come from a worker thread (client.mjs).
//
//   npm run build && node bench/assign-concurrency/run.mjs
//
// Environment: BENCH_REQUESTS (1000), BENCH_STOCK (100), BENCH_CONCURRENCY (all requests at once),
// BENCH_SESSIONS (1: all requests on one sign-in; more spreads them over that many members),
// DB_POOL_SIZE (20).
import {
  PASSWORD,
  insertDealer,
  insertDealerUser,
  insertSkuAndStock,
  hashPassword,
  int,
  pct as percentile,
  post,
  runClient,
  startBench,
  summary,
} from '../lib.mjs';

const REQUESTS = int('BENCH_REQUESTS', 1000);
const STOCK = int('BENCH_STOCK', 100);
const SESSIONS = int('BENCH_SESSIONS', 1);
const POOL = int('DB_POOL_SIZE', 20);
const CONCURRENCY = int('BENCH_CONCURRENCY', REQUESTS);

const bench = await startBench({ pool: POOL, seed: true, listen: true });
try {
  const { app, ds, base } = bench;

  // One primary dealer with SESSIONS members, one customer, one SKU and STOCK licenses in stock.
  const hash = await hashPassword(app);
  const dealerId = await insertDealer(ds, 'bench', 'bench@dealer.test');
  const emails = [];
  for (let i = 0; i < SESSIONS; i++) {
    const email = `member${i}@dealer.test`;
    emails.push(email);
    await insertDealerUser(ds, {
      email,
      name: `Member ${i}`,
      hash,
      dealerId,
      memberRole: i === 0 ? 'owner' : 'staff',
    });
  }
  const [customer] = await ds.query(
    `INSERT INTO customer (dealer_id, name, created_at, updated_at) VALUES ($1, 'Bench Customer', now(), now())
     RETURNING id`,
    [dealerId],
  );
  await ds.query(
    `INSERT INTO app_user (role, email, name, language, customer_id, created_at, updated_at)
     VALUES ('customer', 'customer@bench.test', 'Bench Customer', 'ja', $1, now(), now())`,
    [customer.id],
  );
  await insertSkuAndStock(ds, 'BENCH-12M', dealerId, STOCK);
  const tokens = [];
  for (const email of emails) {
    tokens.push((await post(`${base}/api/auth/login`, { login: email, password: PASSWORD })).accessToken);
  }

  const body = JSON.stringify({ customerId: customer.id, skuCode: 'BENCH-12M', quantity: 1 });
  const client = new URL('./client.mjs', import.meta.url);
  // The bare route (GET /api/dev/clock: public, no database) in the same run, as a burst of the
  // same size just before and just after the assignments, so load from elsewhere falls on both.
  const bare = () =>
    runClient(client, {
      url: `${base}/api/dev/clock`,
      method: 'GET',
      tokens,
      requests: REQUESTS,
      concurrency: CONCURRENCY,
    });
  await bare(); // warm-up
  const bareBefore = await bare();
  const { results, totalMs } = await runClient(client, {
    url: `${base}/api/assignments`,
    tokens,
    body,
    requests: REQUESTS,
    concurrency: CONCURRENCY,
  });
  const bareAfter = await bare();
  const bareMs = (bareBefore.totalMs + bareAfter.totalMs) / 2;
  const bareOk = [...bareBefore.results, ...bareAfter.results].every((r) => r.status === 200);

  const ok = results.filter((r) => r.status === 201).length;
  const short = results.filter((r) => r.status === 409 && r.code === 300101).length;
  const other = {};
  for (const r of results) {
    if (r.status === 201 || (r.status === 409 && r.code === 300101)) continue;
    other[`${r.status}/${r.code}`] = (other[`${r.status}/${r.code}`] ?? 0) + 1;
  }
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p) => percentile(ms, p);
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
      `bare route      ${REQUESTS} × GET /api/dev/clock before and after: ${bareMs.toFixed(0)} ms (${((REQUESTS / bareMs) * 1000).toFixed(0)} req/s)`,
      `ratio           assignments / bare: ${(bareMs / totalMs).toFixed(3)} of the throughput`,
    ].join('\n'),
  );
  const ratio = bareMs / totalMs;
  const expected = Math.min(STOCK, REQUESTS);
  if (
    ok !== expected ||
    assigned !== expected ||
    left !== STOCK - expected ||
    Object.keys(other).length ||
    !bareOk
  ) {
    console.error(`FAILED: expected exactly ${expected} assignments and no other statuses`);
    process.exitCode = 1;
  }
  summary('assign-concurrency', {
    figure: `${ok} × 201, ${short} × 409, ${((REQUESTS / totalMs) * 1000).toFixed(0)} req/s`,
    base: `bare ${((REQUESTS / bareMs) * 1000).toFixed(0)} req/s`,
    ratio,
    goal: `exactly ${expected} × 201, ≥ 0.4 of bare`,
    met: !process.exitCode && ratio >= 0.4,
  });
} finally {
  await bench.stop();
}
