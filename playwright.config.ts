import { defineConfig } from '@playwright/test';

/** End-to-end tests: the built extension in Debian's Chromium, the crawler against the demo portal. */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/build-extension.ts',
  timeout: 120_000,
  workers: 1,
  // On CI's loaded 2-core machine a browser test may time out once; a retry is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    launchOptions: { executablePath: '/usr/bin/chromium' },
  },
});
