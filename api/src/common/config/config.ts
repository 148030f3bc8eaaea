/**
 * Environment configuration, validated once at boot. `loadConfig` is pure (env in, config or
 * ConfigError out) so it is unit-tested; every variable is listed in README.md.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobName } from '@lc/shared';

export type AppEnv = 'development' | 'test' | 'production';

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super('Invalid configuration:\n' + problems.map((p) => `  - ${p}`).join('\n'));
  }
}

/** Root of the checkout (…/api/src/common/config → four levels up from dist or src). */
export const REPO_ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (path.basename(dir) === 'api') return path.dirname(dir);
    dir = path.dirname(dir);
  }
  return process.cwd();
})();

export class AppConfig {
  appEnv: AppEnv;
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | null;
  dbPoolSize: number;
  dataDir: string;
  trustProxy: string;
  jwtSecret: string | null;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  idleTimeoutMinutes: number;
  /** Shared users per customer (SPEC §5, seed 001 §2.1). */
  sharedUserLimit: number;
  operatorEmail: string;
  operatorPassword: string;
  seedDemo: boolean;
  sendgridApiKey: string | null;
  sendgridBaseUrl: string | null;
  mailFrom: string;
  mailPollMs: number;
  /** How often this process records that it is alive (app_process); dead after 4 missed beats. */
  processHeartbeatMs: number;
  /** Issuer shown on the operator's invoices, and its qualified-invoice registration number. */
  invoiceIssuerName: string;
  invoiceRegistrationNumber: string | null;
  /** The EC site where dealers buy licenses (offered in the license screen's dialog). */
  ecSiteUrl: string;
  /** The operator's EC-shop integration: the secret that signs the shop's webhook (none: refused). */
  ecWebhookSecret: string | null;
  /** Failed sign-ins allowed from one client address in 15 minutes, across accounts. */
  loginFailuresPerIp: number;
  /** Serve the Swagger UI at `/api/docs` (and `/api/openapi.json`). */
  apiDocs: boolean;
  /** Current terms-of-use version; a new value asks customers and dealers to accept again; null = not asked. */
  termsVersion: string | null;
  /** Base of the manual links on the help page. */
  manualsUrl: string;
  jobsEnabled: boolean;
  /** A device silent for longer than this is in "communication error". */
  deviceLivenessMinutes: number;
  cron: Record<JobName, string>;
  /** Key (any string ≥ 32 characters; sha256 of it is the AES-256-GCM key) for webhook secrets at rest. */
  webhookEncryptionKey: string;
  /** A webhook delivery attempt that gets no answer within this long fails. */
  webhookTimeoutMs: number;
  /** Deliveries to one endpoint in flight at once (across replicas). */
  webhookConcurrency: number;
  /** Batches of the expiry sweep run at once (each on its own connection, disjoint customers). */
  sweepConcurrency: number;
  /** Requests one API key may make per minute. */
  apiKeyRatePerMinute: number;
  argon2MemoryKib: number;
  argon2TimeCost: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug';

  /** The dev/test surface (`/api/dev/*`) exists only outside production. */
  get devSurface(): boolean {
    return this.appEnv !== 'production';
  }
}

