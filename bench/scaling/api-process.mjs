// One API process for two-processes.mjs: the built API on DATABASE_URL (already migrated), on a
// free port of 127.0.0.1; tells its parent the port, and stops when the parent says so.
import { load } from '../lib.mjs';

const { createApp } = await load('app.factory.js');
const { loadConfig } = await load('common/config/config.js');
const config = loadConfig({
  APP_ENV: 'test',
  JOBS_ENABLED: 'false',
  MAIL_POLL_MS: '0',
  SEED_DEMO: 'false',
  LOG_LEVEL: 'error',
  ARGON2_MEMORY_KIB: '1024',
  ARGON2_TIME_COST: '1',
  DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '10',
});
const { app } = await createApp(config, process.env.DATABASE_URL);
await app.listen(0, '127.0.0.1');
process.send({ port: app.getHttpServer().address().port });
process.on('message', async (m) => {
  if (m === 'stop') {
    await app.close();
    process.exit(0);
  }
});
