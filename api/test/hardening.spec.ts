/**
 * Request hardening (issue 11 §4–6): text PostgreSQL cannot store is refused with 400, an
 * oversized request line gets a JSON 414, security headers everywhere, `/api/docs` only where
 * configured, plain-text subjects unescaped, and two refusals (proxy exchange, deactivated e-mail).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import { once } from 'node:events';
import http, { type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ErrorCode } from '@lc/shared';
import { TemplateRenderer } from '../src/common/mail/templates.js';
import { keepIdleConnections } from '../src/common/http/hardening.js';
import { bearer, login, makeDealerAndCustomer, PASSWORD, startApp } from './harness.js';
import { useTestApp } from './support/index.js';
import { deviceAuth, recorderSpec, register } from './device-helpers.js';

const t = useTestApp();

const json = (s: string) => ({ 'Content-Type': 'application/json', body: s });

describe('NUL bytes and lone surrogates are refused with 400 (100400)', () => {
  it('in a JSON body, also of the anonymous sign-in', async () => {
    for (const raw of [
      '{"login":"a\\u0000b","password":"x"}',
      '{"login":"\\ud800","password":"x"}',
      '{"login":"ok","password":"\\udc00x"}',
    ]) {
      const r = await t.http.post('/api/auth/login').set('Content-Type', json(raw)['Content-Type']).send(raw);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe(ErrorCode.TEXT_INVALID_CHARACTERS);
      expect(r.body.message).toMatch(/^(login|password): /);
    }
    // A correct pair of surrogates (an emoji) is fine: the sign-in is just wrong.
    const ok = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"login":"\\ud83d\\ude00@example.com","password":"x"}');
    expect(ok.status).toBe(401);
  });

  it('in the query and in the path', async () => {
    const m = await makeDealerAndCustomer(t);
    const s = await login(t, m.ownerEmail);
    const q = await t.http.get('/api/customers?q=a%00b').set(bearer(s.accessToken));
    expect(q.status).toBe(400);
    expect(q.body).toMatchObject({
      code: ErrorCode.TEXT_INVALID_CHARACTERS,
      message: expect.stringMatching(/^q: /),
    });
    const p = await t.http.get('/api/customers/a%00b').set(bearer(s.accessToken));
    expect(p.status).toBe(400);
    expect(p.body.code).toBe(ErrorCode.TEXT_INVALID_CHARACTERS);
    const bad = await t.http.get('/api/customers/%ED%A0%80').set(bearer(s.accessToken));
    expect(bad.status).toBe(400);
  });

  it('in a device heartbeat', async () => {
    const m = await makeDealerAndCustomer(t);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const r = await t.http
      .post('/api/device/heartbeat')
      .set(deviceAuth(d.credential))
      .set('Content-Type', 'application/json')
      .send('{"firmware":"1.0\\u0000","cameras":[{"channel":1,"model":"CAM"}]}');
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(ErrorCode.TEXT_INVALID_CHARACTERS);
  });
});

describe('oversized requests and headers', () => {
  // Whatever a test leaves open is torn down even when it fails (a hung close() included).
  const teardown: Array<() => void> = [];
  afterEach(() => teardown.splice(0).forEach((f) => f()));

  it('a 100 000-character query string answers 414 as JSON', async () => {
    const r = await t.http.get(`/api/health?q=${'a'.repeat(100_000)}`);
    expect(r.status).toBe(414);
    expect(r.body).toMatchObject({ statusCode: 414, code: ErrorCode.URI_TOO_LONG });
  });

  it('security headers on the API, /api/docs and the print script; no inline script on the print page', async () => {
    for (const url of ['/api/health', '/api/docs', '/api/nope']) {
      const r = await t.http.get(url).redirects(1);
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      expect(r.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(r.headers['strict-transport-security']).toBeUndefined();
    }
    const js = await t.http.get('/api/assets/print.js').expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.text).toContain('window.print()');
  });

  it("idle keep-alive connections outlive a proxy's 60 s, so a reused connection is not closed under a request", () => {
    const server = t.app.getHttpServer() as Server;
    expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
  });

  it('shutdown closes idle and never-used connections at once instead of waiting out their timeouts', async () => {
    // The app's own server setup, on a server of its own (the shared app stays up for the others).
    const server = http.createServer((_req, res) => res.end('ok'));
    keepIdleConnections(server);
    teardown.push(() => server.closeAllConnections());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const open = async () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('error', () => undefined); // a reset is a close too
      teardown.push(() => socket.destroy());
      await once(socket, 'connect');
      return socket;
    };
    const unused = await open();
    const used = await open();
    used.write('GET / HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
    const [answer] = (await once(used, 'data')) as [Buffer];
    expect(answer.toString('latin1')).toMatch(/^HTTP\/1\.1 200 .*keep-alive/is);
    const closed = Promise.all([once(unused, 'close'), once(used, 'close')]);
    // Without closing them itself, close() would wait out the keep-alive (65 s) and header (66 s)
    // timeouts, past the test's timeout.
    await new Promise((resolve) => server.close(resolve));
    await closed;
    expect([unused.destroyed, used.destroyed]).toEqual([true, true]);
  });

  it('HSTS only over https (X-Forwarded-Proto behind a trusted proxy)', async () => {
    const r = await t.http.get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(r.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

describe('small refusals', () => {
  it('plain-text subjects are not HTML-escaped; the HTML layout still escapes them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-'));
    fs.mkdirSync(path.join(dir, 'x'));
    fs.writeFileSync(path.join(dir, 'x', 'subject.en.hbs'), 'Hello {{name}}');
    fs.writeFileSync(path.join(dir, 'x', 'text.en.hbs'), 'Hi {{name}}');
    fs.writeFileSync(path.join(dir, 'x', 'html.en.hbs'), '<p>{{name}}</p>');
    fs.writeFileSync(path.join(dir, 'layout.html.hbs'), '<title>{{subject}}</title>{{{body}}}');
    const r = new TemplateRenderer(dir).render('x', 'en', 'UTC', { name: "Smith & O'Neil" });
    expect(r.subject).toBe("Hello Smith & O'Neil");
    expect(r.text).toBe("Hi Smith & O'Neil");
    expect(r.html).toContain('<title>Hello Smith &amp; O&#x27;Neil</title>');
  });

  it('a proxy session cannot exchange a device (403002)', async () => {
    const m = await makeDealerAndCustomer(t);
    const d = await register(t, m.customerEmail, recorderSpec([1]));
    const spec = recorderSpec([1]);
    const dealer = await login(t, m.ownerEmail);
    const p = await t.http
      .post('/api/proxy-sessions')
      .set(bearer(dealer.accessToken))
      .send({ customerId: m.customerId, reason: 'support call' });
    expect(p.status).toBe(201);
    const r = await t.http
      .post(`/api/devices/${d.deviceId}/exchange`)
      .set(bearer(p.body.accessToken))
      .send({ serial: spec.serial, model: spec.model, mac: spec.mac, firmware: spec.firmware });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe(ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION);
    const [dev] = await t.ds.query(`SELECT status FROM device WHERE id = $1`, [d.deviceId]);
    expect(dev.status).not.toBe('replaced');
  });

  it("a dealer cannot change a deactivated customer's e-mail (409 300105)", async () => {
    const m = await makeDealerAndCustomer(t);
    const c = await login(t, m.customerEmail);
    await t.http
      .post('/api/account/deactivate')
      .set(bearer(c.accessToken))
      .send({ password: PASSWORD })
      .expect(204);
    const dealer = await login(t, m.ownerEmail);
    const r = await t.http
      .patch(`/api/customers/${m.customerId}`)
      .set(bearer(dealer.accessToken))
      .send({ email: 'new-address@customer.test' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe(ErrorCode.CUSTOMER_DEACTIVATED);
    const [u] = await t.ds.query(`SELECT email FROM app_user WHERE id = $1`, [m.customerUserId]);
    expect(u.email).toBe(m.customerEmail);
  });
});

// Last: a second app in one process takes over the process-wide passport strategy.
describe('API docs', () => {
  it('/api/docs is off when API_DOCS=false (the default in production)', async () => {
    const off = await startApp({ env: { API_DOCS: 'false' } });
    try {
      expect((await off.http.get('/api/docs')).status).toBe(404);
      expect((await off.http.get('/api/openapi.json')).status).toBe(404);
    } finally {
      await off.close();
    }
    expect((await t.http.get('/api/openapi.json')).status).toBe(200);
  });
});
