/// <reference types="chrome" />
/**
 * First run: the install opens a page that says what the extension checks, that it sends nothing
 * anywhere and how to enable a site; the popup tells apart 未启用此网站 (no permission, or switched
 * off), 正在检查, 不是年报 and the verdict, and its switch shows the real state.
 */
import { expect, test, type Page } from '@playwright/test';
import { launchLab, ORIGIN, UNLISTED_ORIGIN, type Lab } from '../fixtures/extension/harness.ts';
import { PATHS } from '../fixtures/extension/server.ts';

let lab: Lab | null = null;
test.afterEach(async () => { await lab?.close(); lab = null; });

const tabIdOf = (l: Lab, url: string) => l.sw.evaluate(async (u) =>
  (await chrome.tabs.query({})).find((t) => t.url === u || t.pendingUrl === u)?.id ?? null, url);

async function openPopup(l: Lab, url: string): Promise<Page> {
  const tabId = await tabIdOf(l, url);
  expect(tabId).not.toBeNull();
  const popup = await l.context.newPage();
  await popup.setViewportSize({ width: 340, height: 240 });
  await popup.goto(`chrome-extension://${l.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

test('the install opens the first-run page: what it checks, nothing sent, how to enable a site', async ({}, info) => {
  lab = await launchLab({ keepWelcome: true });
  const welcome = lab.context.pages().find((p) => p.url().endsWith('/tabs/welcome.html'));
  expect(welcome).toBeDefined();
  const w = welcome!;
  await w.setViewportSize({ width: 1000, height: 1100 });
  await expect(w.getByTestId('welcome-title')).toHaveText('欢迎使用公开镜');
  await expect(w.getByTestId('checks')).toContainText('正文里的数字与表格是否一致');
  await expect(w.getByTestId('privacy')).toContainText('不向任何服务器发送');
  await expect(w.getByTestId('enable')).toContainText('允许检查此网站');
  await expect(w.getByTestId('enable')).toContainText('未启用此网站');
  await w.screenshot({ path: info.outputPath('welcome-zh.png'), fullPage: true });
  await w.getByTestId('lang').click();
  await expect(w.getByTestId('welcome-title')).toHaveText('Welcome to Gongkai Lens');
  await expect(w.getByTestId('privacy')).toContainText('sends neither the pages you read nor its results to any server');
  await expect(w.getByTestId('enable')).toContainText('Allow on this site');
  await w.screenshot({ path: info.outputPath('welcome-en.png'), fullPage: true });
  // The language chosen here is the extension's language.
  expect(await lab.sw.evaluate(async () => (await chrome.storage.local.get('lang')).lang)).toBe('en');
});

test('popup: not enabled (no permission), checking, not a report, the verdict, switched off', async ({}, info) => {
  lab = await launchLab();
  const { page } = lab;

  // 1. A portal never allowed: nothing runs, the switch cannot be on, the popup says why.
  await page.goto(UNLISTED_ORIGIN + PATHS.seed001);
  let popup = await openPopup(lab, UNLISTED_ORIGIN + PATHS.seed001);
  await expect(popup.getByTestId('popup-verdict')).toHaveAttribute('data-state', 'off');
  await expect(popup.getByTestId('popup-verdict')).toHaveAttribute('data-why', 'no-permission');
  await expect(popup.getByTestId('popup-state')).toHaveText('未启用此网站');
  await expect(popup.getByTestId('popup-verdict')).toContainText('允许检查此网站');
  await expect(popup.getByTestId('site-switch')).toBeDisabled();
  await expect(popup.getByTestId('site-switch')).not.toBeChecked();
  await expect(popup.getByTestId('grant')).toBeVisible();
  await popup.screenshot({ path: info.outputPath('popup-off.png') });
  expect(await page.evaluate(() => document.querySelector('#gongkai-lens'))).toBeNull();
  await popup.close();

  // 2. An allowed portal's report still loading: 正在检查, then the verdict arrives by itself.
  await page.goto(ORIGIN + PATHS.held, { waitUntil: 'commit' });
  popup = await openPopup(lab, ORIGIN + PATHS.held);
  await expect(popup.getByTestId('popup-verdict')).toHaveAttribute('data-state', 'checking');
  await expect(popup.getByTestId('popup-state')).toHaveText('正在检查');
  await expect(popup.getByTestId('site-switch')).toBeChecked();
  await popup.screenshot({ path: info.outputPath('popup-checking.png') });
  lab.site.release();
  await expect(popup.getByTestId('popup-verdict')).toHaveAttribute('data-state', 'verdict', { timeout: 20_000 });
  await expect(popup.getByTestId('popup-state')).toHaveText('检查结果');
  await expect(popup.getByTestId('popup-verdict')).toContainText('警告 1');
  await expect(popup.getByTestId('authoritative')).toBeVisible();
  await popup.screenshot({ path: info.outputPath('popup-verdict.png') });
  await popup.close();

  // 3a. A list-like URL with no list: the gate takes a second look 1.5 s later and sends nothing
  //     either way; the popup, open on the tab (still on the report) before it navigates, reads the
  //     gate's note and comes to 不是年报 by itself, with the second look, never saying "not checked".
  popup = await openPopup(lab, ORIGIN + PATHS.held);
  await expect(popup.getByTestId('popup-verdict')).toHaveAttribute('data-state', 'verdict');
  await popup.evaluate(() => {
    const seen: { state: string; at: number }[] = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver(() => {
      const state = document.querySelector('[data-testid="popup-verdict"]')?.getAttribute('data-state') ?? '';
      if (seen[seen.length - 1]?.state !== state) seen.push({ state, at: Date.now() });
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.goto(ORIGIN + PATHS.plainIndex);
  // When the page finished loading, by its own clock (wall-clock milliseconds, as the popup's Date.now()).
  const loadedAt = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await expect(popup.getByTestId('popup-verdict')).toHaveAttribute('data-state', 'not-report', { timeout: 15_000 });
  const seen = await popup.evaluate(() => (window as unknown as { seen: { state: string; at: number }[] }).seen);
  // (Whether 正在检查 shows in between depends on how fast the popup reads; which states it shows does not.)
  expect(seen.map((x) => x.state)).not.toContain('not-checked');
  expect(seen[seen.length - 1]!.state).toBe('not-report');
  // 不是年报 came with the gate's second look (1.5 s after its first), not at the load.
  expect(seen[seen.length - 1]!.at - loadedAt).toBeGreaterThan(1000);
  // The page's own script cannot forge the gate's mark: it lives in the extension's isolated world.
  await page.evaluate(() => { (window as unknown as Record<symbol, unknown>)[Symbol.for('gongkai-lens:gate')] = 'asked'; });
  await popup.reload();
  await expect(popup.getByTestId('popup-verdict')).toHaveAttribute('data-state', 'not-report');
  await popup.close();

  // 3. A page of the portal that is none of ours: the gate says so, the popup says 不是年报.
  await page.goto(ORIGIN + PATHS.plain);
  popup = await openPopup(lab, ORIGIN + PATHS.plain);
  await expect(popup.getByTestId('popup-verdict')).toHaveAttribute('data-state', 'not-report');
  await expect(popup.getByTestId('popup-state')).toHaveText('不是年报');
  await expect(popup.getByTestId('popup-verdict')).toContainText('不是年度报告');
  await expect(popup.getByTestId('authoritative')).toHaveCount(0);
  await popup.screenshot({ path: info.outputPath('popup-not-report.png') });

  // 4. Switched off by the user: 未启用此网站 again, the switch off but usable.
  await popup.getByTestId('site-switch').uncheck();
  await expect(popup.getByTestId('popup-verdict')).toHaveAttribute('data-why', 'switched-off');
  await expect(popup.getByTestId('popup-state')).toHaveText('未启用此网站');
  await expect(popup.getByTestId('site-switch')).toBeEnabled();
  await expect(popup.getByTestId('site-switch')).not.toBeChecked();
  await popup.getByTestId('site-switch').check();
  await expect(popup.getByTestId('popup-verdict')).toHaveAttribute('data-state', 'not-report');
});
