/** The extension on the demo portal (test/fixtures/portal): real-looking sites of four CMS styles. */
import { expect, test } from '@playwright/test';
import { launchBrowser, panel, type Browser } from '../fixtures/extension/harness.ts';
import { startPortal, type Portal } from '../fixtures/portal/server.ts';

let portal: Portal;
let b: Browser;
test.beforeEach(async () => {
  // Column dates relative to today, as the extension judges freshness against the real clock.
  portal = await startPortal({ now: new Date().toISOString().slice(0, 10) });
  b = await launchBrowser(portal.hostRules);
});
test.afterEach(async () => { await b.close(); await portal.close(); });

const HZ = 'http://www.example.gov.cn';
const JX = 'http://sthjj.jiaxing.example.gov.cn';
const NB = '/zwgk/zfxxgk/zfxxgknb/';

test('city government: two years in a row, then earlier years fetched from its own column only', async ({}, info) => {
  const { page } = b;
  await page.goto(`${HZ}${NB}202103/t20210320_80571.htm`);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('year')).toHaveText('2020');
  await expect(page.getByTestId('agency')).toContainText('杭州市人民政府');

  await page.goto(`${HZ}${NB}202203/t20220321_80572.htm`);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#gongkai-lens [data-testid="years"] tbody tr')).toHaveCount(2);
  await expect(page.locator('#gongkai-lens [data-testid="cross-year"] [data-check="history.carry-over"]')).toHaveAttribute('data-status', /pass|fail/);

  await page.goto(`${HZ}${NB}202503/t20250324_80575.htm`);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await page.locator('#gongkai-lens [data-testid="fetch-earlier"]').click();
  await expect(page.getByTestId('fetch-state')).toBeVisible({ timeout: 20_000 });
  // 2020 and 2021 were stored by the visits; 2023 and 2022 come from the column's first page and
  // 2019 from its second (index_1.html): six years in all.
  await expect(page.locator('#gongkai-lens [data-testid="years"] tbody tr')).toHaveCount(6, { timeout: 20_000 });
  await page.screenshot({ path: info.outputPath('portal-hz-2024.png') });
  // The column also lists another agency's reports on another host: never requested.
  const hosts = new Set([...portal.hits.keys()].map((k) => k.split('/')[0]));
  expect([...hosts]).toEqual(['www.example.gov.cn']);
});

test('an earlier year on the second page of the column (TRS pager, index_1.html)', async () => {
  const { page } = b;
  await page.goto(`${HZ}${NB}202103/t20210320_80571.htm`);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await page.locator('#gongkai-lens [data-testid="fetch-earlier"]').click();
  await expect(page.locator('#gongkai-lens [data-testid="years"] tbody tr')).toHaveCount(2, { timeout: 20_000 });
  await expect(page.locator('#gongkai-lens [data-testid="years"] tbody tr').first()).toHaveAttribute('data-year', '2019');
  expect(portal.hits.has(`www.example.gov.cn${NB}index_1.html`)).toBe(true);
});

test('a Hanweb site: earlier years from the data proxy of its annual-report column, found through the section page', async () => {
  const { page } = b;
  const YJ = 'http://yjglj.example.gov.cn';
  // The column's list arrives by XHR; take the 2023 report's address from it.
  await page.goto(`${YJ}/col/col1229007/index.html`);
  const link = page.locator('a', { hasText: '2023年政府信息公开工作年度报告' });
  await expect(link).toHaveCount(1, { timeout: 15_000 });
  await page.goto(new URL((await link.getAttribute('href'))!, YJ).href);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('year')).toHaveText('2023');
  await page.locator('#gongkai-lens [data-testid="fetch-earlier"]').click();
  // 2022, 2021 and 2020 (seed 003, no table 3: its figures stay unknown, not zero).
  await expect(page.locator('#gongkai-lens [data-testid="years"] tbody tr')).toHaveCount(4, { timeout: 20_000 });
  // The article names no column: the section's hub page (政府信息公开) led to it.
  expect(portal.hits.has('yjglj.example.gov.cn/col/col1229000/index.html')).toBe(true);
  expect([...portal.hits.keys()].every((k) => k.startsWith('yjglj.example.gov.cn/'))).toBe(true);
});

