import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { LoginResponse } from '@lc/shared';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/common/config/config.js';
import { Clock } from '../src/common/clock/clock.js';
import { PasswordHasher } from '../src/common/auth/password-hasher.js';
import { SeedService } from '../src/seed/seed.service.js';
import { admin, withDatabase } from './db.js';

export const TEST_ENV: Record<string, string> = {
  APP_ENV: 'test',
  JOBS_ENABLED: 'false',
  MAIL_POLL_MS: '0',
  SEED_DEMO: 'false',
  ARGON2_MEMORY_KIB: '1024',
  ARGON2_TIME_COST: '1',
  LOG_LEVEL: 'error',
  // Every test request comes from 127.0.0.1: the per-address sign-in throttle is tested on its own.
  LOGIN_FAILURES_PER_IP: '1000000',
};

/** A fresh database cloned from the migrated template. */
export async function cloneDatabase(): Promise<string> {
  const adminUrl = process.env.LC_TEST_ADMIN_URL!;
  const name = `lc_t_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.LC_TEST_TEMPLATE}`));
  return withDatabase(adminUrl, name);
}

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  clock: Clock;
  ds: DataSource;
  dbUrl: string;
  close(): Promise<void>;
  get<T>(type: new (...args: never[]) => T): T;
}

/** Boots the whole app against its own database (or a given one, to run two instances on one). */
export async function startApp(
  opts: { env?: Record<string, string>; dbUrl?: string } = {},
): Promise<TestApp> {
  const dbUrl = opts.dbUrl ?? (await cloneDatabase());
  const config = loadConfig({ ...TEST_ENV, ...opts.env });
  const clock = new Clock();
  const { app } = await createApp(config, dbUrl, clock);
  await app.get(SeedService).run();
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    ds: app.get(DataSource),
    dbUrl,
    close: () => app.close(),
    get: <T>(type: new (...args: never[]) => T) => app.get(type),
  };
}

let seq = 0;
/** Unique suffix so every test makes its own dealers and customers. */
export function uniq(prefix = 't'): string {
  return `${prefix}${process.pid.toString(36)}${(++seq).toString(36)}${randomBytes(2).toString('hex')}`;
}

export const PASSWORD = 'Test!pass2026';

export interface Made {
  dealerId: string;
  loginId: string;
  ownerId: string;
  ownerEmail: string;
  customerId: string;
  customerUserId: string;
  customerEmail: string;
}

/** A primary dealer with an owner, and one customer of it, all with PASSWORD. */
export async function makeDealerAndCustomer(t: TestApp): Promise<Made> {
  const hash = await t.get(PasswordHasher).hash(PASSWORD);
  const loginId = uniq('d').slice(0, 16);
  const now = t.clock.now();
  const [d] = (await t.ds.query(
    `INSERT INTO dealer (login_id, tier, company_name, phone, notification_email, created_at, updated_at)
     VALUES ($1, 'primary', $2, '03-0000-0000', $3, $4, $4) RETURNING id`,
    [loginId, `Dealer ${loginId}`, `${loginId}@dealer.test`, now],
  )) as { id: string }[];
  const ownerEmail = `${loginId}@dealer.test`;
  const [o] = (await t.ds.query(
    `INSERT INTO app_user (role, email, name, password_hash, language, dealer_id, member_role, created_at, updated_at)
     VALUES ('dealer', $1, 'Owner Person', $2, 'en', $3, 'owner', $4, $4) RETURNING id`,
    [ownerEmail, hash, d.id, now],
  )) as { id: string }[];
  const [c] = (await t.ds.query(
    `INSERT INTO customer (dealer_id, name, created_at, updated_at) VALUES ($1, 'Customer Co', $2, $2) RETURNING id`,
    [d.id, now],
  )) as { id: string }[];
  const customerEmail = `${uniq('c')}@customer.test`;
  const [cu] = (await t.ds.query(
    `INSERT INTO app_user (role, email, name, password_hash, language, customer_id, created_at, updated_at)
     VALUES ('customer', $1, 'Customer Person', $2, 'ja', $3, $4, $4) RETURNING id`,
    [customerEmail, hash, c.id, now],
  )) as { id: string }[];
  return {
    dealerId: d.id,
    loginId,
    ownerId: o.id,
    ownerEmail,
    customerId: c.id,
    customerUserId: cu.id,
    customerEmail,
  };
}

export async function login(t: TestApp, loginName: string, password = PASSWORD): Promise<LoginResponse> {
  const r = await t.http.post('/api/auth/login').send({ login: loginName, password });
  if (r.status !== 200) throw new Error(`login ${loginName} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as LoginResponse;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
