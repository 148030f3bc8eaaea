import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer, PASSWORD } from './harness.js';
import { useTestApp } from './support/index.js';

const t = useTestApp();

const MIN = 60_000;

describe('POST /api/auth/login', () => {
  it('signs in by e-mail (any case) and by dealer login ID', async () => {
    const m = await makeDealerAndCustomer(t);
    const byEmail = await login(t, m.ownerEmail.toUpperCase());
    expect(byEmail.user).toMatchObject({
      id: m.ownerId,
      role: 'dealer',
      email: m.ownerEmail,
      dealerId: m.dealerId,
    });
    expect(byEmail.accessToken).toMatch(/^ey/);
    const byLoginId = await login(t, m.loginId);
    expect(byLoginId.user.id).toBe(m.ownerId);
    const me = await t.http.get('/api/auth/me').set(bearer(byLoginId.accessToken));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: m.ownerId, role: 'dealer' });
  });

  it('login IDs are case-sensitive', async () => {
    const m = await makeDealerAndCustomer(t);
    const r = await t.http
      .post('/api/auth/login')
      .send({ login: m.loginId.toUpperCase(), password: PASSWORD });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe(ErrorCode.INVALID_CREDENTIALS);
  });

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    const m = await makeDealerAndCustomer(t);
    const wrong = await t.http
      .post('/api/auth/login')
      .send({ login: m.customerEmail, password: 'Wrong!pass1' });
    const unknown = await t.http
      .post('/api/auth/login')
      .send({ login: 'nobody@nowhere.test', password: 'Wrong!pass1' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe(ErrorCode.INVALID_CREDENTIALS);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('names the field on bad input', async () => {
    const r = await t.http.post('/api/auth/login').send({ login: 42, password: 'x' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ statusCode: 400, code: ErrorCode.VALIDATION });
    expect(r.body.message).toMatch(/^login: must be a string/);
    const extra = await t.http.post('/api/auth/login').send({ login: 'a', password: 'b', admin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toMatch(/admin/);
  });
});

describe('lockout (SPEC §5: 5 failures within 15 minutes lock for 15 minutes)', () => {
  it('locks on the fifth failure, refuses even the right password, and unlocks after 15 minutes', async () => {
    const m = await makeDealerAndCustomer(t);
    t.clock.set(new Date('2027-03-01T00:00:00Z'), true);
    try {
      for (let i = 1; i <= 4; i++) {
        const r = await t.http
          .post('/api/auth/login')
          .send({ login: m.customerEmail, password: 'Wrong!pass1' });
        expect(r.body.code).toBe(ErrorCode.INVALID_CREDENTIALS);
        t.clock.advance(MIN);
      }
      const fifth = await t.http
        .post('/api/auth/login')
        .send({ login: m.customerEmail, password: 'Wrong!pass1' });
      expect(fifth.status).toBe(423);
      expect(fifth.body.code).toBe(ErrorCode.ACCOUNT_LOCKED);
      expect(fifth.body.details.lockedUntil).toBe('2027-03-01T00:19:00.000Z');
      expect(fifth.body.details.retryAfterSeconds).toBe(15 * 60);

      t.clock.advance(14 * MIN);
      const still = await t.http.post('/api/auth/login').send({ login: m.customerEmail, password: PASSWORD });
      expect(still.status).toBe(423);
      expect(still.body.details.retryAfterSeconds).toBe(60);
      expect(still.body.message).toMatch(/1 minutes?/);

      t.clock.advance(MIN);
      await expect(login(t, m.customerEmail)).resolves.toMatchObject({ user: { id: m.customerUserId } });

      const mails = await t.http.get('/api/dev/mailbox').query({ to: m.customerEmail });
      expect(mails.body).toHaveLength(1);
      expect(mails.body[0]).toMatchObject({ template: 'account-locked', language: 'ja' });
      expect(mails.body[0].subject).toContain('15分間ロック');
    } finally {
      t.clock.set(null);
    }
  });

  it('does not lock when the failures are spread over more than 15 minutes', async () => {
    const m = await makeDealerAndCustomer(t);
    t.clock.set(new Date('2027-04-01T00:00:00Z'), true);
    try {
      for (let i = 0; i < 6; i++) {
        const r = await t.http
          .post('/api/auth/login')
          .send({ login: m.customerEmail, password: 'Wrong!pass1' });
        expect(r.body.code).toBe(ErrorCode.INVALID_CREDENTIALS);
        t.clock.advance(4 * MIN); // at most 4 failures in any 15-minute window
      }
      await expect(login(t, m.customerEmail)).resolves.toBeDefined();
    } finally {
      t.clock.set(null);
    }
  });

  it('a success clears earlier failures', async () => {
    const m = await makeDealerAndCustomer(t);
    for (let i = 0; i < 4; i++)
      await t.http.post('/api/auth/login').send({ login: m.customerEmail, password: 'Wrong!pass1' });
    await login(t, m.customerEmail);
    for (let i = 0; i < 4; i++) {
      const r = await t.http
        .post('/api/auth/login')
        .send({ login: m.customerEmail, password: 'Wrong!pass1' });
      expect(r.body.code).toBe(ErrorCode.INVALID_CREDENTIALS);
    }
  });
});

describe('refresh tokens', () => {
  it('rotates, and a reused refresh token ends the whole family', async () => {
    const m = await makeDealerAndCustomer(t);
    const first = await login(t, m.customerEmail);
    const second = await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await t.http.get('/api/auth/me').set(bearer(second.body.accessToken))).status).toBe(200);

    const reuse = await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe(ErrorCode.REFRESH_TOKEN_REUSED);

    // The family is revoked: the newest token and its access token stop working too.
    const third = await t.http.post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken });
    expect(third.status).toBe(401);
    expect(third.body.code).toBe(ErrorCode.SESSION_REVOKED);
    const me = await t.http.get('/api/auth/me').set(bearer(second.body.accessToken));
    expect(me.status).toBe(401);
    expect(me.body.code).toBe(ErrorCode.SESSION_REVOKED);

    // Another session of the same user is unaffected.
    const other = await login(t, m.customerEmail);
    expect((await t.http.get('/api/auth/me').set(bearer(other.accessToken))).status).toBe(200);
  });

  it('refuses an unknown refresh token and ends the session on logout', async () => {
    const m = await makeDealerAndCustomer(t);
    const r = await t.http.post('/api/auth/refresh').send({ refreshToken: 'not-a-real-token-at-all' });
    expect(r.body.code).toBe(ErrorCode.REFRESH_TOKEN_INVALID);
    const s = await login(t, m.customerEmail);
    expect((await t.http.post('/api/auth/logout').send({ refreshToken: s.refreshToken })).status).toBe(204);
    expect((await t.http.get('/api/auth/me').set(bearer(s.accessToken))).body.code).toBe(
      ErrorCode.SESSION_REVOKED,
    );
  });
});

