import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { ConfigError, loadConfig, DEV_OPERATOR, type AppConfig } from './common/config/config.js';
import {
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  type RunningPostgres,
} from './common/database/embedded-postgres.js';
import { migrate } from './common/database/database.js';
import { createApp } from './app.factory.js';
import { SeedService } from './seed/seed.service.js';
import { DEMO } from './seed/demo.js';

const DB_NAME = 'license_console';

async function ensureDatabase(embedded: RunningPostgres): Promise<string> {
  const c = new pg.Client({ connectionString: embedded.url });
  await c.connect();
  try {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
    if (!r.rowCount) await c.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await c.end();
  }
  return embedded.urlFor(DB_NAME);
}

function banner(
  config: AppConfig,
  url: string,
  demoSeeded: boolean,
  embedded: RunningPostgres | null,
): string {
  const lines = [
    '',
    `  License Console is running at ${url}`,
    config.apiDocs
      ? `  API docs: ${url}/api/docs    health: ${url}/api/health`
      : `  health: ${url}/api/health`,
    embedded
      ? `  Database: embedded PostgreSQL in ${embedded.dataDir}` +
        (embedded.relocatedFrom
          ? ` (moved from ${embedded.relocatedFrom}: not reachable by the postgres user)`
          : '')
      : '  Database: DATABASE_URL',
    '',
    '  Logins:',
    `    operator   ${config.operatorEmail} / ${config.operatorPassword === DEV_OPERATOR.password ? DEV_OPERATOR.password : '(OPERATOR_PASSWORD)'}`,
  ];
  if (config.seedDemo) {
    lines.push(
      `    dealer     ${DEMO.primary.loginId} (or ${DEMO.primary.owner.email}) / ${DEMO.password}`,
      `    manager    ${DEMO.primary.manager.email} / ${DEMO.password}`,
      `    secondary  ${DEMO.secondary.loginId} (or ${DEMO.secondary.owner.email}) / ${DEMO.password}`,
      `    customer   ${DEMO.customers[0].email} / ${DEMO.password}`,
    );
    if (demoSeeded) lines.push('  (demo data was created just now)');
  }
  if (config.devSurface) lines.push('', `  Development mailbox: ${url}/mailbox`);
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const log = new Logger('Start');
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  let embedded: RunningPostgres | null = null;
  let dbUrl: string;
  if (config.databaseUrl) {
    dbUrl = config.databaseUrl;
  } else {
    try {
      embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        log: (l) => log.log(l),
        warn: (l) => log.warn(l),
      });
    } catch (e) {
      if (e instanceof EmbeddedPostgresError) {
        console.error(`\nCannot start the embedded PostgreSQL:\n${e.message}\n`);
        process.exit(1);
      }
      throw e;
    }
    dbUrl = await ensureDatabase(embedded);
  }
  const stopDb = () => embedded?.stop() ?? Promise.resolve();
  try {
    await migrate(dbUrl);
    const { app } = await createApp(config, dbUrl);
    const { demoSeeded } = await app.get(SeedService).run();
    await app.listen(config.port, config.host);
    const shown = config.publicUrl;
    process.stdout.write(banner(config, shown, demoSeeded, embedded));
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      log.log(`${signal}: shutting down`);
      await app.close().catch(() => undefined);
      await stopDb();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') {
      console.error(
        `\nPort ${config.port} is in use. Stop the other program or start with PORT=<another port>.\n`,
      );
    } else if (err.code === 'ECONNREFUSED' && config.databaseUrl) {
      console.error(`\nCannot reach the PostgreSQL server at DATABASE_URL (${err.message}).\n`);
    } else {
      console.error(e);
    }
    await stopDb();
    process.exit(1);
  }
}

void main();
