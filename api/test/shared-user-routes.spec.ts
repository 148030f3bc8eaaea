import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@lc/shared';
import { bearer, login, makeDealerAndCustomer, PASSWORD, uniq } from './harness.js';
import { useTestApp } from './support/index.js';
import { lastMail } from './account-helpers.js';

/**
 * SPEC §5, API.md "Core portal": a shared user's rights are enforced by the API, not only hidden
 * in the UI. Walks every route of the OpenAPI document as a shared user and asserts that exactly
 * these are open to them (the rest answer 403 100403 from the guard). Routes that anyone may
 * call (@Public) are left out. A new route open to shared users must be added here on purpose.
 */
const SHARED_USER_ROUTES = [
  'GET /api/auth/me',
  'PATCH /api/auth/me',
  'POST /api/auth/change-password',
  'POST /api/auth/change-email',
  'GET /api/devices',
  'GET /api/devices/{id}',
  'GET /api/cameras/{id}',
  'PATCH /api/cameras/{id}',
  'POST /api/cameras/{id}/stream-grants',
  'GET /api/events',
  'GET /api/event-notifications',
  'GET /api/help',
  'GET /api/portal/messages',
  'POST /api/portal/messages/{id}/read',
  'GET /api/terms',
  'PUT /api/event-notifications',
  'GET /api/folders',
  'GET /api/favorites',
  'PUT /api/favorites/{cameraId}',
  'DELETE /api/favorites/{cameraId}',
].sort();

/** Public routes (anyone, no role): not part of this walk. */
const PUBLIC =
  /^(GET|POST|PUT) \/api\/(auth\/(login|refresh|logout|accept-invitation|set-password|forgot-password|reset-password|confirm-email)|config\/public|health|dev\/|device\/(register|keys)|ec\/webhook)/;

const t = useTestApp();

describe('a shared user against every route of the OpenAPI document', () => {
  it('reaches exactly the shared-user routes; the guard refuses every other one', async () => {
    const m = await makeDealerAndCustomer(t);
    const holder = (await login(t, m.customerEmail)).accessToken;
    const email = `${uniq('s')}@shared.test`;
    await t.http.post('/api/shared-users').set(bearer(holder)).send({ name: 'Walker', email }).expect(201);
    const { token } = (await lastMail(t, email, 'shared-user-invitation')).data;
    await t.http.post('/api/auth/accept-invitation').send({ token, password: PASSWORD }).expect(204);
    const shared = (await login(t, email)).accessToken;

    const doc = (await t.http.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const reached: string[] = [];
    const refused: string[] = [];
    let walked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (PUBLIC.test(route)) continue;
        walked++;
        const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
        const req = t.http[method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url).set(bearer(shared));
        const r = method === 'get' ? await req : await req.send({});
        expect(r.status).not.toBe(500);
        if (r.status === 403 && r.body.code === ErrorCode.FORBIDDEN) refused.push(route);
        else reached.push(route);
      }
    }
    expect(walked).toBeGreaterThan(60);
    expect(reached.sort()).toEqual(SHARED_USER_ROUTES);
    // Licenses, billing, device management, commands and user management are never theirs.
    for (const never of [
      'GET /api/customers/{id}/licenses',
      'GET /api/invoices',
      'POST /api/orders',
      'DELETE /api/devices/{id}',
      'POST /api/devices/{id}/commands',
      'POST /api/shared-users',
      'DELETE /api/shared-users/{id}',
      'PUT /api/cameras/{id}/shared-users',
      'POST /api/folders',
      'POST /api/licenses/{id}/transfer',
    ]) {
      expect(refused).toContain(never);
    }
  });
});
