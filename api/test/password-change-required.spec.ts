import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer, uniq } from './harness.js';
import { useTestApp } from './support/index.js';

const t = useTestApp();

describe('an e-mailed initial password must be changed first (SPEC §5)', () => {
  it('refuses everything but me and change-password until it is changed, then the same token works', async () => {
    const m = await makeDealerAndCustomer(t);
    const dealer = await login(t, m.ownerEmail);
    const email = `${uniq('first')}@customer.test`;
    const created = await t.http
      .post('/api/customers')
      .set(bearer(dealer.accessToken))
      .send({ name: 'First Login KK', email, language: 'en', timeZone: 'Asia/Tokyo' });
    expect(created.status).toBe(201);
    const [welcome] = (await t.http.get('/api/dev/mailbox').query({ to: email })).body as {
      template: string;
      data: { password: string };
    }[];
    expect(welcome.template).toBe('customer-welcome');

    const s = await login(t, email, welcome.data.password);
    expect(s.user.mustChangePassword).toBe(true);
    const blocked = await t.http.get('/api/portal/messages').set(bearer(s.accessToken));
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe(ErrorCode.PASSWORD_CHANGE_REQUIRED);
    expect((await t.http.get('/api/auth/me').set(bearer(s.accessToken))).status).toBe(200);

    const changed = await t.http
      .post('/api/auth/change-password')
      .set(bearer(s.accessToken))
      .send({ currentPassword: welcome.data.password, newPassword: 'Chosen!pass2027' });
    expect(changed.status).toBe(204);
    expect((await t.http.get('/api/portal/messages').set(bearer(s.accessToken))).status).toBe(200);
  });

  it('does not block the dealer inside a proxy session', async () => {
    const m = await makeDealerAndCustomer(t);
    await t.ds.query(`UPDATE app_user SET must_change_password = true WHERE id = $1`, [m.customerUserId]);
    const dealer = await login(t, m.ownerEmail);
    const proxy = await t.http
      .post('/api/proxy-sessions')
      .set(bearer(dealer.accessToken))
      .send({ customerId: m.customerId, reason: 'installation' });
    expect(proxy.status).toBe(201);
    expect((await t.http.get('/api/portal/messages').set(bearer(proxy.body.accessToken))).status).toBe(200);
  });
});
