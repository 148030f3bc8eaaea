import { describe, expect, it } from '@jest/globals';
import { ErrorCode, RESET_CODE_MAX_ATTEMPTS } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer, PASSWORD, uniq } from './harness.js';
import { useTestApp } from './support/index.js';
import { lastMail, mailbox, NEW_PASSWORD, operator } from './account-helpers.js';

const t = useTestApp();

const HOUR = 3_600_000;
const forgot = (email: string) => t.http.post('/api/auth/forgot-password').send({ email });
const reset = (body: Record<string, unknown>) => t.http.post('/api/auth/reset-password').send(body);
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('forgot password (seed 001 §5.2.3)', () => {
  it('always answers 202; a known address gets a 6-digit code and a link', async () => {
    const m = await makeDealerAndCustomer(t);
    const unknown = await forgot(`${uniq('nobody')}@nowhere.test`);
    expect(unknown.status).toBe(202);
    const known = await forgot(m.customerEmail.toUpperCase());
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    const mail = await lastMail(t, m.customerEmail, 'password-reset');
    expect(mail.language).toBe('ja');
    expect(mail.data.code).toMatch(/^\d{6}$/);
    expect(mail.data.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.text).toContain(mail.data.code);
    expect(mail.text).toContain(`/reset-password?token=${mail.data.token}`);
    // Only hashes are stored.
    const stored = (await t.ds.query(`SELECT * FROM account_token WHERE user_id = $1`, [
      m.customerUserId,
    ])) as Record<string, unknown>[];
    expect(JSON.stringify(stored)).not.toContain(mail.data.token);
    expect(JSON.stringify(stored)).not.toContain(`"${mail.data.code}"`);
  });

  it('the code resets the password once, ends every session, and the link is then dead too', async () => {
    const m = await makeDealerAndCustomer(t);
    const s = await login(t, m.customerEmail);
    await forgot(m.customerEmail).expect(202);
    const { code, token } = (await lastMail(t, m.customerEmail, 'password-reset')).data;
    const weak = await reset({ email: m.customerEmail, code, password: 'weakpass' });
    expect(weak.body.code).toBe(ErrorCode.PASSWORD_POLICY);
    expect(weak.body.message).toMatch(/^password:/);
    await reset({ email: m.customerEmail, code, password: NEW_PASSWORD }).expect(204);
    expect((await t.http.get('/api/auth/me').set(bearer(s.accessToken))).body.code).toBe(
      ErrorCode.SESSION_REVOKED,
    );
    await expect(login(t, m.customerEmail, NEW_PASSWORD)).resolves.toBeDefined();
    const again = await reset({ email: m.customerEmail, code, password: 'Other!pass2028' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe(ErrorCode.VERIFICATION_CODE_WRONG);
    const link = await reset({ token, password: 'Other!pass2028' });
    expect(link.body.code).toBe(ErrorCode.VERIFICATION_CODE_WRONG);
  });

  it('the link works instead of the code, once', async () => {
    const m = await makeDealerAndCustomer(t);
    await forgot(m.ownerEmail).expect(202);
    const { token } = (await lastMail(t, m.ownerEmail, 'password-reset')).data;
    await reset({ token, password: NEW_PASSWORD }).expect(204);
    await expect(login(t, m.loginId, NEW_PASSWORD)).resolves.toBeDefined();
    expect((await reset({ token, password: NEW_PASSWORD })).body.code).toBe(
      ErrorCode.VERIFICATION_CODE_WRONG,
    );
  });

  it('a wrong code is 400211; the code and link expire after 24 hours (400210)', async () => {
    t.clock.set(new Date('2027-08-01T00:00:00Z'), true);
    try {
      const m = await makeDealerAndCustomer(t);
      await forgot(m.customerEmail).expect(202);
      const { code, token } = (await lastMail(t, m.customerEmail, 'password-reset')).data;
      const wrong = await reset({ email: m.customerEmail, code: wrongCode(code!), password: NEW_PASSWORD });
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe(ErrorCode.VERIFICATION_CODE_WRONG);
      expect(wrong.body.message).toMatch(/^code:/);
      t.clock.advance(24 * HOUR);
      const late = await reset({ email: m.customerEmail, code, password: NEW_PASSWORD });
      expect(late.body.code).toBe(ErrorCode.VERIFICATION_CODE_EXPIRED);
      expect((await reset({ token, password: NEW_PASSWORD })).body.code).toBe(
        ErrorCode.VERIFICATION_CODE_EXPIRED,
      );
      await expect(login(t, m.customerEmail)).resolves.toBeDefined();
    } finally {
      t.clock.set(null);
    }
  });

  it(`locks the code after ${RESET_CODE_MAX_ATTEMPTS} wrong tries (a new request gives a new code)`, async () => {
    const m = await makeDealerAndCustomer(t);
    await forgot(m.customerEmail).expect(202);
    const { code } = (await lastMail(t, m.customerEmail, 'password-reset')).data;
    for (let i = 1; i < RESET_CODE_MAX_ATTEMPTS; i++) {
      const r = await reset({ email: m.customerEmail, code: wrongCode(code!), password: NEW_PASSWORD });
      expect(r.body.code).toBe(ErrorCode.VERIFICATION_CODE_WRONG);
    }
    const last = await reset({ email: m.customerEmail, code: wrongCode(code!), password: NEW_PASSWORD });
    expect(last.body.code).toBe(ErrorCode.VERIFICATION_CODE_LOCKED);
    const right = await reset({ email: m.customerEmail, code, password: NEW_PASSWORD });
    expect(right.body.code).toBe(ErrorCode.VERIFICATION_CODE_LOCKED);

    await forgot(m.customerEmail).expect(202);
    const fresh = (await lastMail(t, m.customerEmail, 'password-reset')).data.code;
    await reset({ email: m.customerEmail, code: fresh, password: NEW_PASSWORD }).expect(204);
  });

  it('a newer request replaces the older code; bad input names the field', async () => {
    const m = await makeDealerAndCustomer(t);
    await forgot(m.customerEmail).expect(202);
    const first = (await lastMail(t, m.customerEmail, 'password-reset')).data;
    await forgot(m.customerEmail).expect(202);
    const second = (await lastMail(t, m.customerEmail, 'password-reset')).data;
    expect((await reset({ token: first.token, password: NEW_PASSWORD })).body.code).toBe(
      ErrorCode.VERIFICATION_CODE_WRONG,
    );
    await reset({ email: m.customerEmail, code: second.code, password: NEW_PASSWORD }).expect(204);

    expect((await reset({ password: NEW_PASSWORD })).body.message).toMatch(/^token:/);
    expect(
      (await reset({ email: m.customerEmail, code: '12ab56', password: NEW_PASSWORD })).body,
    ).toMatchObject({
      code: ErrorCode.VERIFICATION_CODE_WRONG,
      message: expect.stringMatching(/^code:/),
    });
    expect((await forgot('not an email')).status).toBe(400);
    // An unknown address with a code is just a wrong code.
    const ghost = await reset({ email: `${uniq('g')}@nowhere.test`, code: '123456', password: NEW_PASSWORD });
    expect(ghost.body.code).toBe(ErrorCode.VERIFICATION_CODE_WRONG);
  });

  it('stops e-mailing after 5 requests an hour (still 202)', async () => {
    const m = await makeDealerAndCustomer(t);
    for (let i = 0; i < 7; i++) await forgot(m.customerEmail).expect(202);
    expect(await mailbox(t, m.customerEmail, 'password-reset')).toHaveLength(5);
  });
});

describe('change e-mail (seed 001 §5.2.5)', () => {
  it('needs the password, confirms at the new address within 24 h, and ends every session', async () => {
    t.clock.set(new Date('2027-09-01T00:00:00Z'), true);
    try {
      const m = await makeDealerAndCustomer(t);
      const a = await login(t, m.customerEmail);
      const newEmail = `${uniq('new')}@customer.test`;
      const wrong = await t.http
        .post('/api/auth/change-email')
        .set(bearer(a.accessToken))
        .send({ password: 'Wrong!pass1', newEmail });
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({
        code: ErrorCode.INVALID_CREDENTIALS,
        message: expect.stringMatching(/^password:/),
      });

      const r = await t.http
        .post('/api/auth/change-email')
        .set(bearer(a.accessToken))
        .send({ password: PASSWORD, newEmail });
      expect(r.status).toBe(202);
      const mail = await lastMail(t, newEmail, 'email-change-confirm');
      expect(mail.text).toContain(`/confirm-email?token=${mail.data.token}`);
      expect(await mailbox(t, m.customerEmail, 'email-change-confirm')).toEqual([]);
      // Nothing changes until confirmed.
      expect((await t.http.get('/api/auth/me').set(bearer(a.accessToken))).body.email).toBe(m.customerEmail);

      t.clock.advance(23 * HOUR);
      // Sessions a and b are idle by now; two fresh ones, then confirm.
      const c = await login(t, m.customerEmail);
      const d = await login(t, m.customerEmail);
      await t.http.post('/api/auth/confirm-email').send({ token: mail.data.token }).expect(204);
      for (const s of [c, d]) {
        const me = await t.http.get('/api/auth/me').set(bearer(s.accessToken));
        expect(me.status).toBe(401);
        expect(me.body.code).toBe(ErrorCode.SESSION_REVOKED);
        expect(me.body.details).toEqual({ reason: 'email_changed' });
      }
      const refresh = await t.http.post('/api/auth/refresh').send({ refreshToken: c.refreshToken });
      expect(refresh.body.code).toBe(ErrorCode.SESSION_REVOKED);
      expect(
        (await t.http.post('/api/auth/login').send({ login: m.customerEmail, password: PASSWORD })).status,
      ).toBe(401);
      expect((await login(t, newEmail)).user.email).toBe(newEmail);
      expect((await t.http.post('/api/auth/confirm-email').send({ token: mail.data.token })).body.code).toBe(
        ErrorCode.LINK_INVALID,
      );
    } finally {
      t.clock.set(null);
    }
  });

  it('the link expires after 24 hours', async () => {
    t.clock.set(new Date('2027-09-10T00:00:00Z'), true);
    try {
      const m = await makeDealerAndCustomer(t);
      const s = await login(t, m.ownerEmail);
      const newEmail = `${uniq('slow')}@dealer.test`;
      await t.http
        .post('/api/auth/change-email')
        .set(bearer(s.accessToken))
        .send({ password: PASSWORD, newEmail })
        .expect(202);
      const { token } = (await lastMail(t, newEmail, 'email-change-confirm')).data;
      t.clock.advance(24 * HOUR);
      const r = await t.http.post('/api/auth/confirm-email').send({ token });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe(ErrorCode.LINK_EXPIRED);
      await expect(login(t, m.ownerEmail)).resolves.toBeDefined();
    } finally {
      t.clock.set(null);
    }
  });

  it('refuses an address already registered (also when taken before confirming) and bad input', async () => {
    const m = await makeDealerAndCustomer(t);
    const other = await makeDealerAndCustomer(t);
    const s = await login(t, m.customerEmail);
    const taken = await t.http
      .post('/api/auth/change-email')
      .set(bearer(s.accessToken))
      .send({ password: PASSWORD, newEmail: other.customerEmail.toUpperCase() });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      code: ErrorCode.ALREADY_REGISTERED,
      message: expect.stringMatching(/^newEmail:/),
    });
    const same = await t.http
      .post('/api/auth/change-email')
      .set(bearer(s.accessToken))
      .send({ password: PASSWORD, newEmail: m.customerEmail });
    expect(same.status).toBe(400);
    const bad = await t.http
      .post('/api/auth/change-email')
      .set(bearer(s.accessToken))
      .send({ password: PASSWORD, newEmail: 'x' });
    expect(bad.body.message).toMatch(/^newEmail:/);

    // Someone registers the address between request and confirmation: 409, nothing changes.
    const race = `${uniq('race')}@customer.test`;
    await t.http
      .post('/api/auth/change-email')
      .set(bearer(s.accessToken))
      .send({ password: PASSWORD, newEmail: race })
      .expect(202);
    const { token } = (await lastMail(t, race, 'email-change-confirm')).data;
    const op = await operator(t);
    await t.http
      .post('/api/dealers')
      .set(bearer(op.accessToken))
      .send({
        loginId: uniq('r').slice(0, 16),
        companyName: 'Race Co',
        email: race,
        phone: '03-0000-1111',
        tier: 'primary',
      })
      .expect(201);
    const r = await t.http.post('/api/auth/confirm-email').send({ token });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe(ErrorCode.ALREADY_REGISTERED);
    expect((await t.http.get('/api/auth/me').set(bearer(s.accessToken))).body.email).toBe(m.customerEmail);
  });

  it('needs a signed-in user', async () => {
    const r = await t.http.post('/api/auth/change-email').send({ password: PASSWORD, newEmail: 'a@b.test' });
    expect(r.status).toBe(401);
  });
});
