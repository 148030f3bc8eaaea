import fs from 'node:fs';
import path from 'node:path';
import type { EntitlementsDocument, SigningKeyView } from '@lc/shared';

/** What the simulated device keeps across runs (its "flash"): credential, camera ids, last valid document. */
export interface SavedState {
  url: string;
  type: 'recorder' | 'camera';
  serial: string;
  deviceId: string | null;
  credential: string | null;
  firmware: string;
  thumbnailCache: boolean;
  cameras: Array<{ channel: number; model: string; cameraId: string | null }>;
  /** The last document that passed verification, and the keys it was checked with. */
  document: EntitlementsDocument | null;
  keys: SigningKeyView[];
}

export function readState(file: string): SavedState | null {
  try {
    const s = JSON.parse(fs.readFileSync(file, 'utf8')) as SavedState;
    return s && typeof s.serial === 'string' && Array.isArray(s.cameras) ? s : null;
  } catch {
    return null;
  }
}

/** Written whole to a temporary file and renamed; readable by the owner only (it holds the credential). */
export function writeState(file: string, state: SavedState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** `.sim/<serial or e-mail and type>.json` under the working directory. */
export function defaultStatePath(cwd: string, name: string): string {
  return path.join(cwd, '.sim', `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`);
}
