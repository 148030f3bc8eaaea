#!/usr/bin/env node
/**
 * The device simulator from the command line:
 *
 *   npm run sim -- --email customer@demo.example --password 'Demo!2026pass' --cameras 4
 *   npm run sim -- --email customer@demo.example --password 'Demo!2026pass' --direct
 *
 * See `--help`.
 */
import { parseArgs } from 'node:util';
import { servePage } from './page.js';
import { Simulator } from './simulator.js';
import { defaultStatePath } from './state-file.js';
import { describe, renderScreen } from './view.js';

const HELP = `Device simulator for the License Console

  --email <e-mail>          the contract holder's e-mail (to register; not needed with a saved credential)
  --password <password>     their password (or LC_SIM_PASSWORD)
  --cameras <n>             a recorder with cameras on channels 1..n (default 4, at most 64)
  --direct                  a camera-direct camera instead of a recorder
  --url <url>               the License Console (default http://127.0.0.1:3000)
  --serial <serial>         the device's serial (default: the saved one, else a random SIM-…)
  --state <file>            where the credential and last valid entitlements are kept
                            (default .sim/<serial, or e-mail and type>.json in the working directory)
  --port <n>                port of the local page (default 0: any free port, printed)
  --heartbeat-seconds <n>   heartbeat interval (default 30)
  --json                    machine-readable lines on stdout: {event: page|state|log, …}
  --raise-event <type[:ch]> once registered, raise that event (e.g. motion:1) and report it at once;
                            on a terminal the key e raises a motion event on the first camera
  --help                    this text
`;

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n\n${HELP}`);
  process.exit(2);
}

function int(name: string, value: string | undefined, def: number, min: number, max: number): number {
  if (value === undefined) return def;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

let args;
try {
  args = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      cameras: { type: 'string' },
      direct: { type: 'boolean', default: false },
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      serial: { type: 'string' },
      state: { type: 'string' },
      port: { type: 'string' },
      'heartbeat-seconds': { type: 'string' },
      json: { type: 'boolean', default: false },
      'raise-event': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (e) {
  fail((e as Error).message);
}
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

/** `--raise-event motion` or `motion:2`. */
function parseRaise(v: string | undefined): { type: string; channel?: number } | null {
  if (v === undefined) return null;
  const m = /^([a-z_]{1,40})(?::(\d{1,3}))?$/.exec(v);
  if (!m) fail('--raise-event must be <type> or <type>:<channel>, e.g. motion:1');
  return { type: m[1], channel: m[2] === undefined ? undefined : Number(m[2]) };
}
const raise = parseRaise(args['raise-event']);

const type = args.direct ? 'camera' : 'recorder';
const statePath =
  args.state ?? defaultStatePath(process.cwd(), args.serial ?? `${args.email ?? 'device'}-${type}`);
const sim = new Simulator({
  url: args.url,
  email: args.email,
  password: args.password ?? process.env.LC_SIM_PASSWORD,
  type,
  cameras: int('cameras', args.cameras, 4, 1, 64),
  serial: args.serial,
  statePath,
  heartbeatMs: int('heartbeat-seconds', args['heartbeat-seconds'], 30, 1, 3600) * 1000,
});
const page = await servePage(sim, int('port', args.port, 0, 0, 65535)).catch((e: Error) =>
  fail(`cannot open the local page: ${e.message}`),
);

const json = args.json;
const tty = !json && process.stdout.isTTY;
const out = (line: string) => process.stdout.write(line + '\n');

if (json) {
  out(JSON.stringify({ event: 'page', url: page.url, statePath }));
  sim.on('change', (s) => out(JSON.stringify({ event: 'state', ...s, log: undefined })));
  sim.on('log', (l) => out(JSON.stringify({ event: 'log', ...l })));
} else if (tty) {
  let timer: NodeJS.Timeout | null = null;
  const draw = () => {
    timer = null;
    process.stdout.write(
      '\x1b[H\x1b[2J' + renderScreen(sim.snapshot, page.url, process.stdout.columns || 100) + '\n',
    );
  };
  const soon = () => (timer ??= setTimeout(draw, 100));
  sim.on('change', soon);
  sim.on('log', soon);
  setInterval(soon, 1000).unref(); // the clock line
} else {
  out(`local page: ${page.url}  (state file ${statePath})`);
  let last = '';
  sim.on('change', (s) => {
    const lines = describe(s).filter((l) => !l.startsWith('device ')); // skip the line with the clock
    const text = lines.join('\n');
    if (text !== last) {
      last = text;
      out(`--- ${s.now}\n${describe(s).join('\n')}`);
    }
  });
  sim.on('log', (l) => out(`${l.at} ${l.level} ${l.message}`));
}

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await sim.stop();
  await page.close();
  if (tty) process.stdout.write('\n');
  process.exit(0);
};
sim.on('fatal', (message: string) => {
  process.stderr.write(`sim: ${message}\n`);
  void sim
    .stop()
    .then(() => page.close())
    .then(() => process.exit(1));
});
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

sim.start();

const raiseNow = async (eventType: string, channel?: number) => {
  try {
    await sim.raiseEvent(eventType, channel);
  } catch (e) {
    process.stderr.write(`sim: ${(e as Error).message}\n`);
  }
};

if (raise) {
  void sim
    .waitFor((s) => s.deviceId !== null && s.entitlements !== null, 60_000, 'registration')
    .then(() => raiseNow(raise.type, raise.channel))
    .catch((e: Error) => process.stderr.write(`sim: --raise-event: ${e.message}\n`));
}

// On a terminal: e = a motion event on the first camera now, q = quit (Ctrl+C still works).
if (tty && process.stdin.isTTY) {
  process.stdin.setRawMode(true);
  process.stdin.resume();
  process.stdin.on('data', (b: Buffer) => {
    const k = b.toString();
    if (k === '\u0003' || k === 'q') void shutdown();
    else if (k === 'e') void raiseNow('motion');
  });
}
