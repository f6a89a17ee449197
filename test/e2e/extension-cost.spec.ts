/**
 * Cost on a huge page: seed 001 followed by an appendix table of 100,000 cells. The lens reads the
 * page in slices and gives up with "页面过大，未检查"; the page's main thread is never blocked for
 * more than 50 ms at a time (long tasks recorded by the page itself). Building a document this
 * large is itself one long task of the browser's, before DOMContentLoaded; content scripts run after
 * it, so the long tasks that count are those after it. The same page where the extension does not
 * run is the control: after DOMContentLoaded it has none of its own.
 */
import { expect, test, type Page } from '@playwright/test';
import { launchLab, ORIGIN, panel, UNLISTED_ORIGIN, type Lab } from '../fixtures/extension/harness.ts';
import { PATHS } from '../fixtures/extension/server.ts';

let lab: Lab;
test.beforeEach(async () => { lab = await launchLab(); });
test.afterEach(async () => { await lab.close(); });

/** Long tasks that began once the document was parsed (the parse's own task ends with DOMContentLoaded). */
const longTasks = (page: Page) => page.evaluate(() => {
  const w = window as unknown as { __longTasks: { start: number; ms: number }[]; __parsedAt?: number };
  return { parsedAt: w.__parsedAt ?? null, after: w.__longTasks.filter((t) => t.start >= (w.__parsedAt ?? 0)) };
});
const cells = (page: Page) => page.evaluate(() => document.getElementsByTagName('td').length);

test('a 100,000-cell page: given up in slices, no long task over 50 ms', async ({}, info) => {
  const { page } = lab;
  // Control: the page alone (a site the extension may not read) blocks nothing itself.
  await page.goto(UNLISTED_ORIGIN + PATHS.huge);
  expect(await cells(page)).toBeGreaterThan(100_000);
  await page.waitForTimeout(2000);
  expect(await longTasks(page)).toMatchObject({ parsedAt: expect.any(Number), after: [] });

  await page.goto(ORIGIN + PATHS.huge);
  const tooBig = page.locator('#gongkai-lens [data-testid="too-big"]');
  await expect(tooBig).toBeVisible({ timeout: 30_000 });
  await expect(tooBig).toContainText('页面过大，未检查');
  await expect(panel(page).locator('[data-testid="verdict"]')).toHaveCount(0);
  await page.waitForTimeout(1500);
  expect(await longTasks(page)).toMatchObject({ parsedAt: expect.any(Number), after: [] });
  await page.screenshot({ path: info.outputPath('too-big.png') });
});
