import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from './simulator.js';

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Device simulator</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; }
  h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
  .meta { color: #555; margin-bottom: 1rem; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
  .cam { border: 1px solid #ccc; border-radius: 8px; padding: 10px; }
  .monitor { height: 90px; border-radius: 4px; display: flex; align-items: center; justify-content: center;
             color: #fff; font-weight: 600; margin-bottom: 8px; background: #2e7d32; position: relative; }
  .monitor.dark { background: #333; }
  .rec { position: absolute; top: 6px; right: 8px; font-size: 12px; }
  .rec.on::before { content: '●'; color: #ff5252; margin-right: 4px; }
  .row { display: flex; justify-content: space-between; }
  .ok { color: #2e7d32; font-weight: 600; } .off { color: #c62828; font-weight: 600; }
  .why { color: #555; font-size: 12px; margin-top: 4px; }
  .bad { background: #ffebee; border: 1px solid #c62828; padding: 6px 10px; border-radius: 6px; margin-bottom: 1rem; }
  button { margin: 0 6px 6px 0; }
  .actions { margin-bottom: 12px; }
  pre { background: #f5f5f5; padding: 8px; max-height: 220px; overflow: auto; font-size: 12px; }
</style>
</head>
<body>
<h1>Device simulator</h1>
<div class="meta" id="meta">loading…</div>
<div id="refusal"></div>
<div class="actions">
  <button data-action="alarm">Raise alarm</button>
  <button data-action="error">Raise recorder error</button>
  <button data-action="motion">Motion on ch 1</button>
  <button data-action="event">Raise motion event now (key e)</button>
  <button data-action="add-camera">Connect a camera</button>
  <button data-action="offline">Pull network cable</button>
  <button data-action="online">Reconnect network</button>
  <button data-action="heartbeat">Heartbeat now</button>
</div>
<form id="viewer" style="margin-bottom:12px">
  <label>Remote viewer — paste a stream grant from the portal's camera page:
    <input name="token" id="token" size="60" autocomplete="off"></label>
  <button type="submit">Open stream</button> <span id="viewer-result"></span>
</form>
<div class="grid" id="cams"></div>
<h2 style="font-size:1rem">Log</h2>
<pre id="log"></pre>
<script>
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const yes = (b, a, z) => '<span class="' + (b ? 'ok' : 'off') + '">' + (b ? a : z) + '</span>';
async function refresh() {
  try {
    const s = await (await fetch('state')).json();
    const link = { connecting: 'connecting…', connected: 'connected', unreachable: 'SERVER OUT OF REACH', offline: 'OFFLINE (simulated)' }[s.link];
    document.getElementById('meta').innerHTML =
      esc(s.type) + ' <b>' + esc(s.serial) + '</b> · model ' + esc(s.model) + ' · firmware ' + esc(s.firmware) +
      ' · status <b>' + esc(s.status) + '</b>' + (s.restarting ? ' (restarting)' : '') + ' · ' + esc(link) +
      ' · ' + (s.entitlements ? 'entitlements v' + s.entitlements.version + ' (key ' + esc(s.entitlements.keyId) + ')' : 'no valid entitlements') +
      ' · thumbnail cache ' + (s.thumbnailCache ? 'on' : 'off') + '<br>device ' + esc(s.deviceId || '(not registered)') +
      ' · device clock ' + esc(s.now) + ' · server ' + esc(s.url);
    document.getElementById('refusal').innerHTML = s.lastRefusal
      ? '<div class="bad">Refused a document (' + esc(s.lastRefusal.reason) + ') at ' + esc(s.lastRefusal.at) + '; the last valid one stays in force.</div>'
      : '';
    document.getElementById('cams').innerHTML = s.cameras.map((c) =>
      '<div class="cam" data-channel="' + c.channel + '">' +
      '<div class="monitor' + (c.hdmiLive ? '' : ' dark') + '">' + (c.hdmiLive ? 'HDMI LIVE · ch ' + c.channel : 'no picture') +
      '<span class="rec' + (c.recording ? ' on' : '') + '">' + (c.recording ? 'REC' : '') + '</span></div>' +
      '<div class="row"><span>Recording</span>' + yes(c.recording, 'recording', 'stopped') + '</div>' +
      '<div class="row"><span>Remote streaming</span>' + yes(c.remoteStreaming, 'on', 'off') + '</div>' +
      '<div class="row"><span>HDMI live</span>' + yes(c.hdmiLive, 'on', 'off') + '</div>' +
      '<div class="row"><span>Remote viewers</span><b>' + s.viewers.filter((v) => v.channel === c.channel).map((v) => esc(v.mode)).join(', ') + '</b></div>' +
      '<div class="why">' + esc(c.reason) + (c.validUntil ? ' · valid until ' + esc(c.validUntil) : '') + '</div>' +
      '</div>').join('');
    document.getElementById('log').textContent = s.log.slice().reverse().map((l) => l.at + ' ' + l.level + ' ' + l.message).join('\\n');
  } catch (e) {
    document.getElementById('meta').textContent = 'simulator not reachable: ' + e;
  }
}
document.getElementById('viewer').addEventListener('submit', async (e) => {
  e.preventDefault();
  const r = await fetch('stream', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: document.getElementById('token').value }) });
  const b = await r.json();
  document.getElementById('viewer-result').innerHTML = b.ok
    ? '<span class="ok">streaming ' + esc(b.viewer.mode) + ' on ch ' + b.viewer.channel + '</span>'
    : '<span class="off">refused: ' + esc(b.reason) + '</span>';
  refresh();
});
document.querySelectorAll('button[data-action]').forEach((b) =>
  b.addEventListener('click', async () => { await fetch('actions/' + b.dataset.action, { method: 'POST' }); refresh(); }));
refresh();
setInterval(refresh, 1000);
</script>
</body>
</html>
`;

/**
 * The simulator's local page: `/` (auto-refreshing), `/state` (JSON snapshot), `POST /actions/<name>`,
 * and `POST /stream {token}` — a remote viewer presenting a stream grant (200 admitted, 403 refused).
 */
export function servePage(
  sim: Simulator,
  port = 0,
  host = '127.0.0.1',
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'GET' && path === '/') return send(200, 'text/html; charset=utf-8', HTML);
    if (req.method === 'GET' && path === '/state') {
      return send(200, 'application/json', JSON.stringify(sim.snapshot));
    }
    if (req.method === 'POST' && path === '/stream') {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
        if (body.length > 16_384) req.destroy();
      });
      req.on('end', () => {
        let token: string;
        try {
          token = String((JSON.parse(body) as { token?: unknown }).token ?? '');
        } catch {
          token = '';
        }
        const r = sim.openStream(token);
        send(r.ok ? 200 : 403, 'application/json', JSON.stringify(r));
      });
      return;
    }
    const m = /^\/actions\/([a-z-]+)$/.exec(path);
    if (req.method === 'POST' && m) {
      try {
        switch (m[1]) {
          case 'alarm':
            sim.raiseAlarm();
            break;
          case 'error':
            sim.raiseError();
            break;
          case 'motion':
            sim.motion(1);
            break;
          case 'event':
            void sim.raiseEvent('motion').catch(() => undefined);
            break;
          case 'add-camera':
            sim.addCamera();
            break;
          case 'offline':
            sim.setOffline(true);
            break;
          case 'online':
            sim.setOffline(false);
            break;
          case 'heartbeat':
            void sim.heartbeatNow();
            break;
          default:
            return send(404, 'application/json', JSON.stringify({ message: `unknown action ${m[1]}` }));
        }
      } catch (e) {
        return send(409, 'application/json', JSON.stringify({ message: (e as Error).message }));
      }
      return send(200, 'application/json', JSON.stringify(sim.snapshot));
    }
    send(404, 'application/json', JSON.stringify({ message: 'not found' }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const a = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${a.port}/`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
