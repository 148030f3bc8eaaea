import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer, PASSWORD, uniq, type Made } from './harness.js';
import { useTestApp } from './support/index.js';

const t = useTestApp({ env: { API_KEY_RATE_PER_MINUTE: '6' } });

const owner = async (m: Made) => bearer((await login(t, m.ownerEmail)).accessToken);

async function createKey(m: Made, name = 'CRM sync') {
  const r = await t.http
    .post('/api/api-keys')
    .set(await owner(m))
    .send({ name });
  expect(r.status).toBe(201);
  return r.body as { id: string; name: string; key: string; prefix: string };
}

describe('API keys', () => {
  it('is shown once, stored hashed, acts as the dealer with manager rights, shows its last use, and is audited as the key', async () => {
    const m = await makeDealerAndCustomer(t);
    t.clock.set(new Date('2027-05-01T00:00:00Z'), true);
    const k = await createKey(m);
    expect(k.key).toMatch(/^lck_[A-Za-z0-9_-]{40,}$/);
    const [row] = await t.ds.query(`SELECT key_hash FROM api_key WHERE id = $1`, [k.id]);
    expect(row.key_hash).not.toContain(k.key.slice(4));
    const list = await t.http.get('/api/api-keys').set(await owner(m));
    expect(list.body).toEqual([
      expect.objectContaining({
        id: k.id,
        name: 'CRM sync',
        prefix: k.key.slice(0, 10),
        lastUsedAt: null,
        revokedAt: null,
      }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(k.key);

    t.clock.advance(60_000);
    const customers = await t.http.get('/api/customers').set(bearer(k.key));
    expect(customers.status).toBe(200);
    expect(JSON.stringify(customers.body)).toContain(m.customerId);
    const created = await t.http
      .post('/api/customers')
      .set(bearer(k.key))
      .send({
        name: 'Via Key',
        email: `${uniq('k')}@customer.test`,
        language: 'en',
        timeZone: 'Asia/Tokyo',
        temporaryPassword: PASSWORD,
      });
    expect(created.status).toBe(201);
    const [used] = (await t.http.get('/api/api-keys').set(await owner(m))).body;
    expect(used.lastUsedAt).toBe(t.clock.now().toISOString());

    const audit = await t.ds.query(
      `SELECT action, api_key_id, dealer_id, after FROM audit_log WHERE api_key_id = $1 ORDER BY id`,
      [k.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['customer.created', 'api_key.request']);
    expect(audit[1].after).toMatchObject({ method: 'POST', path: '/api/customers', outcome: 'ok' });
    expect(audit.every((a: { dealer_id: string }) => a.dealer_id === m.dealerId)).toBe(true);

    // Manager rights only: owner-only routes and person-only routes are refused.
    const hook = await t.http
      .post('/api/webhooks')
      .set(bearer(k.key))
      .send({ url: 'http://127.0.0.1:9/', events: ['customer.created'] });
    expect(hook.status).toBe(403);
    expect((await t.http.get('/api/webhooks').set(bearer(k.key))).status).toBe(200);
    const keys = await t.http.get('/api/api-keys').set(bearer(k.key));
    expect(keys.status).toBe(403);
    expect(keys.body.code).toBe(ErrorCode.API_KEY_NOT_ALLOWED);
    expect((await t.http.get('/api/auth/me').set(bearer(k.key))).status).toBe(403);
  });

  it('stops working when revoked; only the owner of its own dealer manages keys', async () => {
    const m = await makeDealerAndCustomer(t);
    const other = await makeDealerAndCustomer(t);
    const k = await createKey(m);
    expect((await t.http.get('/api/customers').set(bearer(k.key))).status).toBe(200);
    expect((await t.http.delete(`/api/api-keys/${k.id}`).set(await owner(other))).status).toBe(404);
    expect((await t.http.get('/api/api-keys').set(await owner(other))).body).toEqual([]);
    const mgrEmail = `${uniq('mgr')}@dealer.test`;
    await t.ds.query(
      `INSERT INTO app_user (role, email, name, password_hash, language, dealer_id, member_role, created_at, updated_at)
       SELECT 'dealer', $1, 'Manager', password_hash, 'en', dealer_id, 'manager', now(), now() FROM app_user WHERE id = $2`,
      [mgrEmail, m.ownerId],
    );
    const mgr = bearer((await login(t, mgrEmail)).accessToken);
    expect((await t.http.post('/api/api-keys').set(mgr).send({ name: 'x' })).status).toBe(403);
    const bad = await t.http
      .post('/api/api-keys')
      .set(await owner(m))
      .send({ name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^name/);

    expect((await t.http.delete(`/api/api-keys/${k.id}`).set(await owner(m))).status).toBe(204);
    const r = await t.http.get('/api/customers').set(bearer(k.key));
    expect(r.status).toBe(401);
    expect(r.body.code).toBe(ErrorCode.API_KEY_INVALID);
    expect((await t.http.get('/api/customers').set(bearer('lck_nonsense'))).status).toBe(401);
    const [row] = (await t.http.get('/api/api-keys').set(await owner(m))).body;
    expect(row.revokedAt).not.toBeNull();
    const [audit] = await t.ds.query(
      `SELECT action FROM audit_log WHERE target_id = $1 AND action = 'api_key.revoked'`,
      [k.id],
    );
    expect(audit).toBeDefined();
  });

  it('is rate-limited per key per minute (429 with Retry-After), by the service clock', async () => {
    const m = await makeDealerAndCustomer(t);
    t.clock.set(new Date('2027-06-01T00:00:00Z'), true);
    const k = await createKey(m);
    const other = await createKey(m, 'Other');
    for (let i = 0; i < 6; i++)
      expect((await t.http.get('/api/customers').set(bearer(k.key))).status).toBe(200);
    const limited = await t.http.get('/api/customers').set(bearer(k.key));
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe(ErrorCode.API_KEY_RATE_LIMITED);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.http.get('/api/customers').set(bearer(other.key))).status).toBe(200);
    t.clock.advance(61_000);
    expect((await t.http.get('/api/customers').set(bearer(k.key))).status).toBe(200);
  });
});
