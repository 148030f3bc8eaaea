// Benchmark: the expiry sweep over 1 000 000 licenses of which 100 000 are due, in an embedded
// PostgreSQL, against the floor of one raw UPDATE of the same 100 000 rows (reset in between).
//
//   npm run build && node bench/expiry-sweep/run.mjs
//
// Data: 100 dealers, 100 000 customers. 10 000 customers have a recorder with 10 cameras, each
// bound to a license ending 2027-12-31 JST (the 100 000 due ones), and 3 renewal licenses in the
// pool (so 30 000 cameras get a renewal and 70 000 lapse); the other 870 000 licenses belong to
// the other 90 000 customers and end a year later. The sweep runs at 2028-01-01T00:00Z.
//
// Environment: BENCH_TOTAL (1000000), BENCH_DUE_CUSTOMERS (10000; 10 due licenses each),
// BENCH_CUSTOMERS (100000), BENCH_DEALERS (100); SWEEP_CONCURRENCY (2: the sweep's batches at once).
import { int, load, secs, startBench, summary, time } from '../lib.mjs';

const { Clock } = await load('common/clock/clock.js');
const { BindingService } = await load('licenses/binding.service.js');
const { NoticesService } = await load('notifications/notices.service.js');
const { AppConfig } = await load('common/config/config.js');

const TOTAL = int('BENCH_TOTAL', 1_000_000);
const DUE_CUSTOMERS = int('BENCH_DUE_CUSTOMERS', 10_000);
const CUSTOMERS = int('BENCH_CUSTOMERS', 100_000);
const DEALERS = int('BENCH_DEALERS', 100);
const PER = 10; // cameras and due licenses per due customer
const RENEWALS = 3; // pool licenses per due customer
const DUE = DUE_CUSTOMERS * PER;
const OTHERS = TOTAL - DUE - DUE_CUSTOMERS * RENEWALS;
if (OTHERS < 0 || CUSTOMERS <= DUE_CUSTOMERS) throw new Error('BENCH_TOTAL / BENCH_CUSTOMERS too small');
const NOW = new Date('2028-01-01T00:00:00Z');

