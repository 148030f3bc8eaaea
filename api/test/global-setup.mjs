// Runs outside Jest's module system, so it uses the built code (the test target builds first).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../dist/src/common/database/embedded-postgres.js';
import { migrate } from '../dist/src/common/database/database.js';

/**
 * One real PostgreSQL for the run (embedded unless DATABASE_URL is given) and one migrated
 * template database; every test file clones its own database from the template.
 */
export default async function globalSetup() {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-test-pg-'));
    // The shared test cluster trades crash safety for speed, by name; the fault tests start durable ones.
    const running = await startEmbeddedPostgres({ dataDir, durability: 'unsafe-fast-for-tests' });
    globalThis.__LC_PG__ = { pg: running, dataDir };
    adminUrl = running.url;
  }
  const template = `lc_tpl_${process.pid}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${template}`);
  await c.query(`CREATE DATABASE ${template}`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = '/' + template;
  await migrate(u.toString());
  process.env.LC_TEST_ADMIN_URL = adminUrl;
  process.env.LC_TEST_TEMPLATE = template;
}
