/**
 * The embedded PostgreSQL's postmaster process: starting one (and waiting until it answers), and
 * supervising it — a postmaster that dies is started again, on the same port, with backoff, for
 * as long as the app runs. `embedded-postgres.ts` prepares the cluster and hands over here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export class EmbeddedPostgresError extends Error {}

/** How to run one postmaster of a prepared cluster. */
export interface PostmasterSpec {
  /** The `postgres` binary, its arguments and spawn options (the postgres system user when root). */
  bin: string;
  args: string[];
  spawnOpts: object;
  /** The cluster's data folder (`postmaster.pid` lives there). */
  pgData: string;
  port: number;
  /** Where it answers once ready. */
  url: string;
  log: (line: string) => void;
}

/** A supervised postmaster. */
export interface SupervisedPostmaster {
  /** The current postmaster's process id. */
  pid(): number | null;
  /** How often the supervisor restarted the postmaster. */
  readonly restarts: number;
  stop(): Promise<void>;
}

/** One postmaster: resolves once it accepts connections, rejects with its output when it exits first. */
export async function launchPostmaster(spec: PostmasterSpec): Promise<ChildProcess> {
  const { bin, args, spawnOpts, pgData, port, url, log } = spec;
  await recoverStale(pgData, log);
  let output = '';
  let exited: number | null = null;
  const child: ChildProcess = spawn(bin, args, {
    ...spawnOpts,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  child.on('exit', (code) => (exited = code ?? -1));
  child.on('error', (e) => {
    output += String(e);
    exited = -1;
  });
  const collect = (b: Buffer) => {
    output += b.toString();
    if (output.length > 20_000) output = output.slice(-10_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const ready = await waitFor(async () => exited !== null || (await canConnect(url)), 30_000, 100);
  if (exited !== null || !ready) {
    child.kill('SIGKILL');
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL did not start (data ${pgData}, port ${port}):\n${output.trim().slice(-2000)}\n` +
        'If another program uses that data folder, stop it; otherwise set DATABASE_URL.',
    );
  }
  // Do not let the postgres child keep our event loop alive; we stop it explicitly.
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

/**
 * Starts the postmaster and supervises it: when it dies (killed, crashed), it is started again on
 * the same port, with backoff, until it runs or `stop()` is called. PostgreSQL's crash recovery
 * replays the WAL, so every acknowledged commit is there again (durable settings).
 */
export async function startSupervisedPostmaster(
  spec: PostmasterSpec,
  warn: (line: string) => void,
): Promise<SupervisedPostmaster> {
  const { port } = spec;
  const launch = () => launchPostmaster(spec);
  let child = await launch();
  let stopped = false;
  let restarts = 0;
  let restarting: Promise<void> | null = null;

  const supervise = (c: ChildProcess) => {
    c.once('exit', (code, signal) => {
      if (stopped || c !== child) return;
      warn(`The embedded PostgreSQL stopped (${signal ?? `exit ${code}`}); restarting it on port ${port}.`);
      restarting = (async () => {
        for (let attempt = 1; !stopped; attempt++) {
          try {
            child = await launch();
            if (stopped) {
              child.kill('SIGINT');
              return;
            }
            restarts++;
            warn(`The embedded PostgreSQL is running again (port ${port}, attempt ${attempt}).`);
            supervise(child);
            return;
          } catch (e) {
            const delay = restartBackoffMs(attempt);
            warn(
              `Restarting the embedded PostgreSQL failed (attempt ${attempt}); next try in ${delay} ms: ` +
                (e as Error).message.split('\n').slice(0, 3).join(' '),
            );
            await new Promise((r) => setTimeout(r, delay).unref());
          }
        }
      })().finally(() => (restarting = null));
    });
  };
  supervise(child);

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      stopped = true;
      await restarting;
      const c = child;
      if (c.exitCode !== null || c.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGINT');
        setTimeout(() => {
          if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
        }, 10_000).unref();
      });
    })());

  return {
    stop,
    pid: () => child.pid ?? null,
    get restarts() {
      return restarts;
    },
  };
}

/** Wait before the n-th restart attempt: 100 ms, 200 ms, 400 ms … at most 5 s. */
export function restartBackoffMs(attempt: number): number {
  return Math.min(100 * 2 ** Math.max(0, attempt - 1), 5_000);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitFor(cond: () => boolean | Promise<boolean>, ms: number, stepMs = 50): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return cond();
}

/** A postmaster left behind by a killed app: stop it (its clients are gone) or clear its pid file. */
export async function recoverStale(dataDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && processAlive(pid)) {
    log(`A PostgreSQL server (pid ${pid}) from an earlier run is still using ${dataDir}; stopping it.`);
    try {
      process.kill(pid, 'SIGINT'); // fast shutdown
    } catch {
      /* gone meanwhile */
    }
    if (!(await waitFor(() => !processAlive(pid), 15_000))) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      await waitFor(() => !processAlive(pid), 5_000);
    }
  }
  if (fs.existsSync(pidFile) && !(pid > 0 && processAlive(pid))) fs.rmSync(pidFile, { force: true });
}

async function canConnect(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  c.on('error', () => undefined);
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}