const clock = new Clock();
const bench = await startBench({ clock });
try {
  const { app, ds } = bench;
  const q = (sql, params) => ds.query(sql, params);

  console.log(`filling: ${TOTAL} licenses (${DUE} due), ${CUSTOMERS} customers, ${DEALERS} dealers …`);
  const [fillMs] = await time(async () => {
    await q(`CREATE TABLE bd AS SELECT g, gen_random_uuid() AS id FROM generate_series(1, $1::int) g`, [
      DEALERS,
    ]);
    await q(
      `CREATE TABLE bc AS SELECT g, gen_random_uuid() AS id, gen_random_uuid() AS assignment_id,
              (g % $2::int) + 1 AS dealer_g FROM generate_series(1, $1::int) g`,
      [CUSTOMERS, DEALERS],
    );
    await q(`INSERT INTO dealer (id, login_id, tier, company_name, notification_email, created_at, updated_at)
             SELECT id, 'bd' || g, 'primary', 'Bench Dealer ' || g, 'd' || g || '@dealer.test', now(), now() FROM bd`);
    await q(`INSERT INTO app_user (role, email, name, language, dealer_id, member_role, created_at, updated_at)
             SELECT 'dealer', 'd' || g || '@dealer.test', 'Owner ' || g, 'ja', id, 'owner', now(), now() FROM bd`);
    await q(`INSERT INTO customer (id, dealer_id, name, created_at, updated_at)
             SELECT bc.id, bd.id, 'Customer ' || bc.g, now(), now() FROM bc JOIN bd ON bd.g = bc.dealer_g`);
    await q(`INSERT INTO app_user (role, email, name, language, customer_id, created_at, updated_at)
             SELECT 'customer', 'c' || g || '@customer.test', 'Customer ' || g,
                    CASE WHEN g % 2 = 0 THEN 'ja' ELSE 'en' END, id, now(), now() FROM bc`);
    const [sku] =
      await q(`INSERT INTO sku (code, name_ja, name_en, kind, term_months, price_primary, price_secondary,
                                           price_list, created_at)
                           VALUES ('EDGE-12M', 'エッジ 12か月', 'Edge 12 months', 'edge', 12, 9000, 10800, 12000, now())
                           RETURNING id`);
    await q(
      `INSERT INTO license_assignment (id, dealer_id, customer_id, sku_id, quantity, assigned_at, free_until,
                                       term_starts_at, ends_at, time_zone, overlap_days, created_at)
       SELECT bc.assignment_id, bd.id, bc.id, $1, 1, '2026-11-22T01:00Z', '2026-12-31T14:59:59.999Z',
              '2026-12-31T15:00Z', '2027-12-31T14:59:59.999Z', 'Asia/Tokyo', 0, now()
         FROM bc JOIN bd ON bd.g = bc.dealer_g`,
      [sku.id],
    );
    await q(
      `INSERT INTO device (id, customer_id, type, serial, model, mac, firmware, credential_hash, created_at, updated_at)
       SELECT bc.id, bc.id, 'recorder', 'SN' || bc.g, 'REC-16', '00:11:22:33:44:55', '1.0.0', 'h' || bc.g, now(), now()
         FROM bc WHERE bc.g <= $1`,
      [DUE_CUSTOMERS],
    );
    await q(
      `INSERT INTO camera (device_id, customer_id, channel, model, kind, registered_at)
       SELECT bc.id, bc.id, ch, 'CAM-200', 'edge', '2026-11-23T00:00Z'
         FROM bc CROSS JOIN generate_series(1, ${PER}) ch WHERE bc.g <= $1`,
      [DUE_CUSTOMERS],
    );
    const cols = `sku_id, kind, term_months, state, selling_dealer_id, customer_id, camera_id, assignment_id,
                  assigned_at, free_until, term_starts_at, ends_at, created_at, updated_at`;
    // The due ones, bound to the cameras.
    await q(
      `INSERT INTO license (${cols})
       SELECT $1, 'edge', 12, 'bound', bd.id, bc.id, c.id, bc.assignment_id, '2026-11-22T01:00Z',
              '2026-12-31T14:59:59.999Z', '2026-12-31T15:00Z', '2027-12-31T14:59:59.999Z', now(), now()
         FROM camera c JOIN bc ON bc.id = c.customer_id JOIN bd ON bd.g = bc.dealer_g`,
      [sku.id],
    );
    const later = `'2027-11-20T01:00Z', '2027-12-31T14:59:59.999Z', '2027-12-31T15:00Z', '2028-12-31T14:59:59.999Z'`;
    // Renewals waiting in the due customers' pools.
    await q(
      `INSERT INTO license (${cols})
       SELECT $1, 'edge', 12, 'assigned', bd.id, bc.id, NULL, bc.assignment_id, ${later}, now(), now()
         FROM bc CROSS JOIN generate_series(1, ${RENEWALS}) r JOIN bd ON bd.g = bc.dealer_g WHERE bc.g <= $2`,
      [sku.id, DUE_CUSTOMERS],
    );
    // Everybody else's licenses, not due.
    await q(
      `INSERT INTO license (${cols})
       SELECT $1, 'edge', 12, 'assigned', bd.id, bc.id, NULL, bc.assignment_id, ${later}, now(), now()
         FROM generate_series(0, $2::int - 1) s
         JOIN bc ON bc.g = $3::int + 1 + (s % ($4::int - $3::int))
         JOIN bd ON bd.g = bc.dealer_g`,
      [sku.id, OTHERS, DUE_CUSTOMERS, CUSTOMERS],
    );
    await q(
      `CREATE TABLE bench_orig AS SELECT id, state, camera_id, updated_at FROM license WHERE ends_at <= $1`,
      [NOW],
    );
    await q(`VACUUM ANALYZE`);
  });
  const [[{ n: total }]] = [await q(`SELECT count(*)::int AS n FROM license`)];
  const [{ n: due }] = await q(
    `SELECT count(*)::int AS n FROM license WHERE state IN ('assigned', 'bound') AND ends_at <= $1`,
    [NOW],
  );
  console.log(`filled in ${secs(fillMs)} s: ${total} licenses, ${due} due`);

  // Floor: one raw UPDATE of the same rows.
  const [floorMs] = await time(() =>
    q(
      `UPDATE license SET state = 'expired', updated_at = $1 WHERE state IN ('assigned', 'bound') AND ends_at <= $1`,
      [NOW],
    ),
  );
  await q(`UPDATE license l SET state = o.state, camera_id = o.camera_id, updated_at = o.updated_at
             FROM bench_orig o WHERE l.id = o.id`);
  await q(`VACUUM ANALYZE`);

  clock.set(NOW, true);
  const profile = new Map();
  // BENCH_EXPLAIN=<start of a statement>[|<another>]: the first time each such statement runs
  // in a transaction, print its `EXPLAIN (ANALYZE, BUFFERS)` (run inside a savepoint that is
  // rolled back, then the statement runs for real; the timings of such a run are not figures).
  const explain = process.env.BENCH_EXPLAIN?.split('|').map((s) => s.trim().replace(/\s+/g, ' '));
  const explained = new Set();
  if (process.env.BENCH_PROFILE || explain) {
    const { EntityManager } = await import('typeorm');
    const orig = EntityManager.prototype.query;
    EntityManager.prototype.query = async function (sql, params) {
      const flat = sql.replace(/\s+/g, ' ').trim();
      const hit = explain?.find((e) => flat.startsWith(e) && !explained.has(e));
      if (hit && this.queryRunner?.isTransactionActive) {
        explained.add(hit);
        await orig.call(this, 'SAVEPOINT bench_explain');
        const plan = await orig.call(this, `EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        await orig.call(this, 'ROLLBACK TO SAVEPOINT bench_explain');
        console.log(`EXPLAIN (ANALYZE, BUFFERS) ${flat.slice(0, 80)} …`);
        for (const r of plan) console.log(`  ${r['QUERY PLAN'].slice(0, 200)}`);
      }
      const t0 = performance.now();
      try {
        return await orig.call(this, sql, params);
      } finally {
        const k = sql.replace(/\s+/g, ' ').trim().slice(0, 90);
        profile.set(k, (profile.get(k) ?? 0) + performance.now() - t0);
      }
    };
  }
  const concurrency = app.get(AppConfig).sweepConcurrency; // SWEEP_CONCURRENCY
  const [sweepMs, sweep] = await time(() => app.get(BindingService).sweepExpired(NOW));
  const [mailMs, mails] = await time(() => app.get(NoticesService).mailPending(NOW));

  for (const [k, ms] of [...profile].sort((x, y) => y[1] - x[1]).slice(0, 12))
    console.log(`${secs(ms)} s  ${k}`);
  const [check] = await q(
    `SELECT count(*) FILTER (WHERE state = 'expired')::int AS expired,
            count(*) FILTER (WHERE state = 'bound')::int AS bound,
            count(*) FILTER (WHERE state IN ('assigned', 'bound') AND ends_at <= $1)::int AS still_due
       FROM license`,
    [NOW],
  );
  const [{ lapsed }] = await q(`SELECT count(*)::int AS lapsed FROM camera WHERE lapsed_at IS NOT NULL`);
  const [{ outbox }] = await q(`SELECT count(*)::int AS outbox FROM mail_outbox`);
  const ok =
    check.expired === due &&
    check.still_due === 0 &&
    check.bound === DUE_CUSTOMERS * RENEWALS &&
    lapsed === DUE - DUE_CUSTOMERS * RENEWALS;

  console.log('');
  console.log(`floor (one raw UPDATE of ${due} rows): ${secs(floorMs)} s`);
  console.log(
    `sweep (expire, bind, lapse, notices, versions; ${concurrency} batch${concurrency === 1 ? '' : 'es'} at once): ${secs(sweepMs)} s  → ${(sweepMs / floorMs).toFixed(2)}× the floor`,
  );
  console.log(`  ${JSON.stringify(sweep)}`);
  console.log(
    `notice e-mails rendered and queued: ${secs(mailMs)} s (${mails.noticeMails} e-mails, outbox ${outbox})`,
  );
  console.log(
    `sweep + e-mails: ${secs(sweepMs + mailMs)} s → ${((sweepMs + mailMs) / floorMs).toFixed(2)}× the floor`,
  );
  console.log(
    `afterwards: ${check.expired} expired, ${check.bound} bound, ${lapsed} cameras lapsed, ${check.still_due} still due`,
  );
  console.log(ok ? 'consistent: yes' : 'consistent: NO');
  const sweepRatio = sweepMs / floorMs;
  const ratio = (sweepMs + mailMs) / floorMs;
  console.log(
    `goal: sweep ≤ 2× the floor ${sweepRatio <= 2 ? 'met' : 'MISSED'}; sweep + e-mails ≤ 4× ${ratio <= 4 ? 'met' : 'MISSED'}`,
  );
  process.exitCode = ok ? 0 : 1;
  summary('expiry-sweep', {
    figure: `sweep ${secs(sweepMs)} s (${sweepRatio.toFixed(2)}×, ${concurrency} at once) + ${mails.noticeMails} e-mails ${secs(mailMs)} s, ${due} due of ${total}`,
    base: `floor ${secs(floorMs)} s`,
    ratio,
    goal: 'sweep ≤ 2×, sweep + e-mails ≤ 4× the floor',
    met: ok && sweepRatio <= 2 && ratio <= 4,
  });
} finally {
  await bench.stop();
}
