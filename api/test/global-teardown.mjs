import fs from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  const state = globalThis.__LC_PG__;
  if (state) {
    await state.pg.stop();
    fs.rmSync(state.dataDir, { recursive: true, force: true });
    return;
  }
  // External server: drop what this run created.
  const c = new pg.Client({ connectionString: process.env.LC_TEST_ADMIN_URL });
  await c.connect();
  const r = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'lc_t_%' OR datname = $1`, [
    process.env.LC_TEST_TEMPLATE,
  ]);
  for (const { datname } of r.rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  await c.end();
}
