/// <reference types="chrome" />
/** Attachments, column pages, the popup, the kill-switch, and a page that is none of ours. */
import { expect, test } from '@playwright/test';
import { launchLab, ORIGIN, HOST, panel, type Lab } from '../fixtures/extension/harness.ts';
import { PATHS } from '../fixtures/extension/server.ts';

let lab: Lab;
test.beforeEach(async () => { lab = await launchLab(); });
test.afterEach(async () => { await lab.close(); });

const tabIdOf = (l: Lab, url: string) => l.sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? null, url);

test('an attachment link gets a badge; other sites are never requested', async ({}, info) => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.attachment);
  const badges = page.locator('gongkai-lens-badge .gl-badge');
  await expect(badges).toHaveCount(3, { timeout: 15_000 });
  await expect(badges.nth(0)).not.toHaveAttribute('data-state', 'checking', { timeout: 15_000 });
  const first = await badges.nth(0).getAttribute('data-state');
  expect(['checked', 'not-checked']).toContain(first);
  await expect(badges.nth(0)).toContainText('公开镜');
  // The same-origin PDF is downloaded and checked in the background (details: extension-pdf.spec.ts).
  await expect(badges.nth(0)).toHaveAttribute('data-state', 'checked', { timeout: 60_000 });
  expect(lab.site.requests).toContain(`${HOST}${PATHS.pdf}`);
  // The other site's link is refused without a request.
  await expect(badges.nth(1)).toHaveAttribute('data-state', 'not-checked');
  await expect(badges.nth(1)).toContainText('不跨站');
  // A Word file opened by window.open('….doc') gets its badge too: Word is left to the CLI.
  await expect(badges.nth(2)).toHaveAttribute('data-state', 'not-checked');
  await expect(badges.nth(2)).toContainText('Word');
  expect(await page.evaluate(() => document.querySelector('a[onclick*=".doc"]')?.nextElementSibling?.tagName)).toBe('GONGKAI-LENS-BADGE');
  expect(lab.site.requests.some((r) => r.endsWith('.doc'))).toBe(false);
  // The badge sits right after its link, and the link still works as before.
  expect(await page.evaluate(() => document.querySelector('a[href$=".pdf"]')?.nextElementSibling?.tagName)).toBe('GONGKAI-LENS-BADGE');
  await expect(panel(page)).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('attachment.png') });
  // The language setting reaches the badges at once.
  await lab.sw.evaluate(() => chrome.storage.local.set({ lang: 'en' }));
  await expect(badges.nth(0)).toContainText('Warnings');
  await expect(badges.nth(1)).toContainText('not checked');
});

test('column pages: a stale news column, a fresh notice column, an empty column', async ({}, info) => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.news);
  const v = page.locator('#gongkai-lens [data-testid="column-verdict"]');
  await expect(v).toHaveAttribute('data-freshness', 'stale', { timeout: 15_000 });
  await expect(v).toContainText('15');
  await expect(v).toContainText('未按时更新');
  await expect(v).toContainText('14');
  await page.screenshot({ path: info.outputPath('column-news.png') });

  await page.goto(ORIGIN + PATHS.notices);
  await expect(v).toHaveAttribute('data-freshness', 'fresh', { timeout: 15_000 });
  await expect(v).toContainText('183');

  await page.goto(ORIGIN + PATHS.empty);
  await expect(v).toHaveAttribute('data-freshness', 'empty', { timeout: 15_000 });
  await expect(v).toContainText('空白栏目');
});

test('the annual-report column lists each agency\'s years and the years missing', async ({}, info) => {
  const { page } = lab;
  // Read the 2019 report first: the column then shows its score.
  await page.goto(ORIGIN + PATHS.water2019);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await page.goto(ORIGIN + PATHS.reportColumn);
  const rc = page.locator('#gongkai-lens [data-testid="report-column"]');
  await expect(rc).toBeVisible({ timeout: 15_000 });
  const water = rc.locator('tr[data-agency="市水利局"]');
  await expect(water.locator('[data-year]')).toHaveCount(2);
  // Reports from 2021 on were due by 31 March of the following year and are not in the column.
  const due = new Date().getUTCMonth() > 2 ? new Date().getUTCFullYear() - 1 : new Date().getUTCFullYear() - 2;
  expect(await water.getAttribute('data-missing')).toBe(Array.from({ length: due - 2020 }, (_, i) => 2021 + i).join(','));
  await expect(water.locator('[data-year="2019"] [data-score]')).toBeVisible();
  await expect(water.locator('[data-year="2020"] [data-score]')).toHaveCount(0);
  // A list page of reports is a column, not a report: only the 2019 report is in the history.
  expect(await lab.sw.evaluate(async () => (globalThis as unknown as { lensDb: { reports: { count(): Promise<number> } } }).lensDb.reports.count())).toBe(1);
  await page.screenshot({ path: info.outputPath('report-column.png') });
});

test('a page that is none of ours gets nothing', async () => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.plain);
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => document.querySelector('plasmo-csui, #gongkai-lens, gongkai-lens-badge'))).toBeNull();
});

test('popup shows the verdict; the kill-switch turns everything off for the site', async ({}, info) => {
  const { page, context, extensionId } = lab;
  await page.goto(ORIGIN + PATHS.seed001);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  const tabId = await tabIdOf(lab, ORIGIN + PATHS.seed001);
  expect(tabId).not.toBeNull();

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 340, height: 260 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await expect(popup.getByTestId('popup-verdict')).toContainText('警告 1');
  await popup.screenshot({ path: info.outputPath('popup.png') });
  // On a page that is none of ours, the tab's old verdict is not shown.
  await page.goto(ORIGIN + PATHS.plain);
  await popup.reload();
  await expect(popup.getByTestId('popup-verdict')).toContainText('不是年度报告');
  await page.goto(ORIGIN + PATHS.seed001);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await popup.reload();
  await expect(popup.getByTestId('popup-verdict')).toContainText('警告 1');
  const sw = popup.getByTestId('site-switch');
  await expect(sw).toBeChecked();
  await sw.uncheck();

  // The open page drops the lens at once …
  await expect(page.locator('#gongkai-lens')).toHaveCount(0);
  // … and nothing runs on the site any more, on any page.
  for (const p of [PATHS.seed001, PATHS.attachment, PATHS.news]) {
    await page.goto(ORIGIN + p);
    await page.waitForTimeout(1200);
    expect(await page.evaluate(() => document.querySelector('plasmo-csui, #gongkai-lens, gongkai-lens-badge'))).toBeNull();
  }
  // The options page lists the site as switched off; switching it back on (popup) restores it.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator(`[data-testid="sites"] [data-off="${ORIGIN}"]`)).toBeVisible();
  await options.screenshot({ path: info.outputPath('options-sites.png'), fullPage: true });
  await popup.reload();
  await popup.getByTestId('site-switch').check();
  await page.goto(ORIGIN + PATHS.seed001);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
});
