/**
 * Tenant isolation across every controller (issue 11, "kept by tests"; tenancy.spec.ts checks
 * five controllers case by case): dealer B and B's customer call every operation of
 * docs/openapi.json with dealer A's ids — in each path parameter and in each `…Id` query
 * parameter — and never get a 2xx with a foreign id in the path (an empty list aside), never see
 * one of A's ids in an answer, never a 5xx; A's rows are unchanged afterwards. The development
 * surface (`/api/dev/*`, absent in production) is shared by design and only checked for 5xx.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/common/config/config.js';
import { PasswordHasher } from '../src/common/auth/password-hasher.js';
import { bearer, login, makeDealerAndCustomer, PASSWORD, uniq } from './harness.js';
import { useTestApp } from './support/index.js';
import { licenses, recorderSpec, register } from './device-helpers.js';
import { operatorToken } from './licensing.js';

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>>;
}
const DOC = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'docs', 'openapi.json'), 'utf8')) as OpenApi;
const OPERATIONS = Object.entries(DOC.paths).flatMap(([p, ops]) =>
  Object.entries(ops)
    .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
    .map(([m, o]) => ({
      method: m as 'get' | 'post' | 'put' | 'patch' | 'delete',
      path: p,
      idQueries: (o.parameters ?? [])
        .filter((x) => x.in === 'query' && /Id$/.test(x.name))
        .map((x) => x.name),
    })),
);

const t = useTestApp();
/** Dealer A's ids of every kind. */
let aIds: Record<string, string>;
let B: { dealer: Record<string, string>; customer: Record<string, string> };

/** What A owns, as text, to compare before and after. */
async function snapshot(): Promise<string> {
  const q = async (sql: string, params: unknown[]) => JSON.stringify(await t.ds.query(sql, params));
  return [
    await q(`SELECT id, name, deactivated_at FROM customer WHERE dealer_id = $1 ORDER BY id`, [aIds.dealer]),
    await q(
      `SELECT id, email, name, active, role, member_role, password_hash, must_change_password FROM app_user
        WHERE dealer_id = $1 OR customer_id IN (SELECT id FROM customer WHERE dealer_id = $1) ORDER BY id`,
      [aIds.dealer],
    ),
    await q(`SELECT id, name, status, deleted_at FROM device WHERE customer_id = $1 ORDER BY id`, [
      aIds.customer,
    ]),
    await q(`SELECT id, name, do_not_license, deleted_at FROM camera WHERE customer_id = $1 ORDER BY id`, [
      aIds.customer,
    ]),
    await q(
      `SELECT id, state, camera_id, customer_id, owner_dealer_id FROM license
        WHERE owner_dealer_id = $1 OR selling_dealer_id = $1 ORDER BY id`,
      [aIds.dealer],
    ),
    await q(`SELECT id, status, amount_paid FROM purchase_order WHERE buyer_dealer_id = $1 ORDER BY id`, [
      aIds.dealer,
    ]),
    await q(`SELECT id, amount_paid, voided_at FROM invoice WHERE buyer_dealer_id = $1 ORDER BY id`, [
      aIds.dealer,
    ]),
    await q(`SELECT id, company_name, phone, maintenance_emails FROM dealer WHERE id = $1`, [aIds.dealer]),
  ].join('\n');
}

let before: string;

