import { accessSync, constants } from 'node:fs';

/** Flags every Chromium gets here: no sandbox (root), and no calls to the outside world. */
const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Flags of the packaged Chromium we drop: they would switch off what the journeys check (same-origin, CSP). */
const UNSAFE_PACKAGED_ARGS = new Set([
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--single-process',
]);

export interface Browser {
  executablePath: string;
  args: string[];
  source: 'CHROMIUM_PATH' | 'system' | 'packaged';
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser for the journeys, so that `npm test` works on a machine with only Node and npm:
 * `CHROMIUM_PATH` when set, else the system's `/usr/bin/chromium` when present, else the Chromium
 * shipped inside the `@sparticuz/chromium` package (unpacked to /tmp/chromium on first use).
 */
export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  if (env.CHROMIUM_PATH) {
    if (!executable(env.CHROMIUM_PATH))
      throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file`);
    return { executablePath: env.CHROMIUM_PATH, args: COMMON_ARGS, source: 'CHROMIUM_PATH' };
  }
  if (executable('/usr/bin/chromium')) {
    return { executablePath: '/usr/bin/chromium', args: COMMON_ARGS, source: 'system' };
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  const executablePath = await packaged.executablePath();
  const args = [...new Set([...packaged.args.filter((a) => !UNSAFE_PACKAGED_ARGS.has(a)), ...COMMON_ARGS])];
  return { executablePath, args, source: 'packaged' };
}
