import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
}

describe('loadConfig', () => {
  it('runs locally with no variables at all', () => {
    const c = loadConfig({});
    expect(c.appEnv).toBe('development');
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeNull();
    expect(c.devSurface).toBe(true);
    expect(c.seedDemo).toBe(true);
    expect(c.operatorEmail).toBe('operator@example.com');
    expect(c.cron.reminders).toBe('*/15 * * * *');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ APP_ENV: 'staging' }, 'APP_ENV'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ JOB_REMINDERS_CRON: 'often' }, 'JOB_REMINDERS_CRON'],
    [{ IDLE_TIMEOUT_MINUTES: '0' }, 'IDLE_TIMEOUT_MINUTES'],
    [{ OPERATOR_EMAIL: 'not-an-email' }, 'OPERATOR_EMAIL'],
    [{ INVOICE_REGISTRATION_NUMBER: '1234567890123' }, 'INVOICE_REGISTRATION_NUMBER'],
    [{ EC_SITE_URL: 'shop.example' }, 'EC_SITE_URL'],
    [{ WEBHOOK_ENCRYPTION_KEY: 'too-short' }, 'WEBHOOK_ENCRYPTION_KEY'],
    [{ WEBHOOK_TIMEOUT_MS: '5' }, 'WEBHOOK_TIMEOUT_MS'],
    [{ API_KEY_RATE_PER_MINUTE: '0' }, 'API_KEY_RATE_PER_MINUTE'],
    [{ JOB_WEBHOOKS_CRON: 'often' }, 'JOB_WEBHOOKS_CRON'],
    [{ TERMS_VERSION: 'v 2' }, 'TERMS_VERSION'],
    [{ MANUALS_URL: 'manuals.example' }, 'MANUALS_URL'],
    [{ JOB_EVENT_RETENTION_CRON: 'daily' }, 'JOB_EVENT_RETENTION_CRON'],
  ])('names the variable in %j', (env, name) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });

  it('requires secrets and the operator in production, and hides the dev surface', () => {
    const problems = problemsOf({ APP_ENV: 'production' });
    expect(problems.join('\n')).toMatch(/JWT_SECRET/);
    expect(problems.join('\n')).toMatch(/OPERATOR_EMAIL/);
    expect(problems.join('\n')).toMatch(/OPERATOR_PASSWORD/);
    const c = loadConfig({
      APP_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      OPERATOR_EMAIL: 'ops@vendor.example',
      OPERATOR_PASSWORD: 'Secret!2026x',
    });
    expect(c.devSurface).toBe(false);
    expect(c.seedDemo).toBe(false);
  });

  it('asks for the terms of use by default; off turns the question off', () => {
    expect(loadConfig({}).termsVersion).toBe('2026-12-01');
    expect(loadConfig({ TERMS_VERSION: '2027-04' }).termsVersion).toBe('2027-04');
    expect(loadConfig({ TERMS_VERSION: 'off' }).termsVersion).toBeNull();
    expect(loadConfig({}).cron['event-retention']).toBe('30 * * * *');
  });

  it('runs two expiry-sweep batches at once by default, never as many as the pool has connections', () => {
    expect(loadConfig({}).sweepConcurrency).toBe(2);
    expect(loadConfig({ SWEEP_CONCURRENCY: '1' }).sweepConcurrency).toBe(1);
    expect(loadConfig({ DB_POOL_SIZE: '2' }).sweepConcurrency).toBe(1);
    expect(problemsOf({ SWEEP_CONCURRENCY: '0' })).toEqual([expect.stringContaining('SWEEP_CONCURRENCY')]);
    expect(problemsOf({ SWEEP_CONCURRENCY: '4', DB_POOL_SIZE: '4' })).toEqual([
      expect.stringContaining('SWEEP_CONCURRENCY must be below DB_POOL_SIZE'),
    ]);
  });

  it('reports every problem at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'loud' })).toHaveLength(2);
  });
});
