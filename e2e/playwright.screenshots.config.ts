import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

/**
 * `npm run screenshots -w e2e`: the main pages in English and Japanese, written to
 * docs/screenshots/ (not part of `npm test`). Same app start as the journeys.
 */
export default defineConfig({
  ...base,
  testDir: 'screenshots',
  use: { ...base.use, viewport: { width: 1280, height: 800 } },
});