beforeAll(async () => {
  const a = await makeDealerAndCustomer(t);
  const dev = await register(t, a.customerEmail, recorderSpec([1, 2]));
  const lic = await licenses(t, a);
  const licenseIds = await lic.assign(1);
  const ownerSession = await login(t, a.ownerEmail);
  const order = await t.http
    .post('/api/orders')
    .set(bearer(ownerSession.accessToken))
    .send({ lines: [{ skuCode: lic.sku.code, quantity: 1 }] });
  const op = await operatorToken(t);
  await t.http.post(`/api/orders/${order.body.id}/confirm`).set(bearer(op)).expect(200);
  await t.http.post(`/api/orders/${order.body.id}/invoice`).set(bearer(op)).send({}).expect(200);
  const [inv] = (await t.ds.query(`SELECT id FROM invoice WHERE order_id = $1`, [order.body.id])) as {
    id: string;
  }[];
  const staffEmail = `${uniq('staff')}@dealer.test`;
  const [staff] = (await t.ds.query(
    `INSERT INTO app_user (role, email, name, password_hash, language, dealer_id, member_role, created_at, updated_at)
     VALUES ('dealer', $1, 'Staff', $2, 'ja', $3, 'staff', now(), now()) RETURNING id`,
    [staffEmail, await t.get(PasswordHasher).hash(PASSWORD), a.dealerId],
  )) as { id: string }[];
  await t.http
    .post('/api/proxy-sessions')
    .set(bearer(ownerSession.accessToken))
    .send({ customerId: a.customerId, reason: 'A visit' })
    .expect(201);
  const [msg] = (await t.ds.query(`SELECT id FROM portal_message WHERE customer_id = $1`, [
    a.customerId,
  ])) as {
    id: string;
  }[];
  const [session] = (await t.ds.query(`SELECT id FROM auth_session WHERE user_id = $1 LIMIT 1`, [
    a.ownerId,
  ])) as {
    id: string;
  }[];
  aIds = {
    dealer: a.dealerId,
    owner: a.ownerId,
    staff: staff.id,
    customer: a.customerId,
    customerUser: a.customerUserId,
    device: dev.deviceId,
    camera: dev.cameras[0].id,
    license: licenseIds[0],
    order: order.body.id as string,
    invoice: inv.id,
    message: msg.id,
    session: session.id,
  };
  const b = await makeDealerAndCustomer(t);
  await register(t, b.customerEmail, recorderSpec([1]));
  B = {
    dealer: bearer((await login(t, b.ownerEmail)).accessToken),
    customer: bearer((await login(t, b.customerEmail)).accessToken),
  };
  before = await snapshot();
});

/** The development surface (mailbox, clock, jobs) is shared by design and absent in production. */
const DEV_ONLY = /^\/api\/dev\//;
/** A 2xx that shows nothing: an empty list (the query itself holds the tenancy). */
const emptyList = (body: unknown) =>
  (Array.isArray(body) && body.length === 0) ||
  (typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as { items?: unknown }).items) &&
    (body as { items: unknown[] }).items.length === 0);

describe('dealer B and its customer against dealer A, every operation', () => {
  it.each(OPERATIONS.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
    '%s',
    async (_name, op) => {
      const problems: string[] = [];
      const ids = Object.values(aIds);
      const call = async (who: 'dealer' | 'customer', url: string) => {
        let req = t.http[op.method](url).set(B[who]);
        if (op.method !== 'get' && op.method !== 'delete')
          req = req.set('Content-Type', 'application/json').send('{}');
        const r = await req;
        const leaked = DEV_ONLY.test(op.path)
          ? undefined
          : ids.find((id) => r.text?.includes(id) && !url.includes(id));
        if (r.status >= 500) problems.push(`${who} ${url}: ${r.status}`);
        if (leaked) problems.push(`${who} ${url}: answer holds A's id ${leaked}`);
        return r;
      };
      for (const who of ['dealer', 'customer'] as const) {
        if (op.path.includes('{')) {
          for (const [kind, id] of Object.entries(aIds)) {
            const url = op.path.replace(/\{[^}]+\}/g, id);
            const r = await call(who, url);
            if (r.status < 300 && !emptyList(r.body) && !DEV_ONLY.test(op.path))
              problems.push(`${who} ${url} (A's ${kind}): ${r.status}`);
          }
        } else {
          await call(who, op.path);
          for (const q of op.idQueries) {
            for (const id of ids) await call(who, `${op.path}?${q}=${id}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
    300_000,
  );

  it("leaves A's rows unchanged", async () => {
    expect(await snapshot()).toBe(before);
  });
});
