// Two API processes on one PostgreSQL (docs/scaling.md): a change committed through one process
// wakes a device's long-poll held by the other (LISTEN/NOTIFY), and the entitlements throughput of
// both together beside their bare route, measured in alternating slices.
//
//   npm run build && node bench/scaling/two-processes.mjs
//
// Environment: BENCH_CAMERAS (1000, recorders of 50), BENCH_SECONDS (6 per route), BENCH_ROUNDS
// (3 long-poll pushes), BENCH_CONCURRENCY (16 in flight per process).
import { fork } from 'node:child_process';
import os from 'node:os';
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

const CAMERAS = int('BENCH_CAMERAS', 1000);
const SECONDS = int('BENCH_SECONDS', 6);
const ROUNDS = int('BENCH_ROUNDS', 3);
const CONCURRENCY = int('BENCH_CONCURRENCY', 16);
const SLICE = 2;
const loadBefore = os.loadavg();

// The database (and a setup process in this thread, which serves nothing measured).
const bench = await startBench({ pool: 5, seed: true, listen: true });
const children = [];
try {
  const { app, ds, base: setupBase } = bench;
  const url = ds.options.url;
  const start = () =>
    new Promise((resolve, reject) => {
      const child = fork(new URL('./api-process.mjs', import.meta.url), {
        env: { ...process.env, DATABASE_URL: url },
      });
      children.push(child);
      child.once('message', (m) => resolve(`http://127.0.0.1:${m.port}`));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`API process exited with ${code}`)));
    });
  const [a, b] = await Promise.all([start(), start()]);

  const { dealerId, hash } = await insertDealerWithStock(app, ds, {
    loginId: 'scale',
    ownerEmail: 'owner@scale.test',
    sku: 'SCALE-12M',
    stock: CAMERAS + ROUNDS + 10,
  });
  const customer = (i) =>
    insertCustomer(ds, { dealerId, name: `Scale Customer ${i}`, email: `c${i}@scale.test`, hash });
  const recorder = (c, serial, n) => registerRecorder(setupBase, c, serial, n);
  const toA = await ownerAssigner(a, 'owner@scale.test', 'SCALE-12M');
  const assign = (via, customerId, quantity) => toA(customerId, quantity, via);

  // ---- the fleet: recorders of 50 cameras, all licensed ----
  const fleet = await customer('fleet');
  const credentials = [];
  for (let i = 0; i * 50 < CAMERAS; i++) credentials.push((await recorder(fleet, `SC-${i}`, 50)).credential);
  await assign(a, fleet.id, CAMERAS);

  // ---- push across processes: the long-poll waits on B, the assignment commits through A ----
  const pushes = [];
  for (let r = 0; r < ROUNDS; r++) {
    const c = await customer(`push${r}`);
    const d = await recorder(c, `SC-PUSH-${r}`, 1);
    const auth = { authorization: `Device ${d.credential}` };
    const doc = await (await fetch(`${b}/api/device/entitlements`, { headers: auth })).json();
    const poll = fetch(
      `${b}/api/device/entitlements?waitForVersion=${doc.payload.version}&timeoutSeconds=30`,
      { headers: auth },
    ).then(async (res) => ({ at: performance.now(), status: res.status, doc: await res.json() }));
    await new Promise((res) => setTimeout(res, 300)); // the long-poll is waiting on B
    await assign(a, c.id, 1);
    const committed = performance.now();
    const got = await poll;
    pushes.push({
      ms: got.at - committed,
      ok:
        got.status === 200 &&
        got.doc.payload.version > doc.payload.version &&
        got.doc.payload.cameras[0].licensed,
    });
  }

  // ---- throughput of both processes together, entitlements and bare route in alternating slices ----
  const client = new URL('../entitlements/client.mjs', import.meta.url);
  const headers = credentials.map((c) => ({ authorization: `Device ${c}` }));
  const half = [headers.filter((_, i) => i % 2 === 0), headers.filter((_, i) => i % 2 === 1)];
  const both = (path, hs) =>
    Promise.all(
      [a, b].map((base, i) =>
        runClient(client, {
          url: `${base}${path}`,
          headers: hs[i],
          concurrency: CONCURRENCY,
          seconds: SLICE,
        }),
      ),
    );
  await both('/api/device/entitlements', half); // warm-up
  await both('/api/dev/clock', [[{}], [{}]]);
  const acc = { ent: [], bare: [] };
  for (let round = 0; round < Math.ceil(SECONDS / SLICE); round++) {
    acc.ent.push(...(await both('/api/device/entitlements', half)));
    acc.bare.push(...(await both('/api/dev/clock', [[{}], [{}]])));
  }
  const total = (slices) => {
    const ms = slices.flatMap((s) => s.ms).sort((x, y) => x - y);
    // Both processes ran at once: requests of both over the slices' wall time (per pair of slices).
    const wall = slices.reduce((t, s, i) => (i % 2 ? t : t + Math.max(s.totalMs, slices[i + 1].totalMs)), 0);
    const statuses = {};
    for (const s of slices)
      for (const [k, v] of Object.entries(s.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
    return {
      rps: (ms.length / wall) * 1000,
      p50: pct(ms, 50),
      p99: pct(ms, 99),
      requests: ms.length,
      statuses,
    };
  };
  const ent = total(acc.ent);
  const bare = total(acc.bare);
  const pushOk = pushes.every((p) => p.ok);
  const row = (name, r) =>
    `${name.padEnd(40)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  ${r.requests} requests ${JSON.stringify(r.statuses)}`;
  console.log(
    [
      `two API processes (pool 10 each) on one embedded PostgreSQL; ${credentials.length} recorders, ${CAMERAS} cameras`,
      `push           ${pushes.map((p) => `${p.ms.toFixed(0)} ms`).join(', ')} from the assignment's answer (process A) to the long-poll's answer (process B); ${pushOk ? 'every one changed and licensed' : 'NOT all delivered'}`,
      row('entitlements, both processes', ent),
      row('bare route, both processes', bare),
      `ratio          ${(ent.rps / bare.rps).toFixed(3)} of the bare route's throughput`,
      `load average   ${loadBefore.map((l) => l.toFixed(1)).join(' ')} → ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    ].join('\n'),
  );
  const bad = [ent, bare].some((r) => Object.keys(r.statuses).some((s) => s !== '200'));
  if (bad || !pushOk) process.exitCode = 1;
  summary('two-processes', {
    figure: `${ent.rps.toFixed(0)} req/s on two processes, push ${Math.max(...pushes.map((p) => p.ms)).toFixed(0)} ms at most`,
    base: `bare ${bare.rps.toFixed(0)} req/s`,
    ratio: ent.rps / bare.rps,
    goal: 'pushed across processes',
    met: pushOk && !bad,
  });
} finally {
  for (const c of children) if (c.connected) c.send('stop');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r)))));
  await bench.stop();
}