test('嘉兴 (seed 001 published by a TRS site): the warning; its attachment article gets badges', async ({}, info) => {
  const { page } = b;
  await page.goto(`${JX}${NB}202101/t20210120_2101.htm`);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#gongkai-lens li.gl-finding[data-check="prose.received"]')).toHaveCount(1);
  const idx = await page.locator('#gongkai-lens li.gl-finding[data-check="prose.received"]').getAttribute('data-finding');
  await expect(page.locator(`#gongkai-lens .gl-box[data-finding="${idx}"][data-kind="cell"]`)).toHaveCount(1);
  await page.screenshot({ path: info.outputPath('portal-jx-2101.png') });

  await page.goto(`${JX}${NB}202101/t20210121_2103.htm`);
  const badges = page.locator('gongkai-lens-badge .gl-badge');
  await expect(badges.first()).toBeVisible({ timeout: 15_000 });
  await expect(badges.first()).not.toHaveAttribute('data-state', 'checking', { timeout: 15_000 });
  await page.screenshot({ path: info.outputPath('portal-jx-attachments.png') });
});

test('a GBK site (shtml CMS): the report is read, earlier years are fetched and decoded', async ({}, info) => {
  const { page } = b;
  const CA = 'http://www.ca.example.gov.cn';
  await page.goto(`${CA}${NB}content/post_5505.html`);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('agency')).toContainText('淳安县人民政府');
  await expect(page.getByTestId('year')).toHaveText('2023');
  await page.locator('#gongkai-lens [data-testid="fetch-earlier"]').click();
  await expect(page.locator('#gongkai-lens [data-testid="years"] tbody tr')).toHaveCount(5, { timeout: 20_000 });
  await expect(page.locator('#gongkai-lens [data-testid="years"] tbody tr').first()).toHaveAttribute('data-year', '2019');
  await page.screenshot({ path: info.outputPath('portal-ca-2023.png') });
  // The 淳安分局 report in the same column belongs to another agency: not fetched.
  expect([...portal.hits.keys()].some((k) => k.includes('post_5520'))).toBe(false);
});

test('column pages of the portal: fresh news, empty column, stale notices', async () => {
  const { page } = b;
  const v = page.locator('#gongkai-lens [data-testid="column-verdict"]');
  await page.goto(`${HZ}/zwgk/zfxxgk/fdzdgknr/gzdt/`);
  await expect(v).toHaveAttribute('data-freshness', 'fresh', { timeout: 15_000 });
  await expect(v).toContainText('工作动态'); // the TRS ColumnName meta
  await expect(v).toContainText('共 9 页'); // from the createPageHTML pager
  await page.goto(`${HZ}/zwgk/zfxxgk/fdzdgknr/ghxx/`);
  await expect(v).toHaveAttribute('data-freshness', 'empty', { timeout: 15_000 });
  await page.goto('http://sthjj.example.gov.cn/zwgk/zfxxgk/fdzdgknr/tzgg/');
  await expect(v).toHaveAttribute('data-freshness', 'stale', { timeout: 15_000 });
  // A home page is judged like a dynamic column (2 weeks); 应急管理局's newest item is 3 days old.
  await page.goto('http://yjglj.example.gov.cn/');
  await expect(v).toHaveAttribute('data-freshness', 'fresh', { timeout: 15_000 });
  await expect(v).toContainText('首页');
  await expect(v).toContainText('14');
  // Hanweb: the list arrives by XHR from the data proxy after the page loads.
  await page.goto('http://yjglj.example.gov.cn/col/col1229005/index.html');
  await expect(v).toHaveAttribute('data-freshness', 'fresh', { timeout: 15_000 });
  expect(Number(await page.getByTestId('column-count').innerText())).toBeGreaterThan(0);
});
