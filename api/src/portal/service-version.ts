import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../common/config/config.js';

/** The service version shown on the help page: the root package.json's `version`. */
export const SERVICE_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();
