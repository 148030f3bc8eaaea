// Load generator for run.mjs, in its own thread so the client's work does not share the
// server's event loop: fires the requests and reports status, error code and latency of each.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

const { url, tokens, body, requests, concurrency, method = 'POST' } = workerData;

const one = async (i) => {
  const t0 = performance.now();
  const r = await fetch(
    url,
    method === 'GET'
      ? {}
      : {
          method,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${tokens[i % tokens.length]}`,
          },
          body,
        },
  );
  const json = await r.json().catch(() => null);
  return { status: r.status, code: json?.code, ms: performance.now() - t0 };
};

const results = new Array(requests);
let next = 0;
const worker = async () => {
  while (next < requests) {
    const i = next++;
    results[i] = await one(i);
  }
};
const started = performance.now();
await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
parentPort.postMessage({ results, totalMs: performance.now() - started });
