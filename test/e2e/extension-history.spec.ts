/** History: one agency's 2019 and 2020 reports side by side, the carry-over check, fetching earlier years, options page. */
import { expect, test } from '@playwright/test';
import { launchLab, ORIGIN, HOST, panel, type Lab } from '../fixtures/extension/harness.ts';
import { PATHS } from '../fixtures/extension/server.ts';
import { COLUMN_NB } from '../fixtures/extension/pages.ts';

let lab: Lab;
test.beforeEach(async () => { lab = await launchLab(); });
test.afterEach(async () => { await lab.close(); });

const storedYears = (l: Lab) => l.sw.evaluate(async () => {
  const db = (globalThis as unknown as { lensDb: { reports: { toArray(): Promise<{ agency: string; year: number }[]> } } }).lensDb;
  return (await db.reports.toArray()).map((e) => `${e.agency}|${e.year}`).sort();
});

test('visiting 2019 then 2020 shows the history, deltas, chart and the carry-over check', async ({}, info) => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.water2019);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('year')).toHaveText('2019');
  await expect(page.getByTestId('errors')).toHaveText('0');
  await expect(page.locator('#gongkai-lens [data-testid="years"]')).toHaveCount(0);

  await page.goto(ORIGIN + PATHS.water2020);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('year')).toHaveText('2020');
  const years = page.locator('#gongkai-lens [data-testid="years"] tbody tr');
  await expect(years).toHaveCount(2);
  await expect(years.nth(0)).toHaveAttribute('data-year', '2019');
  await expect(years.nth(1)).toContainText('(−1)'); // received 30 → 29
  await expect(page.locator('#gongkai-lens [data-testid="chart"]')).toBeVisible();
  // 2019 carried 2 forward; 2020 says 0 carried over.
  const carry = page.locator('#gongkai-lens [data-testid="cross-year"] [data-check="history.carry-over"]');
  await expect(carry).toHaveAttribute('data-status', 'fail');
  // Outcome statements, not the problem plus 通过; ids only under 详情.
  await expect(carry.getByTestId('statement')).toHaveText('上年结转衔接：不一致（本年上年结转 0，2019年结转下年度 2，共 2 列不一致）');
  await expect(page.locator('#gongkai-lens [data-testid="cross-year"] [data-check="history.missing-year"] [data-testid="statement"]')).toHaveText('往年报告：齐全');
  const crossText = await page.locator('#gongkai-lens [data-testid="cross-year"]').innerText();
  expect(crossText).not.toMatch(/通过|history\.|衔接不上/);
  // Headers and figures of the years table stay on one line each.
  const wrapped = await page.locator('#gongkai-lens [data-testid="years"]').evaluate((t) => Array.from(t.querySelectorAll('th, td')).filter((c) => {
    const r = document.createRange();
    r.selectNodeContents(c);
    return new Set(Array.from(r.getClientRects()).filter((x) => x.width > 0).map((x) => Math.round(x.top))).size > 1;
  }).map((c) => c.textContent));
  expect(wrapped).toEqual([]);
  const finding = page.locator('#gongkai-lens li.gl-finding[data-check="history.carry-over"]');
  expect(await finding.count()).toBeGreaterThanOrEqual(1);
  await expect(finding.first()).toContainText('2');
  expect(Number(await page.getByTestId('errors').innerText())).toBeGreaterThanOrEqual(1);
  await finding.first().click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: info.outputPath('history-2020.png') });
  // The history part of the panel: years, chart, the cross-year statements.
  await page.locator('#gongkai-lens [data-testid="cross-year"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('history-panel.png') });

  expect(await storedYears(lab)).toEqual(expect.arrayContaining([expect.stringMatching(/水利局\|2019$/), expect.stringMatching(/水利局\|2020$/)]));

  // The options page browses the same history.
  const options = await lab.context.newPage();
  await options.goto(`chrome-extension://${lab.extensionId}/options.html`);
  await expect(options.getByTestId('history-browser')).toContainText('水利局');
  await expect(options.locator('[data-testid="years"] tbody tr')).toHaveCount(2);
  // Opening a stored year lists its findings, the cross-year ones included.
  await options.locator('[data-testid="entries"] tr[data-entry="2020"]').click();
  await expect(options.locator('[data-testid="entry-findings"] [data-check="history.carry-over"]').first()).toBeVisible();
  await options.screenshot({ path: info.outputPath('options.png'), fullPage: true });
});