export const DEV_OPERATOR = { email: 'operator@example.com', password: 'Operator!2026' };

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const str = (name: string, def: string): string => {
    const v = env[name];
    return v === undefined || v === '' ? def : v;
  };
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return def;
    }
    return n;
  };
  const bool = (name: string, def: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return def;
  };
  const cron = (name: string, def: string): string => {
    const v = str(name, def);
    if (v.trim().split(/\s+/).length < 5 || v.trim().split(/\s+/).length > 6) {
      problems.push(`${name} must be a cron expression with 5 or 6 fields (got "${v}")`);
      return def;
    }
    return v;
  };

  const c = new AppConfig();
  const appEnv = str('APP_ENV', env.NODE_ENV === 'production' ? 'production' : 'development');
  if (!['development', 'test', 'production'].includes(appEnv)) {
    problems.push(`APP_ENV must be development, test or production (got "${appEnv}")`);
  }
  c.appEnv = (['development', 'test', 'production'].includes(appEnv) ? appEnv : 'development') as AppEnv;
  const prod = c.appEnv === 'production';
  c.port = int('PORT', 3000, 0, 65535);
  c.host = str('HOST', '0.0.0.0');
  c.publicUrl = str('PUBLIC_URL', `http://localhost:${c.port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(c.publicUrl)) problems.push(`PUBLIC_URL must start with http:// or https://`);

  const dbUrl = env.DATABASE_URL?.trim();
  c.databaseUrl = dbUrl ? dbUrl : null;
  if (c.databaseUrl && !/^postgres(ql)?:\/\//.test(c.databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  c.dbPoolSize = int('DB_POOL_SIZE', 20, 2, 500);
  c.processHeartbeatMs = int('PROCESS_HEARTBEAT_MS', 5_000, 100, 60_000);
  c.dataDir = path.resolve(REPO_ROOT, str('DATA_DIR', '.data'));
  c.trustProxy = str('TRUST_PROXY', 'loopback');

  c.jwtSecret = env.JWT_SECRET ? env.JWT_SECRET : null;
  if (c.jwtSecret && c.jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  if (prod && !c.jwtSecret) problems.push('JWT_SECRET is required when APP_ENV=production');
  c.accessTokenTtlSeconds = int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400);
  c.refreshTokenTtlDays = int('REFRESH_TOKEN_TTL_DAYS', 30, 1, 365);
  c.idleTimeoutMinutes = int('IDLE_TIMEOUT_MINUTES', 30, 1, 24 * 60);
  c.sharedUserLimit = int('SHARED_USER_LIMIT', 200, 1, 10_000);

  c.operatorEmail = str('OPERATOR_EMAIL', prod ? '' : DEV_OPERATOR.email);
  c.operatorPassword = str('OPERATOR_PASSWORD', prod ? '' : DEV_OPERATOR.password);
  if (!c.operatorEmail || !/^[^@\s]+@[^@\s]+$/.test(c.operatorEmail)) {
    problems.push(
      'OPERATOR_EMAIL must be an e-mail address' + (prod ? ' (required when APP_ENV=production)' : ''),
    );
  }
  if (!c.operatorPassword) problems.push('OPERATOR_PASSWORD is required when APP_ENV=production');
  c.seedDemo = bool('SEED_DEMO', !prod);

  c.sendgridApiKey = env.SENDGRID_API_KEY ? env.SENDGRID_API_KEY : null;
  c.sendgridBaseUrl = env.SENDGRID_BASE_URL ? env.SENDGRID_BASE_URL : null;
  if (c.sendgridBaseUrl && !/^https?:\/\//.test(c.sendgridBaseUrl)) {
    problems.push('SENDGRID_BASE_URL must start with http:// or https://');
  }
  c.mailFrom = str('MAIL_FROM', 'License Console <no-reply@license-console.example>');
  c.mailPollMs = int('MAIL_POLL_MS', 1000, 0, 3_600_000);

  c.invoiceIssuerName = str('INVOICE_ISSUER_NAME', 'License Console Operator');
  const regNo = str('INVOICE_REGISTRATION_NUMBER', prod ? '' : 'T1234567890123');
  c.invoiceRegistrationNumber = regNo ? regNo : null;
  if (regNo && !/^T[0-9]{13}$/.test(regNo)) {
    problems.push(`INVOICE_REGISTRATION_NUMBER must be T followed by 13 digits (got "${regNo}")`);
  }
  c.ecSiteUrl = str('EC_SITE_URL', 'https://shop.license-console.example/licenses');
  if (!/^https?:\/\//.test(c.ecSiteUrl)) problems.push('EC_SITE_URL must start with http:// or https://');

  const ecSecret = env.EC_WEBHOOK_SECRET?.trim();
  c.ecWebhookSecret = ecSecret ? ecSecret : null;
  if (c.ecWebhookSecret && c.ecWebhookSecret.length < 32) {
    problems.push('EC_WEBHOOK_SECRET must be at least 32 characters');
  }
  c.loginFailuresPerIp = int('LOGIN_FAILURES_PER_IP', 50, 1, 1_000_000);
  c.apiDocs = bool('API_DOCS', !prod);

  const terms = str('TERMS_VERSION', '2026-12-01');
  if (!/^[A-Za-z0-9._-]{1,40}$/.test(terms))
    problems.push('TERMS_VERSION must be 1–40 characters of A-Z a-z 0-9 . _ - (or off)');
  c.termsVersion = terms === 'off' ? null : terms;
  c.manualsUrl = str('MANUALS_URL', 'https://manuals.license-console.example');
  if (!/^https?:\/\//.test(c.manualsUrl)) problems.push('MANUALS_URL must start with http:// or https://');
  c.jobsEnabled = bool('JOBS_ENABLED', true);
  c.deviceLivenessMinutes = int('DEVICE_LIVENESS_MINUTES', 5, 1, 24 * 60);
  c.cron = {
    'expiry-sweep': cron('JOB_EXPIRY_SWEEP_CRON', '* * * * *'),
    reminders: cron('JOB_REMINDERS_CRON', '*/15 * * * *'),
    'device-liveness': cron('JOB_DEVICE_LIVENESS_CRON', '* * * * *'),
    webhooks: cron('JOB_WEBHOOKS_CRON', '* * * * *'),
    'event-retention': cron('JOB_EVENT_RETENTION_CRON', '30 * * * *'),
  };
  // Unset: derived from JWT_SECRET (required in production), else a development constant.
  c.webhookEncryptionKey = str(
    'WEBHOOK_ENCRYPTION_KEY',
    c.jwtSecret && c.jwtSecret.length >= 32
      ? `webhooks:${c.jwtSecret}`
      : 'development-only-webhook-encryption-key',
  );
  if (c.webhookEncryptionKey.length < 32)
    problems.push('WEBHOOK_ENCRYPTION_KEY must be at least 32 characters');
  c.webhookTimeoutMs = int('WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000);
  c.webhookConcurrency = int('WEBHOOK_CONCURRENCY', 4, 1, 50);
  // Unset: two, but always below the pool size (requests keep a connection during the sweep).
  c.sweepConcurrency = int('SWEEP_CONCURRENCY', Math.min(2, c.dbPoolSize - 1), 1, 16);
  if (c.sweepConcurrency >= c.dbPoolSize)
    problems.push(
      `SWEEP_CONCURRENCY must be below DB_POOL_SIZE (${c.dbPoolSize}), so requests keep connections`,
    );
  c.apiKeyRatePerMinute = int('API_KEY_RATE_PER_MINUTE', 120, 1, 100_000);
  c.argon2MemoryKib = int('ARGON2_MEMORY_KIB', 19_456, 1024, 4_194_304);
  c.argon2TimeCost = int('ARGON2_TIME_COST', 2, 1, 20);
  const lvl = str('LOG_LEVEL', 'warn');
  if (!['error', 'warn', 'log', 'debug'].includes(lvl))
    problems.push('LOG_LEVEL must be error, warn, log or debug');
  c.logLevel = (['error', 'warn', 'log', 'debug'].includes(lvl) ? lvl : 'log') as AppConfig['logLevel'];

  if (problems.length) throw new ConfigError(problems);
  return c;
}
