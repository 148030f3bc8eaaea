import { describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ErrorCode } from '@lc/shared';
import { ALLOW_KEY, PUBLIC_KEY } from '../src/common/auth/decorators.js';
import { bearer, login, makeDealerAndCustomer } from './harness.js';
import { useTestApp } from './support/index.js';

const t = useTestApp();

interface RouteInfo {
  route: string;
  isPublic: boolean;
  allow: string[] | undefined;
}

function listRoutes(): RouteInfo[] {
  const discovery = t.app.get(DiscoveryService);
  const scanner = t.app.get(MetadataScanner);
  const reflector = t.app.get(Reflector);
  const out: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name] as () => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const base = Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string;
      const targets = [handler, wrapper.metatype];
      out.push({
        route: `${method} /api/${[base, path].filter((p) => p && p !== '/').join('/')}`,
        isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true,
        allow: reflector.getAllAndOverride<string[]>(ALLOW_KEY, targets),
      });
    }
  }
  return out;
}

describe('global guard', () => {
  it('every route declares who may call it (@Public or @Allow)', () => {
    const routes = listRoutes();
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes.filter((r) => !r.isPublic && !(r.allow && r.allow.length)).map((r) => r.route);
    expect(undeclared).toEqual([]);
  });

  it('public routes are only the ones meant to be', () => {
    const publicRoutes = listRoutes()
      .filter((r) => r.isPublic)
      .map((r) => r.route);
    for (const r of publicRoutes) {
      expect(r).toMatch(/\/api\/(auth\/|config\/public|health|dev\/|device\/(register|keys)|ec\/webhook$)/);
    }
  });

  it('operator-only routes allow the operator alone (a dealer never suspends itself)', () => {
    const routes = listRoutes();
    for (const route of [
      'POST /api/operator/dealers/:id/suspend',
      'POST /api/operator/dealers/:id/reinstate',
      'GET /api/operator/overview',
      'GET /api/operator/dealers/:id',
    ]) {
      const r = routes.find((x) => x.route === route);
      expect(r).toBeDefined();
      expect(r?.isPublic).toBe(false);
      expect(r?.allow).toEqual(['operator']);
    }
  });

  it('refuses a missing token, a bad token and the wrong role', async () => {
    const none = await t.http.get('/api/jobs/runs');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe(ErrorCode.UNAUTHENTICATED);
    const junk = await t.http.get('/api/jobs/runs').set(bearer('abc.def.ghi'));
    expect(junk.status).toBe(401);
    const m = await makeDealerAndCustomer(t);
    const dealer = await login(t, m.ownerEmail);
    const wrongRole = await t.http.get('/api/jobs/runs').set(bearer(dealer.accessToken));
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.code).toBe(ErrorCode.FORBIDDEN);
    const op = await login(t, 'operator@example.com', 'Operator!2026');
    expect((await t.http.get('/api/jobs/runs').set(bearer(op.accessToken))).status).toBe(200);
  });

  it('refuses a token signed with another secret', async () => {
    const m = await makeDealerAndCustomer(t);
    const s = await login(t, m.ownerEmail);
    const [h, p] = s.accessToken.split('.');
    const forged = `${h}.${p}.${Buffer.from('forged-signature').toString('base64url')}`;
    expect((await t.http.get('/api/auth/me').set(bearer(forged))).status).toBe(401);
  });
});
