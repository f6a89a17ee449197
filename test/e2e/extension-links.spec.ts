/**
 * The user's links, end to end: another site's copy of an agency's year enters that agency's checks
 * on one site only after the user links it there in the options page (and the panel says which copy
 * is used); on a third site it stays out. And the background files no report under another site:
 * a `history:put` from a page whose report URL is another origin's is refused.
 */
import { expect, test } from '@playwright/test';
import { launchLab, ORIGIN, panel, type Lab } from '../fixtures/extension/harness.ts';
import { PATHS } from '../fixtures/extension/server.ts';

let lab: Lab | null = null;
test.afterEach(async () => { await lab?.close(); lab = null; });

/** A mirror of the portal (mapped to the same fixture server): the bureau's real 2019 served from another origin. */
const ARCHIVE = 'http://archive.example.gov.cn';
const THIRD = 'http://third.example.gov.cn';
const years = (l: Lab) => l.page.locator('#gongkai-lens [data-testid="years"] tbody tr');

test('linking a site in the options page lets its years into this site\'s checks only, and the panel says which copy', async () => {
  lab = await launchLab();
  const { page } = lab;
  await page.goto(ARCHIVE + PATHS.water2019);
  await expect(page.getByTestId('year')).toHaveText('2019', { timeout: 15_000 });
  await page.goto(ORIGIN + PATHS.water2020);
  await expect(page.getByTestId('year')).toHaveText('2020', { timeout: 15_000 });
  await expect(page.locator('#gongkai-lens [data-testid="years"]')).toHaveCount(0);
  await expect(page.locator('#gongkai-lens [data-testid="borrowed-copy"]')).toHaveCount(0);

  const options = await lab.context.newPage();
  await options.goto(`chrome-extension://${lab.extensionId}/options.html`);
  await options.locator(`.agencies button[data-site="${ORIGIN}"]`, { hasText: '水利局' }).click();
  const link = options.locator(`[data-testid="trust-site"][data-site="${ARCHIVE}"]`);
  await expect(link).toHaveAttribute('data-on', 'false');
  await link.click();
  await expect(link).toHaveAttribute('data-on', 'true');

  await page.bringToFront();
  await page.reload();
  await expect(page.getByTestId('year')).toHaveText('2020', { timeout: 15_000 });
  await expect(years(lab)).toHaveCount(2);
  await expect(page.locator('#gongkai-lens [data-testid="cross-year"] [data-check="history.carry-over"]')).toHaveAttribute('data-status', 'fail');
  const borrowed = page.locator('#gongkai-lens [data-testid="borrowed-copy"]');
  await expect(borrowed).toHaveCount(1);
  await expect(borrowed).toHaveText('2019年采用 archive.example.gov.cn 上的报告（您已确认）');

  // The link is for the bureau on www.example.gov.cn: the same 2020 on a third site gets no 2019.
  await page.goto(THIRD + PATHS.water2020);
  await expect(page.getByTestId('year')).toHaveText('2020', { timeout: 15_000 });
  await expect(panel(page)).toBeVisible();
  await expect(page.locator('#gongkai-lens [data-testid="years"]')).toHaveCount(0);
  await expect(page.locator('#gongkai-lens [data-testid="borrowed-copy"]')).toHaveCount(0);
});

test('a history:put from a page is refused when its report URL is another site\'s', async () => {
  lab = await launchLab();
  const { page, sw } = lab;
  await page.goto(ORIGIN + PATHS.water2020);
  await expect(page.getByTestId('year')).toHaveText('2020', { timeout: 15_000 });
  const tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? null, ORIGIN + PATHS.water2020);
  expect(tabId).not.toBeNull();
  // From the page's isolated world (as our content scripts send it): the stored entry, moved to another URL.
  const put = (url: string) => sw.evaluate(async ({ tabId, url }) => {
    const db = (globalThis as unknown as { lensDb: { reports: { toArray(): Promise<Record<string, unknown>[]> } } }).lensDb;
    const stored = (await db.reports.toArray())[0] as { report: { source: Record<string, unknown> } } & Record<string, unknown>;
    const entry = { ...stored, year: 2018, url, report: { ...stored.report, year: 2018, source: { ...stored.report.source, url } } };
    // As JSON text: executeScript's arguments lose nulls on the way (sendMessage keeps them).
    const [res] = await chrome.scripting.executeScript({ target: { tabId }, world: 'ISOLATED', args: [JSON.stringify(entry)],
      func: (e: string) => chrome.runtime.sendMessage({ type: 'history:put', entry: JSON.parse(e) }) });
    return res?.result ?? null;
  }, { tabId: tabId!, url });
  const sites = () => sw.evaluate(async () => (await (globalThis as unknown as { lensDb: { reports: { toArray(): Promise<{ site: string; year: number; url: string }[]> } } }).lensDb.reports.toArray()).map((e) => `${e.year} ${e.site} ${e.url}`).sort());

  expect(await put('http://evil.example.gov.cn/zwgk/2018.htm')).toBe(false);
  expect(await sites()).toEqual([`2020 ${ORIGIN} ${ORIGIN}${PATHS.water2020}`]);
  // The same entry with a URL of the page's own site is taken (the refusal is the URL's, not the channel's).
  expect(await put(`${ORIGIN}/zwgk/2018.htm`)).toBe(true);
  expect(await sites()).toEqual([`2018 ${ORIGIN} ${ORIGIN}/zwgk/2018.htm`, `2020 ${ORIGIN} ${ORIGIN}${PATHS.water2020}`]);
});
