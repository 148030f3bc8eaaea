// Load generator for run.mjs, in its own thread so the client's work does not share the server's
// event loop: keeps `concurrency` GET requests in flight for `seconds`, rotating over `headers`,
// and reports the count, statuses and latency of each.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

const { url, headers, concurrency, seconds } = workerData;

const ms = [];
const statuses = {};
let n = 0;
const started = performance.now();
const deadline = started + seconds * 1000;
const worker = async () => {
  while (performance.now() < deadline) {
    const h = headers[n++ % headers.length];
    const t0 = performance.now();
    const r = await fetch(url, { headers: h });
    await r.arrayBuffer();
    ms.push(performance.now() - t0);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  }
};
await Promise.all(Array.from({ length: concurrency }, worker));
parentPort.postMessage({ ms, statuses, totalMs: performance.now() - started });
