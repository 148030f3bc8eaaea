import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { PasswordHasher } from '../src/common/auth/password-hasher.js';
import { ecSignatureHeader } from '../src/billing/ec-signature.js';
import {
  bearer,
  login,
  makeDealerAndCustomer,
  PASSWORD,
  startApp,
  uniq,
  type TestApp,
  type Made,
} from './harness.js';
import { createSku, stockOf, type TestSku } from './licensing.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});
afterEach(() => t.clock.set(null));

const token = async (email: string) => (await login(t, email)).accessToken;

async function dealerWithSecret(): Promise<{ m: Made; secret: string; tok: string; sku: TestSku }> {
  const m = await makeDealerAndCustomer(t);
  const tok = await token(m.ownerEmail);
  const r = await t.http.post('/api/dealers/me/ec-secret').set(bearer(tok));
  expect(r.status).toBe(201);
  return { m, secret: r.body.secret, tok, sku: await createSku(t) };
}

/** POSTs a raw JSON body to the dealer's webhook, signed with `secret` at the service clock's now. */
function deliver(
  loginId: string,
  body: unknown,
  secret: string,
  opts: { at?: number; signature?: string } = {},
) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const ts = opts.at ?? Math.floor(t.clock.now().getTime() / 1000);
  return t.http
    .post(`/api/ec/webhook/${loginId}`)
    .set('Content-Type', 'application/json')
    .set('X-Signature', opts.signature ?? ecSignatureHeader(secret, ts, raw))
    .send(raw);
}

