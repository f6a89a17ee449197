/// <reference types="chrome" />
/**
 * PDF attachments checked in the background: the lens sends the link's URL to the background, which
 * hands same-origin files to the offscreen document (pdf.js in a worker). A text PDF gets its
 * verdict, a scan the needs-OCR state, a broken file a failed state, another origin no request.
 */
import { expect, test } from '@playwright/test';
import { launchLab, ORIGIN, HOST, panel, type Lab } from '../fixtures/extension/harness.ts';
import { PATHS } from '../fixtures/extension/server.ts';

let lab: Lab;
test.beforeEach(async () => { lab = await launchLab(); });
test.afterEach(async () => { await lab.close(); });

test('PDF attachments: verdict with the 28≠29 warning, a scan needs OCR, broken file fails, other origin and redirects not fetched', async ({}, info) => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.pdfArticle);
  const badges = page.locator('gongkai-lens-badge .gl-badge');
  await expect(badges).toHaveCount(5, { timeout: 15_000 });

  // The text PDF (seed 001): checked, with the received-count warning on top (shown on hover).
  const report = badges.nth(0);
  await expect(report).toHaveAttribute('data-state', 'checked', { timeout: 60_000 });
  await expect(report).toHaveAttribute('data-top', 'prose.received');
  await expect(report).toContainText('警告 1');
  await expect(report).toContainText('错误 0');
  await expect(report).toContainText('评分');
  const tip = report.locator('.gl-tip');
  await expect(tip).toBeHidden();
  await expect(tip).toContainText('28');
  await expect(tip).toContainText('29');
  await expect(report).toHaveClass(/warn/);

  // The scan: no text layer, so the badge points to the CLI's OCR.
  await expect(badges.nth(1)).toHaveAttribute('data-state', 'scanned', { timeout: 60_000 });
  await expect(badges.nth(1)).toContainText('OCR');

  // A file that is not a readable PDF: a clear failed state, no crash.
  await expect(badges.nth(2)).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });

  // Another origin (even a sibling host of the portal): refused, never requested.
  await expect(badges.nth(3)).toHaveAttribute('data-state', 'not-checked');
  await expect(badges.nth(3)).toContainText('不跨站');
  // A same-origin link that redirects to the file host: the redirect is not followed.
  await expect(badges.nth(4)).toHaveAttribute('data-state', 'not-checked', { timeout: 60_000 });
  await expect(badges.nth(4)).toContainText('跳转');
  expect(lab.site.requests).toContain(`${HOST}${PATHS.redirectPdf}`);
  expect(lab.site.requests).toContain(`${HOST}${PATHS.pdf}`);
  expect(lab.site.requests).toContain(`${HOST}${PATHS.scannedPdf}`);
  expect(lab.site.requests.filter((r) => r.startsWith('files.example.gov.cn'))).toEqual([]);

  // The page is left alone: no panel, the links still in place with the badge after each.
  await expect(panel(page)).toHaveCount(0);
  expect(await page.evaluate(() => Array.from(document.querySelectorAll('a[href$=".pdf"]')).map((a) => a.nextElementSibling?.tagName)))
    .toEqual(Array(5).fill('GONGKAI-LENS-BADGE'));
  await report.hover();
  await expect(tip).toBeVisible();
  await page.screenshot({ path: info.outputPath('pdf-badges.png') });

  // English: the badges and the hover text follow the language.
  const zhTip = (await tip.textContent()) ?? '';
  await lab.sw.evaluate(() => chrome.storage.local.set({ lang: 'en' }));
  await expect(badges.nth(1)).toContainText('scanned — needs OCR (use the CLI)');
  await expect(report).toContainText('Warnings 1');
  await expect(tip).not.toHaveText(zhTip);
  await expect(tip).toContainText('29');
});

test('pdf.js runs in the offscreen document, whose files are not exposed to pages', async () => {
  const { page, sw } = lab;
  await page.goto(ORIGIN + PATHS.pdfArticle);
  await expect(page.locator('gongkai-lens-badge .gl-badge').nth(0)).toHaveAttribute('data-state', 'checked', { timeout: 60_000 });
  const contexts = await sw.evaluate(async () => (await chrome.runtime.getContexts({})).map((c) => `${c.contextType} ${new URL(c.documentUrl ?? 'x:/').pathname}`));
  expect(contexts).toContain('OFFSCREEN_DOCUMENT /tabs/offscreen.html');
  // Not in web_accessible_resources: the page cannot load the worker (or anything else of ours).
  const status = await page.evaluate(async (id) => fetch(`chrome-extension://${id}/pdf.worker.mjs`).then((r) => String(r.status), () => 'blocked'), lab.extensionId);
  expect(status).toBe('blocked');
});
