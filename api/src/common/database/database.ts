import { Logger } from '@nestjs/common';
import { migrations } from '@lc/migrations';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import { SnakeNamingStrategy } from './naming.js';

/** `entities`: the features' TypeORM entities (see `src/entities.ts`); migrations need none. */
export function dataSourceOptions(
  url: string,
  poolSize = 20,
  entities: NonNullable<DataSourceOptions['entities']> = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Off: failed statements reach the error filter (logged with an id when unexpected); TypeORM's own
    // log would print every expected refusal with its parameters, password hashes included.
    logging: false,
    extra: { max: poolSize },
  };
}

/** Apply pending migrations; an advisory lock keeps two replicas starting together apart. */
export async function migrate(url: string, logger = new Logger('Database')): Promise<void> {
  const ds = new DataSource({ ...dataSourceOptions(url), extra: { max: 2 } });
  await ds.initialize();
  const qr = ds.createQueryRunner();
  try {
    await qr.connect();
    await qr.query('SELECT pg_advisory_lock(727_001)');
    const ran = await ds.runMigrations({ transaction: 'each' });
    if (ran.length) logger.log(`Applied migrations: ${ran.map((m) => m.name).join(', ')}`);
    await qr.query('SELECT pg_advisory_unlock(727_001)');
  } finally {
    await qr.release();
    await ds.destroy();
  }
}

/** Raw SQL that returns rows, also for UPDATE … RETURNING (TypeORM returns [rows, count] there). */
export async function rows<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const r = await em.query(sql, params);
  if (Array.isArray(r) && r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number')
    return r[0] as T[];
  return r as T[];
}
