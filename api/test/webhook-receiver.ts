import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  at: number;
}

/** A local webhook receiver for tests: records every POST and answers `status` (or never, when `hang`). */
export async function startReceiver() {
  const got: Received[] = [];
  let inFlight = 0;
  const state = { status: 200, reply: 'ok', hang: false, delayMs: 0, maxInFlight: 0 };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers, raw, body: JSON.parse(raw), at: Date.now() });
      if (state.hang) return;
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(state.status, { 'content-type': 'text/plain' });
        res.end(state.reply);
      }, state.delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    got,
    state,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
