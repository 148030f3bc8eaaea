/**
 * `npm run openapi`: writes docs/openapi.json from the code (no database needed beyond a
 * throwaway embedded one). Commit the result with the change that altered the API.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, REPO_ROOT } from './common/config/config.js';
import { startEmbeddedPostgres } from './common/database/embedded-postgres.js';
import { createApp } from './app.factory.js';
import { stableOpenApi } from './openapi.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-openapi-'));
const pg = await startEmbeddedPostgres({ dataDir });
try {
  const config = loadConfig({
    APP_ENV: 'development',
    JOBS_ENABLED: 'false',
    MAIL_POLL_MS: '0',
    LOG_LEVEL: 'error',
  });
  const { app, openapi } = await createApp(config, pg.url);
  const out = path.join(REPO_ROOT, 'docs', 'openapi.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(stableOpenApi(openapi), null, 2) + '\n');
  await app.close();
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await pg.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
