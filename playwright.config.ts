import { defineConfig } from '@playwright/test';

/** End-to-end tests: the built extension in Debian's Chromium, the crawler against the demo portal. */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/build-extension.ts',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    launchOptions: { executablePath: '/usr/bin/chromium' },
  },
});
