/**
 * A hostile page cannot shut the lens out through element ids (DOM clobbering): ids and form names
 * show up as named properties of the global object in the lens's isolated world too, so markers
 * kept there as plain names ("already injected", the shadow host, the tools) would read as set. With
 * the production build, a report page that plants all three names (as links, or as forms with
 * marker-like inputs) is still checked and the popup shows the verdict.
 */
import { expect, test } from '@playwright/test';
import { EXT_DIR_CLOSED, launchLab, ORIGIN, type Lab } from '../fixtures/extension/harness.ts';
import { CLOBBER_IDS } from '../fixtures/extension/pages.ts';
import { PATHS } from '../fixtures/extension/server.ts';

let lab: Lab | null = null;
test.afterEach(async () => { await lab?.close(); lab = null; });

for (const [name, path] of [['links', PATHS.clobbered], ['forms', PATHS.clobberedForm]] as const) {
  test(`ids of the lens's old markers planted as ${name} do not keep it out`, async () => {
    lab = await launchLab({ extDir: EXT_DIR_CLOSED });
    const { page, context, extensionId, sw } = lab;
    await page.goto(ORIGIN + path);
    // The planted elements are there, named as the markers were, and visible as window properties.
    const planted = await page.evaluate((ids) => ids.filter((id) => document.getElementById(id) && (window as unknown as Record<string, unknown>)[id]), [...CLOBBER_IDS]);
    expect(planted).toEqual([...CLOBBER_IDS]);
    await expect(page.locator('#gongkai-lens')).toHaveCount(1, { timeout: 15_000 });
    const tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? null, ORIGIN + path);
    expect(tabId).not.toBeNull();
    // The lens checked the page: the verdict is the report's, not 正在检查.
    await expect.poll(() => sw.evaluate(async (id) => ((await chrome.storage.session.get(`verdict:${id}`))[`verdict:${id}`] as { kind?: string } | undefined)?.kind ?? null, tabId),
      { timeout: 20_000 }).toBe('report');
    const stored = await sw.evaluate(async () => (await (globalThis as unknown as { lensDb: { reports: { toArray(): Promise<{ site: string; year: number }[]> } } }).lensDb.reports.toArray()).map((e) => [e.site, e.year]));
    expect(stored).toEqual([[ORIGIN, 2020]]);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    // The verdict, not 正在检查此页 (the planted elements may add a warning of their own).
    await expect(popup.getByTestId('popup-verdict')).toHaveAttribute('data-state', 'verdict');
    await expect(popup.getByTestId('popup-verdict')).toContainText(/检查结果错误 \d+ · 警告 \d+ · 评分 \d+/);
    await expect(popup.getByText('正在检查此页')).toHaveCount(0);
  });
}

test('a column page with the ids planted still gets its verdict from the tools script', async () => {
  lab = await launchLab({ extDir: EXT_DIR_CLOSED });
  const { page, sw } = lab;
  await page.goto(ORIGIN + PATHS.clobberedColumn);
  expect(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).__gongkaiTools)).toBe('object');
  await expect(page.locator('#gongkai-lens')).toHaveCount(1, { timeout: 15_000 });
  const tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? null, ORIGIN + PATHS.clobberedColumn);
  await expect.poll(() => sw.evaluate(async (id) => ((await chrome.storage.session.get(`verdict:${id}`))[`verdict:${id}`] as { kind?: string } | undefined)?.kind ?? null, tabId),
    { timeout: 20_000 }).toBe('column');
});
