/**
 * The one credential gate (issue 11 §2–3, issue 18 §2): sign-in, device registration, device
 * deletion and deactivation share the password rules, the lockout count and its answers; an
 * unknown login answers exactly like a known one; failures are throttled per client address.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, LOCKOUT } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer, PASSWORD, startApp, uniq, type TestApp } from './harness.js';
import { useTestApp } from './support/index.js';
import { lastMail, NEW_PASSWORD } from './account-helpers.js';
import { recorderSpec, register } from './device-helpers.js';

const t = useTestApp();

const signIn = (loginName: string, password: string) =>
  t.http.post('/api/auth/login').send({ login: loginName, password });
const registerWith = (email: string, password: string) =>
  t.http.post('/api/device/register').send({ email, password, device: recorderSpec([1]) });

describe('one credential gate', () => {
  it('device registration refuses an initial password after its 24 hours (401006), like sign-in', async () => {
    const m = await makeDealerAndCustomer(t);
    await t.ds.query(
      `UPDATE app_user SET password_expires_at = $2, must_change_password = true WHERE id = $1`,
      [m.customerUserId, new Date(t.clock.now().getTime() - 1000)],
    );
    const r = await registerWith(m.customerEmail, PASSWORD);
    expect(r.status).toBe(401);
    expect(r.body.code).toBe(ErrorCode.INITIAL_PASSWORD_EXPIRED);
    expect((await signIn(m.customerEmail, PASSWORD)).body.code).toBe(ErrorCode.INITIAL_PASSWORD_EXPIRED);
  });

  it('device registration refuses an initial password not yet changed (403001); after the change it works', async () => {
    const m = await makeDealerAndCustomer(t);
    await t.ds.query(`UPDATE app_user SET must_change_password = true WHERE id = $1`, [m.customerUserId]);
    const r = await registerWith(m.customerEmail, PASSWORD);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe(ErrorCode.PASSWORD_CHANGE_REQUIRED);
    const s = await login(t, m.customerEmail);
    await t.http
      .post('/api/auth/change-password')
      .set(bearer(s.accessToken))
      .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
      .expect(204);
    expect((await registerWith(m.customerEmail, NEW_PASSWORD)).status).toBe(201);
  });

  it('wrong passwords at registration, deletion and sign-in add up to one lockout', async () => {
    const m = await makeDealerAndCustomer(t);
    const dev = await register(t, m.customerEmail, recorderSpec([1]));
    const s = await login(t, m.customerEmail);
    expect((await registerWith(m.customerEmail, 'Wrong!pass1')).body.code).toBe(
      ErrorCode.INVALID_CREDENTIALS,
    );
    const del = await t.http
      .delete(`/api/devices/${dev.deviceId}`)
      .set(bearer(s.accessToken))
      .send({ password: 'Wrong!pass1' });
    expect(del.status).toBe(400);
    expect(del.body.code).toBe(ErrorCode.INVALID_CREDENTIALS);
    for (let i = 0; i < LOCKOUT.maxFailures - 3; i++) {
      expect((await signIn(m.customerEmail, 'Wrong!pass1')).status).toBe(401);
    }
    const fifth = await signIn(m.customerEmail, 'Wrong!pass1');
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe(ErrorCode.ACCOUNT_LOCKED);
    expect(fifth.headers['retry-after']).toBe(String(LOCKOUT.lockMinutes * 60));
    // Locked everywhere, even with the right password.
    expect((await registerWith(m.customerEmail, PASSWORD)).status).toBe(423);
    const delLocked = await t.http
      .delete(`/api/devices/${dev.deviceId}`)
      .set(bearer(s.accessToken))
      .send({ password: PASSWORD });
    expect(delLocked.status).toBe(423);
    expect((await lastMail(t, m.customerEmail, 'account-locked')).to).toBe(m.customerEmail);
  });

  it('an unknown login answers exactly like a known one, lockout included', async () => {
    const m = await makeDealerAndCustomer(t);
    const unknown = `${uniq('nobody')}@nowhere.test`;
    const answers = async (who: string) => {
      const out: Array<{ status: number; code: number; message: string }> = [];
      for (let i = 0; i < LOCKOUT.maxFailures + 1; i++) {
        const r = await signIn(who, 'Wrong!pass1');
        out.push({ status: r.status, code: r.body.code, message: r.body.message });
      }
      return out;
    };
    const known = await answers(m.loginId);
    const other = await answers(unknown);
    expect(other).toEqual(known);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
    // The lock ends after its time for both.
    t.clock.advance(LOCKOUT.lockMinutes * 60_000 + 1000);
    expect((await signIn(unknown, 'Wrong!pass1')).status).toBe(401);
    expect((await signIn(m.loginId, PASSWORD)).status).toBe(200);
  });

  it('a successful password reset unlocks the account', async () => {
    const m = await makeDealerAndCustomer(t);
    for (let i = 0; i < LOCKOUT.maxFailures; i++) await signIn(m.customerEmail, 'Wrong!pass1');
    expect((await signIn(m.customerEmail, PASSWORD)).status).toBe(423);
    await t.http.post('/api/auth/forgot-password').send({ email: m.customerEmail }).expect(202);
    const { code } = (await lastMail(t, m.customerEmail, 'password-reset')).data as { code: string };
    await t.http
      .post('/api/auth/reset-password')
      .send({ email: m.customerEmail, code, password: NEW_PASSWORD })
      .expect(204);
    expect((await signIn(m.customerEmail, NEW_PASSWORD)).status).toBe(200);
  });
});

describe('failed sign-ins per client address (LOGIN_FAILURES_PER_IP)', () => {
  let t2: TestApp;
  beforeAll(async () => {
    t2 = await startApp({ env: { LOGIN_FAILURES_PER_IP: '6' } });
  });
  afterAll(() => t2.close());

  it('answers 429 with Retry-After across accounts, for the right password too, until the window passes', async () => {
    const m = await makeDealerAndCustomer(t2);
    const fail = (who: string) =>
      t2.http.post('/api/auth/login').send({ login: who, password: 'Wrong!pass1' });
    // Six failures spread over six logins: no account is locked, the address is.
    for (let i = 0; i < 6; i++) expect((await fail(`${uniq('x')}@nowhere.test`)).status).toBe(401);
    t2.clock.advance(60_000);
    const r = await t2.http.post('/api/auth/login').send({ login: m.ownerEmail, password: PASSWORD });
    expect(r.status).toBe(429);
    expect(r.body.code).toBe(ErrorCode.RATE_LIMITED);
    expect(r.headers['retry-after']).toBe(String(LOCKOUT.windowMinutes * 60 - 60));
    t2.clock.advance(LOCKOUT.windowMinutes * 60_000);
    expect(
      (await t2.http.post('/api/auth/login').send({ login: m.ownerEmail, password: PASSWORD })).status,
    ).toBe(200);
  });
});