describe('token lifetime and idle timeout', () => {
  it('expires the access token after 15 minutes while refresh still works', async () => {
    const m = await makeDealerAndCustomer(t);
    t.clock.set(new Date('2027-05-01T00:00:00Z'), true);
    try {
      const s = await login(t, m.customerEmail);
      t.clock.advance(14 * MIN);
      expect((await t.http.get('/api/auth/me').set(bearer(s.accessToken))).status).toBe(200);
      t.clock.advance(2 * MIN);
      const expired = await t.http.get('/api/auth/me').set(bearer(s.accessToken));
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe(ErrorCode.ACCESS_TOKEN_EXPIRED);
      const r = await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken });
      expect(r.status).toBe(200);
    } finally {
      t.clock.set(null);
    }
  });

  it('signs out after 30 idle minutes with a clear message', async () => {
    const m = await makeDealerAndCustomer(t);
    t.clock.set(new Date('2027-06-01T00:00:00Z'), true);
    try {
      const s = await login(t, m.customerEmail);
      t.clock.advance(29 * MIN);
      const r1 = await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken });
      expect(r1.status).toBe(200); // activity resets the idle clock
      t.clock.advance(31 * MIN);
      const r2 = await t.http.post('/api/auth/refresh').send({ refreshToken: r1.body.refreshToken });
      expect(r2.status).toBe(401);
      expect(r2.body.code).toBe(ErrorCode.SESSION_IDLE_TIMEOUT);
      expect(r2.body.message).toMatch(/30 minutes of inactivity/);
    } finally {
      t.clock.set(null);
    }
  });
});

describe('POST /api/auth/change-password', () => {
  it('applies the policy, needs the current password and ends other sessions', async () => {
    const m = await makeDealerAndCustomer(t);
    const a = await login(t, m.customerEmail);
    const b = await login(t, m.customerEmail);
    const weak = await t.http
      .post('/api/auth/change-password')
      .set(bearer(a.accessToken))
      .send({ currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe(ErrorCode.PASSWORD_POLICY);
    expect(weak.body.message).toMatch(/^newPassword:/);
    expect(weak.body.details.failures).toContain('length');

    const wrongCurrent = await t.http
      .post('/api/auth/change-password')
      .set(bearer(a.accessToken))
      .send({ currentPassword: 'Nope!pass1', newPassword: 'Brand!new2027' });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.message).toMatch(/^currentPassword:/);

    const ok = await t.http
      .post('/api/auth/change-password')
      .set(bearer(a.accessToken))
      .send({ currentPassword: PASSWORD, newPassword: 'Brand!new2027' });
    expect(ok.status).toBe(204);
    expect((await t.http.get('/api/auth/me').set(bearer(a.accessToken))).status).toBe(200);
    expect((await t.http.get('/api/auth/me').set(bearer(b.accessToken))).body.code).toBe(
      ErrorCode.SESSION_REVOKED,
    );
    await expect(login(t, m.customerEmail, 'Brand!new2027')).resolves.toBeDefined();
  });

  it('remembers the language choice', async () => {
    const m = await makeDealerAndCustomer(t);
    const s = await login(t, m.customerEmail);
    const r = await t.http.patch('/api/auth/me').set(bearer(s.accessToken)).send({ language: 'en' });
    expect(r.body.language).toBe('en');
    const bad = await t.http.patch('/api/auth/me').set(bearer(s.accessToken)).send({ language: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^language:/);
  });
});

describe('operator account', () => {
  it('exists from OPERATOR_EMAIL / OPERATOR_PASSWORD', async () => {
    const s = await login(t, 'operator@example.com', 'Operator!2026');
    expect(s.user.role).toBe('operator');
  });
});
