// `npm run bench`: the three benchmarks one after the other on the built API, at sizes that fit in
// about three minutes on a 2-core machine (BENCH_FULL=1: the full sizes each bench defaults to),
// then one table: bench, figure, floor or bare route, ratio, goal, met. Each bench's own output
// is passed through; its last line is `bench <name>: ratio <number>`.
//
//   npm run build && npm run bench          # BENCH_ONLY=entitlements,… runs a subset
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FULL = process.env.BENCH_FULL === '1';

/** Sizes for the quick run; the full run uses each bench's defaults (the sizes). */
const benches = [
  {
    name: 'entitlements',
    quick: { BENCH_CAMERAS: '2000', BENCH_CUSTOMERS: '2', BENCH_SECONDS: '6' },
  },
  {
    name: 'expiry-sweep',
    quick: {
      BENCH_TOTAL: '100000',
      BENCH_DUE_CUSTOMERS: '1000',
      BENCH_CUSTOMERS: '10000',
      BENCH_DEALERS: '10',
    },
  },
  { name: 'assign-concurrency', quick: {} },
];
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());

function run(b) {
  return new Promise((resolve) => {
    const env = { ...process.env, ...(FULL ? {} : b.quick) };
    const child = spawn(process.execPath, [path.join(here, b.name, 'run.mjs')], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('bench-summary '));
      const s = line ? JSON.parse(line.slice('bench-summary '.length)) : null;
      resolve({
        name: b.name,
        code,
        ...(s ?? { figure: 'no result', base: '—', ratio: NaN, goal: '—', met: false }),
      });
    });
  });
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const started = new Date();
const loadBefore = load();
const results = [];
for (const b of benches.filter((x) => !only || only.includes(x.name))) {
  console.log(`\n=== ${b.name} (${FULL ? 'full' : 'quick'} sizes) ===`);
  results.push(await run(b));
}

const rows = [
  ['bench', 'figure', 'floor or bare', 'ratio', 'goal', 'met'],
  ...results.map((r) => [
    r.name,
    r.figure,
    r.base,
    Number.isFinite(r.ratio) ? r.ratio.toFixed(3) : '—',
    r.goal,
    r.met && r.code === 0 ? 'yes' : 'NO',
  ]),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(
  `\n${started.toISOString()} · ${FULL ? 'full' : 'quick'} sizes · load average ${loadBefore} → ${load()}`,
);
console.log(line(rows[0]));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows.slice(1)) console.log(line(r));
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