test('fetching earlier years from the portal column (same origin only)', async ({}, info) => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.water2020);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#gongkai-lens [data-testid="years"]')).toHaveCount(0);
  await page.locator('#gongkai-lens [data-testid="fetch-earlier"]').click();
  await expect(page.locator('#gongkai-lens [data-testid="years"] tbody tr')).toHaveCount(2, { timeout: 15_000 });
  await expect(page.locator('#gongkai-lens [data-testid="cross-year"] [data-check="history.carry-over"]')).toHaveAttribute('data-status', 'fail');
  await page.screenshot({ path: info.outputPath('fetched.png') });
  // Requests went to the portal only: the column page and the 2019 report, nothing else.
  expect(lab.site.requests.every((r) => r.startsWith(HOST))).toBe(true);
  expect(lab.site.requests).toContain(`${HOST}${COLUMN_NB}`); // the breadcrumb's column link
  expect(lab.site.requests).toContain(`${HOST}${PATHS.water2019}`);
  expect(lab.site.requests.some((r) => r.includes('1001'))).toBe(false); // another agency's report is not fetched
});

test('a column link that redirects to another host is not followed; the next candidate is used', async () => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.water2020moved);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await page.locator('#gongkai-lens [data-testid="fetch-earlier"]').click();
  await expect(page.locator('#gongkai-lens [data-testid="years"] tbody tr')).toHaveCount(2, { timeout: 15_000 });
  expect(lab.site.requests).toContain(`${HOST}${PATHS.moved}`);
  expect(lab.site.requests.filter((r) => !r.startsWith(HOST))).toEqual([]);
});

test('import a crawler export (JSON contracts) and export the history', async ({}, info) => {
  const options = lab.page;
  await options.goto(`chrome-extension://${lab.extensionId}/options.html`);
  // A crawler export: JSON contracts as `gongkai parse --json` prints them, plus one bad item.
  const exportFile = await options.evaluate(async () => {
    const row = (n: number | null) => [n === null ? '' : String(n), '', '', '', '', '', n === null ? '' : String(n)];
    const contract = (year: number, received: number, forward: number) => ({
      schema: 'gongkai.report/1', agency: '某县交通运输局', year, template: '2019', title: `某县交通运输局${year}年政府信息公开工作年度报告`,
      publishedAt: `${year + 1}-01-20`, source: { kind: 'html', name: null, url: null, encoding: null, ocr: false },
      tables: { table2: null, table3: null, table4: null },
      printed: { table2: null, table3: { newReceived: row(received), carriedOver: row(0), granted: row(received - forward), total: row(received - forward), carriedForward: row(forward) }, table4: Array(15).fill('0') },
      findings: [], checks: [], score: 100, notes: [],
    });
    // As `gongkai export --format json` writes it: contracts with their URL, secondary copies marked.
    return JSON.stringify({ schema: 'gongkai.crawl/1', contracts: [
      { url: 'http://jtj.example.gov.cn/a/2021.htm', primary: true, ...contract(2021, 10, 1) },
      { url: 'http://jtj.example.gov.cn/a/2022.htm', primary: true, ...contract(2022, 14, 0) },
      { url: 'http://jtj.example.gov.cn/a/2022-old.htm', primary: false, ...contract(2022, 99, 0) },
      { schema: 'nonsense' },
    ] });
  });
  await options.getByTestId('import').setInputFiles({ name: 'crawler-export.json', mimeType: 'application/json', buffer: Buffer.from(exportFile) });
  await expect(options.getByTestId('import-note')).toContainText('2');
  await expect(options.getByTestId('import-note')).toContainText('1');
  await expect(options.getByTestId('history-browser')).toContainText('交通运输局');
  await expect(options.locator('[data-testid="years"] tbody tr')).toHaveCount(2);
  await options.screenshot({ path: info.outputPath('import.png'), fullPage: true });

  const download = options.waitForEvent('download');
  await options.getByTestId('export').click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  expect(data.format).toBe('gongkai-lens-history/1');
  expect(data.entries.map((e: { year: number }) => e.year).sort()).toEqual([2021, 2022]);
  expect(data.entries.map((e: { url: string }) => e.url).sort()).toEqual(['http://jtj.example.gov.cn/a/2021.htm', 'http://jtj.example.gov.cn/a/2022.htm']);

  // Deleting the history empties the store.
  options.once('dialog', (d) => void d.accept());
  await options.getByTestId('clear').click();
  await expect(options.locator('[data-testid="years"]')).toHaveCount(0);
  expect(await storedYears(lab)).toEqual([]);
});
