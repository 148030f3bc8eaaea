import { describe, expect, it } from '@jest/globals';
import { ErrorCode, type RenewalRequestView } from '@lc/shared';
import { mailbox } from './account-helpers.js';
import { licenses, recorderSpec, register } from './device-helpers.js';
import { bearer, makeDealerAndCustomer, type Made } from './harness.js';
import { signIn, useTestApp } from './support/index.js';

const t = useTestApp();

const token = signIn(t);
const DAY = 86_400_000;

async function ask(m: Made, cameraId: string, note?: string) {
  return t.http
    .post('/api/renewal-requests')
    .set(bearer(await token(m.customerEmail)))
    .send({ cameraId, ...(note === undefined ? {} : { note }) });
}

async function listAs(email: string, query: Record<string, string> = {}): Promise<RenewalRequestView[]> {
  const r = await t.http
    .get('/api/renewal-requests')
    .query(query)
    .set(bearer(await token(email)));
  expect(r.status).toBe(200);
  return r.body as RenewalRequestView[];
}

/** A recorder with two cameras: the first gets a 12-month license, the second none. */
async function setup() {
  const m = await makeDealerAndCustomer(t);
  const lic = await licenses(t, m, 'edge', 12);
  await lic.assign(1);
  const dev = await register(t, m.customerEmail, recorderSpec([1, 2]));
  const [licensed, unlicensed] = dev.cameras;
  return { m, licensed: licensed.id, unlicensed: unlicensed.id };
}

describe('renewal requests', () => {
  it('a customer asks for an unlicensed camera; the dealer sees it, gets an e-mail, and handles it', async () => {
    const { m, unlicensed } = await setup();
    const r = await ask(m, unlicensed, '  Please renew before the store opens.  ');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      customerId: m.customerId,
      customerName: 'Customer Co',
      cameraId: unlicensed,
      note: 'Please renew before the store opens.',
      status: 'open',
      licenseEndsAt: null,
      handledAt: null,
    });
    expect(r.body.cameraName).toMatch(/CH2$/);
    // What the console needs to name it "Camera 2 — REC-8 (<serial>)" (issue 14 §2.1).
    expect(r.body).toMatchObject({
      cameraOwnName: null,
      cameraChannel: 2,
      deviceName: expect.stringMatching(/^REC-8 \(SN/),
      deviceType: 'recorder',
    });

    const dealerView = await listAs(m.ownerEmail, { status: 'open' });
    expect(dealerView.map((x) => x.id)).toEqual([r.body.id]);
    const mails = await mailbox(t, m.ownerEmail, 'renewal-requested');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('Customer Co');
    expect(mails[0].text).toContain(
      `/assignments/new?customerId=${m.customerId}&renewalRequest=${r.body.id}`,
    );
    expect(mails[0].text).toContain('Please renew before the store opens.');

    const handled = await t.http
      .post(`/api/renewal-requests/${r.body.id}/handle`)
      .set(bearer(await token(m.ownerEmail)));
    expect(handled.status).toBe(200);
    expect(handled.body).toMatchObject({ status: 'handled', handledByName: 'Owner Person' });
    const [mine] = await listAs(m.customerEmail);
    expect(mine).toMatchObject({ id: r.body.id, status: 'handled' });
    expect(await listAs(m.ownerEmail, { status: 'open' })).toEqual([]);

    const again = await t.http
      .post(`/api/renewal-requests/${r.body.id}/handle`)
      .set(bearer(await token(m.ownerEmail)));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe(ErrorCode.RENEWAL_REQUEST_HANDLED);
    // Handled, the camera may ask again.
    expect((await ask(m, unlicensed)).status).toBe(201);
  });

  it('refuses a license ending more than 90 days away, and accepts it once within 90 days', async () => {
    const { m, licensed } = await setup();
    const early = await ask(m, licensed);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe(ErrorCode.RENEWAL_NOT_DUE);
    expect(early.body.message).toMatch(/^cameraId/);

    const [{ ends_at }] = (await t.ds.query(`SELECT ends_at FROM license WHERE camera_id = $1`, [
      licensed,
    ])) as {
      ends_at: Date;
    }[];
    t.clock.set(new Date(ends_at.getTime() - 91 * DAY));
    expect((await ask(m, licensed)).body.code).toBe(ErrorCode.RENEWAL_NOT_DUE);
    t.clock.set(new Date(ends_at.getTime() - 89 * DAY));
    const ok = await ask(m, licensed);
    expect(ok.status).toBe(201);
    expect(ok.body.licenseEndsAt).toBe(ends_at.toISOString());
  });

  it('keeps one open request per camera and limits the note', async () => {
    const { m, unlicensed } = await setup();
    const long = await ask(m, unlicensed, 'x'.repeat(501));
    expect(long.status).toBe(400);
    expect(long.body.code).toBe(ErrorCode.RENEWAL_NOTE_TOO_LONG);
    expect(long.body.message).toMatch(/note/);
    expect((await ask(m, unlicensed, 'x'.repeat(500))).status).toBe(201);
    const dup = await ask(m, unlicensed);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe(ErrorCode.RENEWAL_ALREADY_REQUESTED);
    const both = await Promise.all([ask(m, unlicensed), ask(m, unlicensed)]);
    expect(both.map((x) => x.status)).toEqual([409, 409]);
    expect(await listAs(m.customerEmail)).toHaveLength(1);
  });

  it('keeps tenancy: another customer, another dealer and a proxy session are refused', async () => {
    const { m, unlicensed } = await setup();
    const other = await makeDealerAndCustomer(t);
    const foreign = await ask(other, unlicensed);
    expect(foreign.status).toBe(404);
    const bad = await ask(m, 'not-a-uuid');
    expect(bad.status).toBe(400);

    const r = await ask(m, unlicensed);
    expect(r.status).toBe(201);
    expect(await listAs(other.ownerEmail)).toEqual([]);
    expect(await listAs(other.customerEmail)).toEqual([]);
    const steal = await t.http
      .post(`/api/renewal-requests/${r.body.id}/handle`)
      .set(bearer(await token(other.ownerEmail)));
    expect(steal.status).toBe(404);
    const asCustomer = await t.http
      .post(`/api/renewal-requests/${r.body.id}/handle`)
      .set(bearer(await token(m.customerEmail)));
    expect(asCustomer.status).toBe(403);

    const proxy = await t.http
      .post('/api/proxy-sessions')
      .set(bearer(await token(m.ownerEmail)))
      .send({ customerId: m.customerId, reason: 'installation' });
    expect(proxy.status).toBe(201);
    const inProxy = await t.http
      .post('/api/renewal-requests')
      .set(bearer(proxy.body.accessToken))
      .send({ cameraId: unlicensed });
    expect(inProxy.status).toBe(403);
    expect(inProxy.body.code).toBe(ErrorCode.NOT_ALLOWED_IN_PROXY_SESSION);
  });
});

describe('GET /api/portal/dealer', () => {
  it("names the customer's own dealer and its phone; dealers may not call it", async () => {
    const m = await makeDealerAndCustomer(t);
    const r = await t.http.get('/api/portal/dealer').set(bearer(await token(m.customerEmail)));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ companyName: `Dealer ${m.loginId}`, phone: '03-0000-0000' });
    const asDealer = await t.http.get('/api/portal/dealer').set(bearer(await token(m.ownerEmail)));
    expect(asDealer.status).toBe(403);
  });
});
