/**
 * Browser journeys (tests/e2e/**\/*.spec.ts) in the system's Debian Chromium (Playwright never
 * downloads a browser here). The global setup prepares a throwaway data directory with the CLI,
 * then starts the built server on a free port and stops it afterwards; run `npm run build` first
 * (`npm test` does).
 */
import { defineConfig } from '@playwright/test';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: './tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: './test-results',
  globalSetup: './tests/e2e/support/global-setup.ts',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // One server process and two cores: two browsers at a time keep the journeys fast and steady.
  workers: 2,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  reporter: 'list',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
