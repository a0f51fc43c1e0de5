import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real app through `npm run web` (the core on 127.0.0.1, the built renderer) in Debian's
// Chromium. Build first: `npm run test:e2e` does. The Electron shell test (test/e2e/electron.spec.ts) runs only
// where the Electron runtime is installed, and says so when it is not. The 100,000-conversation test
// (test/e2e/scale.spec.ts) is not part of `npm test`: `npm run test:scale` runs it (playwright.scale.config.ts),
// before each release.
const PORT = Number(process.env.CANDOR_E2E_PORT ?? 4791);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// `npm run web` signs a browser in once, through the link it prints; the run chooses that link's key, opens it once
// (test/e2e/sign-in.ts, after the server is up) and gives every test the browser state it left: the HttpOnly cookie.
process.env.CANDOR_E2E_LOGIN_KEY ??= randomBytes(24).toString('base64url');
export const SIGNED_IN_STATE = 'test-results/e2e-signed-in.json';

export default defineConfig({
  testDir: 'test/e2e',
  testIgnore: ['scale.spec.ts'],
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two spec files at a time: each works in its own folder and each page load is a tab session of its own (its own
  // open workspace, electron/core/web-sessions.ts), so they share only the server; tests inside a file stay in order.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './test/e2e/sign-in.ts',
  use: {
    storageState: SIGNED_IN_STATE,
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1360, height: 860 },
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node electron/cli/web.ts --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
    env: { CANDOR_ACTOR: 'e2e-curator', CANDOR_WEB_LOGIN_KEY: process.env.CANDOR_E2E_LOGIN_KEY },
  },
});