describe('EC-site secret and dialog', () => {
  it('creates the secret once per call (owner/manager), and keeps a per-user dismissed flag', async () => {
    const m = await makeDealerAndCustomer(t);
    const tok = await token(m.ownerEmail);
    const before = await t.http.get('/api/dealers/me/ec-site').set(bearer(tok));
    expect(before.body).toEqual({
      url: 'https://shop.license-console.example/licenses',
      dismissed: false,
      webhookUrl: `http://localhost:3000/api/ec/webhook/${m.loginId}`,
      secretConfigured: false,
    });
    const s1 = await t.http.post('/api/dealers/me/ec-secret').set(bearer(tok));
    expect(s1.body).toMatchObject({
      secret: expect.stringMatching(/^whsec_[0-9a-f]{64}$/),
      webhookUrl: before.body.webhookUrl,
    });
    const s2 = await t.http.post('/api/dealers/me/ec-secret').set(bearer(tok));
    expect(s2.body.secret).not.toBe(s1.body.secret);
    expect((await t.http.get('/api/dealers/me/ec-site').set(bearer(tok))).body.secretConfigured).toBe(true);
    const [audit] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE dealer_id = $1 AND action LIKE 'dealer.ec_secret.%'`,
      [m.dealerId],
    );
    expect(audit.n).toBe(2);

    const staffEmail = `${uniq('staff')}@dealer.test`;
    await t.ds.query(
      `INSERT INTO app_user (role, email, name, password_hash, language, dealer_id, member_role, created_at, updated_at)
       VALUES ('dealer', $1, 'Staff', $2, 'ja', $3, 'staff', now(), now())`,
      [staffEmail, await t.get(PasswordHasher).hash(PASSWORD), m.dealerId],
    );
    const staff = await token(staffEmail);
    expect((await t.http.post('/api/dealers/me/ec-secret').set(bearer(staff))).status).toBe(403);

    const dismissed = await t.http
      .put('/api/dealers/me/ec-site/dismissed')
      .set(bearer(tok))
      .send({ dismissed: true });
    expect(dismissed.body.dismissed).toBe(true);
    expect((await t.http.get('/api/dealers/me/ec-site').set(bearer(tok))).body.dismissed).toBe(true);
    expect((await t.http.get('/api/dealers/me/ec-site').set(bearer(staff))).body.dismissed).toBe(false);
    expect(
      (await t.http.put('/api/dealers/me/ec-site/dismissed').set(bearer(tok)).send({ dismissed: 'yes' })).body
        .message,
    ).toMatch(/^dismissed: /);
    const shown = await t.http
      .put('/api/dealers/me/ec-site/dismissed')
      .set(bearer(tok))
      .send({ dismissed: false });
    expect(shown.body.dismissed).toBe(false);
  });
});

describe('POST /api/ec/webhook/:dealerLoginId', () => {
  it('a signed paid order adds stock to that dealer once, audited; replays are duplicates', async () => {
    const { m, secret, tok, sku } = await dealerWithSecret();
    const body = { shopOrderId: 'SHOP-1001', status: 'paid', lines: [{ skuCode: sku.code, quantity: 3 }] };
    const r = await deliver(m.loginId, body, secret);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ received: true, duplicate: false, ecOrderId: expect.any(String), minted: 3 });
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(3);
    const stock = await t.http.get('/api/stock').set(bearer(tok));
    expect(stock.body).toContainEqual(expect.objectContaining({ skuCode: sku.code, quantity: 3 }));
    const [audit] = await t.ds.query(
      `SELECT after FROM audit_log WHERE dealer_id = $1 AND action = 'ec.order.paid' AND target_id = $2`,
      [m.dealerId, r.body.ecOrderId],
    );
    expect(audit.after).toMatchObject({ shopOrderId: 'SHOP-1001', minted: 3 });

    const replay = await deliver(m.loginId, body, secret);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ received: true, duplicate: true, ecOrderId: r.body.ecOrderId, minted: 0 });
    // Even with other lines, the shop order id counts once.
    const changed = await deliver(
      m.loginId,
      { ...body, lines: [{ skuCode: sku.code, quantity: 9 }] },
      secret,
    );
    expect(changed.body.duplicate).toBe(true);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(3);

    // Ten deliveries of a new order at once: one adds stock.
    const burst = await Promise.all(
      Array.from({ length: 10 }, () =>
        deliver(
          m.loginId,
          { ...body, shopOrderId: 'SHOP-1002', lines: [{ skuCode: sku.code, quantity: 2 }] },
          secret,
        ),
      ),
    );
    expect(burst.every((x) => x.status === 200)).toBe(true);
    expect(burst.filter((x) => x.body.duplicate === false)).toHaveLength(1);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(5);

    // The same shop order id at another dealer is that dealer's own order.
    const other = await dealerWithSecret();
    const theirs = await deliver(other.m.loginId, body, other.secret);
    expect(theirs.body).toMatchObject({ duplicate: false, minted: 3 });
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(5);
  });

  it('refuses bad signatures with 401 and a code, and changes nothing', async () => {
    const { m, secret, sku } = await dealerWithSecret();
    const other = await dealerWithSecret();
    const body = { shopOrderId: 'SHOP-2001', status: 'paid', lines: [{ skuCode: sku.code, quantity: 1 }] };
    const expectRefused = async (r: { status: number; body: { code: number } }) => {
      expect(r.status).toBe(401);
      expect(r.body.code).toBe(ErrorCode.EC_SIGNATURE_INVALID);
    };
    await expectRefused(await deliver(m.loginId, body, 'whsec_wrong'));
    await expectRefused(await deliver(m.loginId, body, other.secret)); // another dealer's secret
    await expectRefused(await deliver(m.loginId, body, secret, { signature: 'garbage' }));
    await expectRefused(
      await t.http
        .post(`/api/ec/webhook/${m.loginId}`)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body)),
    );
    // The signature covers the exact bytes: re-serialised JSON with the same meaning fails.
    const ts = Math.floor(t.clock.now().getTime() / 1000);
    const signedCompact = ecSignatureHeader(secret, ts, JSON.stringify(body));
    await expectRefused(
      await t.http
        .post(`/api/ec/webhook/${m.loginId}`)
        .set('Content-Type', 'application/json')
        .set('X-Signature', signedCompact)
        .send(JSON.stringify(body, null, 2)),
    );
    // An unknown dealer and a dealer without a secret look the same.
    await expectRefused(await deliver('no-such-dealer', body, secret));
    const bare = await makeDealerAndCustomer(t);
    await expectRefused(await deliver(bare.loginId, body, secret));
    // After rotation the old secret stops working.
    const rotated = await t.http.post('/api/dealers/me/ec-secret').set(bearer(await token(m.ownerEmail)));
    await expectRefused(await deliver(m.loginId, body, secret));
    expect((await deliver(m.loginId, body, rotated.body.secret)).status).toBe(200);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(1);
  });

  it('refuses a timestamp more than 5 minutes away from the service clock', async () => {
    const { m, secret, sku } = await dealerWithSecret();
    t.clock.set(new Date('2027-06-01T00:00:00Z'), true);
    const now = Date.UTC(2027, 5, 1) / 1000;
    const body = { shopOrderId: 'SHOP-3001', status: 'paid', lines: [{ skuCode: sku.code, quantity: 1 }] };
    for (const at of [now - 301, now + 301]) {
      const r = await deliver(m.loginId, body, secret, { at });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe(ErrorCode.EC_TIMESTAMP_STALE);
    }
    // A replay of a captured delivery after 5 minutes is refused.
    const raw = JSON.stringify(body);
    const captured = ecSignatureHeader(secret, now, raw);
    expect((await deliver(m.loginId, raw, secret, { signature: captured })).status).toBe(200);
    t.clock.advance(5 * 60_000 + 1_000);
    const late = await deliver(m.loginId, raw, secret, { signature: captured });
    expect(late.body.code).toBe(ErrorCode.EC_TIMESTAMP_STALE);
    expect((await deliver(m.loginId, body, secret, { at: now + 299 })).body.duplicate).toBe(true);
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(1);
  });

  it('validates the body after the signature; other statuses are acknowledged without stock', async () => {
    const { m, secret, sku } = await dealerWithSecret();
    const bad = await deliver(
      m.loginId,
      { shopOrderId: 'S', status: 'paid', lines: [{ skuCode: sku.code, quantity: 0 }] },
      secret,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^lines\.0\.quantity: /);
    const noId = await deliver(
      m.loginId,
      { status: 'paid', lines: [{ skuCode: sku.code, quantity: 1 }] },
      secret,
    );
    expect(noId.body.message).toMatch(/^shopOrderId: /);
    const unknown = await deliver(
      m.loginId,
      { shopOrderId: 'S', status: 'paid', lines: [{ skuCode: 'NOPE', quantity: 1 }] },
      secret,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe(ErrorCode.SKU_UNKNOWN);
    const notJson = await deliver(m.loginId, '{"shopOrderId":', secret);
    expect(notJson.status).toBe(400);
    const pending = await deliver(
      m.loginId,
      { shopOrderId: 'SHOP-4001', status: 'pending', lines: [{ skuCode: sku.code, quantity: 1 }] },
      secret,
    );
    expect(pending.body).toEqual({ received: true, duplicate: false, ignored: true, minted: 0 });
    // The order counts once it is paid.
    const paid = await deliver(
      m.loginId,
      { shopOrderId: 'SHOP-4001', status: 'paid', lines: [{ skuCode: sku.code, quantity: 1 }] },
      secret,
    );
    expect(paid.body).toMatchObject({ duplicate: false, minted: 1 });
    expect(await stockOf(t, m.dealerId, sku.code)).toBe(1);
  });
});
