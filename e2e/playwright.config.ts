import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { findBrowser } from './browser.js';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// A fresh data folder per run. Playwright loads this file again in each worker; the folder made by the
// main process is handed down through the environment so that only one is created.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'lc-e2e-'));
const dataDir = process.env.E2E_DATA_DIR;

// CHROMIUM_PATH, else the system's Chromium, else the one inside the @sparticuz/chromium package.
const browser = await findBrowser();
if (!process.env.E2E_BROWSER_ANNOUNCED) {
  process.env.E2E_BROWSER_ANNOUNCED = '1';
  console.log(`Browser journeys use ${browser.executablePath} (${browser.source})`);
}

export default defineConfig({
  testDir: 'tests',
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  use: {
    baseURL,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: browser.executablePath, args: browser.args },
  },
  webServer: {
    command: 'node ../api/dist/src/main.js',
    cwd: here,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      APP_ENV: 'test',
      SEED_DEMO: 'true',
      // The terms-of-use dialog would stand in front of every journey; the API tests cover it.
      TERMS_VERSION: 'off',
      JOBS_ENABLED: 'false',
    },
  },
});
