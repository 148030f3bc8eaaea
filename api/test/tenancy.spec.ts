/**
 * Tenant isolation, route by route: dealer B (and B's customer) must get 404/403 — or only its
 * own rows — on every customer, member, dealer, proxy, audit and portal route when it uses
 * dealer A's ids. The last test fails when one of these controllers gains a route without a case here.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner } from '@nestjs/core';
import type { LoginResponse } from '@lc/shared';
import { CustomersController } from '../src/customers/customers.controller.js';
import { DealersController } from '../src/dealers/dealers.controller.js';
import { ProxyController } from '../src/auth/proxy.controller.js';
import { AuditController } from '../src/audit/audit.controller.js';
import { PortalController } from '../src/portal/portal.controller.js';
import { bearer, login } from './harness.js';
import { useTestApp } from './support/index.js';
import { apiCustomer, apiDealer, apiMember } from './account-helpers.js';

const t = useTestApp();
let A: {
  id: string;
  session: LoginResponse;
  staffId: string;
  customerId: string;
  customerEmail: string;
  messageId: string;
  secondaryId: string;
};
let B: { session: LoginResponse; customer: LoginResponse };

beforeAll(async () => {
  const a = await apiDealer(t);
  const staff = await apiMember(t, a.session, 'staff');
  const c = await apiCustomer(t, a.session);
  await t.http
    .post('/api/proxy-sessions')
    .set(bearer(a.session.accessToken))
    .send({ customerId: c.id, reason: 'A visit' })
    .expect(201);
  const [msg] = (await t.ds.query(`SELECT id FROM portal_message WHERE customer_id = $1`, [c.id])) as {
    id: string;
  }[];
  const secondary = await apiDealer(t, { by: a.session, tier: 'secondary' });
  A = {
    id: a.id,
    session: a.session,
    staffId: staff.id,
    customerId: c.id,
    customerEmail: c.email,
    messageId: msg.id,
    secondaryId: secondary.id,
  };
  const b = await apiDealer(t);
  const bc = await apiCustomer(t, b.session);
  B = { session: b.session, customer: await login(t, bc.email) };
});

const as = (s: LoginResponse) => ({
  get: (p: string) => t.http.get(p).set(bearer(s.accessToken)),
  post: (p: string, body: object = {}) => t.http.post(p).set(bearer(s.accessToken)).send(body),
  patch: (p: string, body: object = {}) => t.http.patch(p).set(bearer(s.accessToken)).send(body),
  put: (p: string, body: object = {}) => t.http.put(p).set(bearer(s.accessToken)).send(body),
  delete: (p: string) => t.http.delete(p).set(bearer(s.accessToken)),
});

/** One case per route: what B gets when it aims at A. */
const CASES: Record<string, () => Promise<void>> = {
  'POST /api/customers': async () => {
    const r = await as(B.session).post('/api/customers', {
      name: 'Sneaky',
      email: 'sneaky@customer.test',
      language: 'ja',
      timeZone: 'Asia/Tokyo',
      dealerId: A.id,
    });
    expect(r.status).toBe(400); // a dealer id cannot even be given
  },
  'GET /api/customers': async () => {
    const r = await as(B.session).get(`/api/customers?search=${encodeURIComponent(A.customerEmail)}`);
    expect(r.body).toMatchObject({ total: 0, items: [] });
  },
  'GET /api/customers/export.csv': async () => {
    const r = await as(B.session).get('/api/customers/export.csv').buffer(true);
    expect(r.status).toBe(200);
    expect(r.text).not.toContain(A.customerId);
  },
  'POST /api/customers/me/handover': async () => {
    expect((await as(B.session).post('/api/customers/me/handover', { reset: true })).status).toBe(403);
  },
  'GET /api/customers/:id': async () => {
    expect((await as(B.session).get(`/api/customers/${A.customerId}`)).status).toBe(404);
    expect((await as(B.customer).get(`/api/customers/${A.customerId}`)).status).toBe(403);
  },
  'PATCH /api/customers/:id': async () => {
    const r = await as(B.session).patch(`/api/customers/${A.customerId}`, { email: 'stolen@customer.test' });
    expect(r.status).toBe(404);
    expect((await as(A.session).get(`/api/customers/${A.customerId}`)).body.email).toBe(A.customerEmail);
  },
  'POST /api/dealers': async () => {
    // B is a primary dealer: whatever it creates is its own secondary, never under A.
    const r = await as(B.session).post('/api/dealers', {
      loginId: 'under-a',
      companyName: 'Under A',
      email: 'under-a@dealer.test',
      phone: '03-0000-0000',
      tier: 'secondary',
      parentDealerId: A.id,
    });
    expect(r.status).toBe(400);
  },
  'GET /api/dealers': async () => {
    const r = await as(B.session).get('/api/dealers');
    expect(r.body.items.map((d: { id: string }) => d.id)).not.toContain(A.secondaryId);
    expect(r.body.total).toBe(0);
  },
  'GET /api/dealers/me': async () => {
    expect((await as(B.session).get('/api/dealers/me')).body.id).not.toBe(A.id);
  },
  'PATCH /api/dealers/me': async () => {
    const r = await as(B.session).patch('/api/dealers/me', { companyName: 'B again' });
    expect(r.body.id).not.toBe(A.id);
    expect((await as(A.session).get('/api/dealers/me')).body.companyName).not.toBe('B again');
  },
  'GET /api/dealers/me/maintenance-contacts': async () => {
    await as(A.session).put('/api/dealers/me/maintenance-contacts', { emails: ['a-maint@dealer.test'] });
    const r = await as(B.session).get('/api/dealers/me/maintenance-contacts');
    expect(r.body.emails).not.toContain('a-maint@dealer.test');
  },
  'PUT /api/dealers/me/maintenance-contacts': async () => {
    const r = await as(B.session).put('/api/dealers/me/maintenance-contacts', {
      emails: ['b-maint@dealer.test'],
    });
    expect(r.status).toBe(200);
    const a = await as(A.session).get('/api/dealers/me/maintenance-contacts');
    expect(a.body.emails).not.toContain('b-maint@dealer.test');
  },
  'GET /api/dealers/me/members': async () => {
    const r = await as(B.session).get('/api/dealers/me/members');
    expect(r.body.map((m: { id: string }) => m.id)).not.toContain(A.staffId);
  },
  'POST /api/dealers/me/members': async () => {
    const r = await as(B.session).post('/api/dealers/me/members', {
      email: 'b-member@member.test',
      name: 'B Member',
      role: 'staff',
      dealerId: A.id,
    });
    expect(r.status).toBe(400);
  },
  'PATCH /api/dealers/me/members/:id': async () => {
    expect(
      (await as(B.session).patch(`/api/dealers/me/members/${A.staffId}`, { role: 'owner' })).status,
    ).toBe(404);
  },
  'DELETE /api/dealers/me/members/:id': async () => {
    expect((await as(B.session).delete(`/api/dealers/me/members/${A.staffId}`)).status).toBe(404);
  },
  'POST /api/dealers/me/members/:id/resend-invitation': async () => {
    expect((await as(B.session).post(`/api/dealers/me/members/${A.staffId}/resend-invitation`)).status).toBe(
      404,
    );
  },
  'GET /api/dealers/:id': async () => {
    expect((await as(B.session).get(`/api/dealers/${A.id}`)).status).toBe(404);
    expect((await as(B.session).get(`/api/dealers/${A.secondaryId}`)).status).toBe(404);
    expect((await as(B.customer).get(`/api/dealers/${A.id}`)).status).toBe(403);
  },
  'POST /api/proxy-sessions': async () => {
    expect(
      (await as(B.session).post('/api/proxy-sessions', { customerId: A.customerId, reason: 'x' })).status,
    ).toBe(404);
  },
  'DELETE /api/proxy-sessions/current': async () => {
    expect((await as(B.session).delete('/api/proxy-sessions/current')).status).toBe(403);
  },
  'GET /api/audit': async () => {
    expect((await as(B.session).get(`/api/audit?dealerId=${A.id}`)).status).toBe(403);
    const r = await as(B.session).get(`/api/audit?customerId=${A.customerId}`);
    expect(r.body).toMatchObject({ total: 0, items: [] });
    expect((await as(B.customer).get('/api/audit')).status).toBe(403);
  },
  'GET /api/audit/export.csv': async () => {
    expect((await as(B.session).get(`/api/audit/export.csv?dealerId=${A.id}`)).status).toBe(403);
    const r = await as(B.session).get(`/api/audit/export.csv?customerId=${A.customerId}`).buffer(true);
    expect(
      r.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1); // the header only
  },
  'GET /api/portal/messages': async () => {
    const r = await as(B.customer).get('/api/portal/messages');
    expect(r.body.items.map((m: { id: string }) => m.id)).not.toContain(A.messageId);
    const dealer = await as(B.session).get('/api/portal/messages');
    expect(dealer.body.items.map((m: { id: string }) => m.id)).not.toContain(A.messageId);
  },
  'POST /api/portal/messages/:id/read': async () => {
    expect((await as(B.customer).post(`/api/portal/messages/${A.messageId}/read`)).status).toBe(404);
    const [m] = (await t.ds.query(`SELECT read_at FROM portal_message WHERE id = $1`, [A.messageId])) as {
      read_at: Date | null;
    }[];
    expect(m.read_at).toBeNull();
  },
};

describe('dealer B against dealer A, route by route', () => {
  it.each(Object.keys(CASES))('%s', async (route) => {
    await CASES[route]();
  });

  it('every route of these controllers has a case above', () => {
    const scanner = t.app.get(MetadataScanner);
    const routes: string[] = [];
    for (const ctrl of [
      CustomersController,
      DealersController,
      ProxyController,
      AuditController,
      PortalController,
    ]) {
      const base = Reflect.getMetadata(PATH_METADATA, ctrl) as string;
      const proto = ctrl.prototype as unknown as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name] as object;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        routes.push(`${method} /api/${[base, path].filter((p) => p && p !== '/').join('/')}`);
      }
    }
    expect(routes.sort()).toEqual(Object.keys(CASES).sort());
  });
});
