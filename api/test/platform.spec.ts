import { describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import fs from 'node:fs';
import path from 'node:path';
import { ErrorCode } from '@lc/shared';
import { toBody } from '../src/common/errors/error.filter.js';
import { REPO_ROOT } from '../src/common/config/config.js';
import { stableOpenApi } from '../src/openapi.js';
import { startApp } from './harness.js';
import { useTestApp } from './support/index.js';

const t = useTestApp();

describe('health and OpenAPI', () => {
  it('reports healthy once migrated', async () => {
    const r = await t.http.get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document and docs', async () => {
    const r = await t.http.get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/health', '/api/dev/clock']),
    );
    const docs = await t.http.get('/api/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger');
  });

  it('docs/openapi.json is up to date (run `npm run openapi` after changing the API)', async () => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'openapi.json'), 'utf8');
    const live = (await t.http.get('/api/openapi.json')).body;
    expect(JSON.parse(committed)).toEqual(stableOpenApi(live));
  });
});

describe('errors', () => {
  it('malformed JSON is a 400 with its own code', async () => {
    const r = await t.http.post('/api/auth/login').set('content-type', 'application/json').send('{"login":');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      statusCode: 400,
      code: ErrorCode.MALFORMED_JSON,
      message: 'body: is not valid JSON',
    });
  });

  it('unknown routes are a 404 with a code', async () => {
    const r = await t.http.get('/api/no/such/thing');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe(ErrorCode.ROUTE_NOT_FOUND);
  });

  it('unknown errors become a 500 with an id that is logged, and no internals', () => {
    const logged: string[] = [];
    const logger = { error: (m: string) => logged.push(m) } as unknown as Logger;
    const body = toBody(new Error('password=hunter2 at db.ts:42'), logger);
    expect(body.statusCode).toBe(500);
    expect(body.code).toBe(ErrorCode.INTERNAL);
    expect(body.message).not.toContain('hunter2');
    expect(body.message).toContain(body.errorId!);
    expect(logged[0]).toContain(body.errorId!);
    expect(logged[0]).toContain('hunter2');
  });
});

describe('dev surface', () => {
  it('reads and moves the clock, validating the input', async () => {
    const set = await t.http.put('/api/dev/clock').send({ now: '2029-07-01T00:00:00.000Z', freeze: true });
    expect(set.body).toEqual({ now: '2029-07-01T00:00:00.000Z', overridden: true });
    expect(t.clock.now().toISOString()).toBe('2029-07-01T00:00:00.000Z');
    const bad = await t.http.put('/api/dev/clock').send({ now: 'next tuesday' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^now:/);
    const reset = await t.http.put('/api/dev/clock').send({ now: null });
    expect(reset.body.overridden).toBe(false);
  });

  it('is absent in production', async () => {
    const prod = await startApp({
      dbUrl: t.dbUrl,
      env: {
        APP_ENV: 'production',
        JWT_SECRET: 'p'.repeat(40),
        OPERATOR_EMAIL: 'ops@vendor.test',
        OPERATOR_PASSWORD: 'Prod!pass2026',
      },
    });
    try {
      for (const [method, url] of [
        ['get', '/api/dev/mailbox'],
        ['get', '/api/dev/clock'],
        ['put', '/api/dev/clock'],
        ['post', '/api/dev/jobs/reminders/run'],
      ] as const) {
        const r = await prod.http[method](url).send({ now: null });
        expect([url, r.status]).toEqual([url, 404]);
      }
      const cfg = await prod.http.get('/api/config/public');
      expect(cfg.body).toMatchObject({ appEnv: 'production', devSurface: false });
    } finally {
      await prod.close();
    }
  });
});
