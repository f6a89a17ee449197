/**
 * What a hostile site cannot do to the lens:
 * - poison the history: a "2019" of the water bureau published on another origin (with a forged
 *   结转 777) never enters the cross-year checks of the bureau's real 2020 report on its own site;
 * - read or rewrite the overlay: with the production build (closed shadow roots) a page script
 *   finds the host element but no shadow root, cannot rewrite the verdict, and its synthetic clicks
 *   where the panel is on screen do not press 获取往年报告; the popup — out of the page's reach —
 *   shows the real verdict;
 * - press the lens's buttons even where it can reach them: with open shadow roots (the inspect build)
 *   the page's untrusted click on 获取往年报告 is ignored (the `isTrusted` guard), while a real click
 *   fetches the earlier years.
 */
import { expect, test } from '@playwright/test';
import { EXT_DIR_CLOSED, launchLab, ORIGIN, panel, type Lab } from '../fixtures/extension/harness.ts';
import { EVIL_ORIGIN, PATHS } from '../fixtures/extension/server.ts';

let lab: Lab | null = null;
/** What 获取往年报告 would request on seed 001's page: its column (from the breadcrumb) and the reports listed there. */
const earlierYearRequests = (l: Lab) => l.site.requests.filter((r) => r.endsWith('/zwgk/zfxxgk/zfxxgknb/') || r.includes('/zwgk/zfxxgk/zfxxgknb/index') || r.includes('t20200116'));
test.afterEach(async () => { await lab?.close(); lab = null; });

const stored = (l: Lab) => l.sw.evaluate(async () => {
  const db = (globalThis as unknown as { lensDb: { reports: { toArray(): Promise<{ site: string; agency: string; year: number; report: { table3: { rows: { key: string; cells: { value: number | null }[] }[] } | null } }[]> } } }).lensDb;
  return (await db.reports.toArray()).map((e) => ({ site: e.site, agency: e.agency, year: e.year,
    carriedForward: e.report.table3?.rows.find((r) => r.key === 'carriedForward')?.cells[6]?.value ?? null }));
});

test('a forged year from another origin changes nothing on the real report', async () => {
  lab = await launchLab();
  const { page } = lab;
  // The real 2020 report alone: its verdict without any history.
  await page.goto(ORIGIN + PATHS.water2020);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  const errorsAlone = await page.getByTestId('errors').innerText();
  const warningsAlone = await page.getByTestId('warnings').innerText();

  // The forgery, on another origin, titled and named as the bureau's 2019.
  await page.goto(EVIL_ORIGIN + PATHS.forged2019);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('year')).toHaveText('2019');
  const all = await stored(lab);
  const forged = all.find((e) => e.year === 2019);
  expect(forged).toMatchObject({ site: EVIL_ORIGIN, agency: '嘉兴市水利局', carriedForward: 777 });

  // Back on the real site: the forged year is not used — no years table, no carry-over error.
  await page.goto(ORIGIN + PATHS.water2020);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('year')).toHaveText('2020');
  await expect(page.locator('#gongkai-lens [data-testid="years"]')).toHaveCount(0);
  await expect(page.locator('#gongkai-lens li.gl-finding[data-check="history.carry-over"]')).toHaveCount(0);
  await expect(page.getByTestId('errors')).toHaveText(errorsAlone);
  await expect(page.getByTestId('warnings')).toHaveText(warningsAlone);
  // The forged entry stays filed under its own site; the real site's history has only its own year.
  expect((await stored(lab)).filter((e) => e.site === ORIGIN).map((e) => e.year)).toEqual([2020]);
});

test('page script cannot read or rewrite the overlay; the popup shows the real verdict', async () => {
  lab = await launchLab({ extDir: EXT_DIR_CLOSED });
  const { page, context, extensionId, sw } = lab;
  await page.goto(ORIGIN + PATHS.forger);
  // The lens host is in the page (light DOM); its content is not reachable from here.
  await expect(page.locator('#gongkai-lens')).toHaveCount(1, { timeout: 15_000 });
  // Wait for the verdict the lens reports to the background (the popup's source).
  const tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? null, ORIGIN + PATHS.forger);
  expect(tabId).not.toBeNull();
  await expect.poll(() => sw.evaluate(async (id) => ((await chrome.storage.session.get(`verdict:${id}`))[`verdict:${id}`] as { line?: { zh: string } } | undefined)?.line?.zh ?? null, tabId),
    { timeout: 15_000 }).toContain('警告 1');
  // Let the attack script run its course (8 s of tries), then read what it achieved.
  await page.waitForFunction(() => (window as unknown as { __forge: { tries: number } }).__forge.tries > 80, undefined, { timeout: 20_000 });
  const forge = await page.evaluate(() => (window as unknown as { __forge: Record<string, unknown> }).__forge);
  expect(forge).toMatchObject({ hostFound: true, shadowRead: false, rewrote: false, attachThrew: true, clicked: 0, clickedInside: 0 });
  // Its synthetic clicks did land where the panel is (on the host: the page sees nothing deeper)…
  expect(forge.pointHits).toBeGreaterThan(0);
  // …and pressed nothing: no request for the column or an earlier year.
  expect(earlierYearRequests(lab)).toEqual([]);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await expect(popup.getByTestId('popup-verdict')).toContainText('警告 1');
  await expect(popup.getByTestId('authoritative')).toContainText('以此处结论为准');
});

test('an untrusted click the page manages to deliver does not run 获取往年报告; a real click does', async () => {
  // Open shadow roots: the page reaches the button itself and clicks it (never rewriting: #click-only).
  lab = await launchLab();
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.forger + '#click-only');
  const button = page.locator('#gongkai-lens [data-testid="fetch-earlier"]');
  await expect(button).toBeVisible({ timeout: 15_000 });
  await page.waitForFunction(() => (window as unknown as { __forge: { tries: number } }).__forge.tries > 80, undefined, { timeout: 20_000 });
  const forge = await page.evaluate(() => (window as unknown as { __forge: Record<string, unknown> }).__forge);
  expect(forge).toMatchObject({ shadowRead: true, rewrote: false });
  expect(forge.clickedInside).toBeGreaterThan(10);
  expect(earlierYearRequests(lab)).toEqual([]);
  await expect(page.locator('#gongkai-lens [data-testid="fetch-state"]')).toHaveCount(0);
  // The user's own click is trusted: the lens asks the portal's column for earlier years.
  await button.click();
  await expect(page.locator('#gongkai-lens [data-testid="fetch-state"]')).toBeVisible({ timeout: 15_000 });
  expect(earlierYearRequests(lab).length).toBeGreaterThan(0);
});
