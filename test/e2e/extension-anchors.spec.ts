/**
 * Anchors: the lens places findings from the parser's own map of the page, and keeps them placed
 * by their selectors (quote + position) when the page's script re-renders the article; findings
 * whose text is gone are listed under 未能在页面上定位 instead of disappearing.
 */
import { expect, test, type Page } from '@playwright/test';
import { launchLab, ORIGIN, panel, type Lab } from '../fixtures/extension/harness.ts';
import { PATHS } from '../fixtures/extension/server.ts';

let lab: Lab;
test.beforeEach(async () => { lab = await launchLab(); });
test.afterEach(async () => { await lab.close(); });

/** The page's own "29" cell (total of table 3 row 一), where it is now. */
const totalCell = (page: Page) => page.evaluate(() => {
  const row = Array.from(document.querySelectorAll('tr')).find((tr) => tr.cells[0]?.textContent?.startsWith('一、本年新收'));
  const r = row?.cells[row.cells.length - 1]?.getBoundingClientRect();
  return r ? { x: r.x + window.scrollX, y: r.y + window.scrollY } : null;
});

test('outlines follow a re-rendered article; a replaced one lists the finding as not placed', async ({}, info) => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.rerender);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  const f = page.locator('#gongkai-lens [data-testid="panel"] li.gl-finding[role="button"][data-check="prose.received"]');
  await expect(f).toHaveCount(1);
  const idx = await f.getAttribute('data-finding');
  const cellBox = page.locator(`#gongkai-lens .gl-box[data-finding="${idx}"][data-kind="cell"]`);
  const sentenceBox = page.locator(`#gongkai-lens .gl-box[data-finding="${idx}"][data-kind="sentence"]`);
  await expect(cellBox).toHaveCount(1);
  const boxAt = async () => {
    const b = await cellBox.boundingBox();
    const s = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
    return b ? { x: b.x + 2 + s.x, y: b.y + 2 + s.y } : null;
  };
  const before = await totalCell(page);

  // 字号 大: the page's script rebuilds the article (every node new, a note paragraph above it).
  await page.click('#zoom-big');
  await expect.poll(async () => (await totalCell(page))!.y).toBeGreaterThan(before!.y + 5);
  await expect.poll(async () => {
    const [b, c] = [await boxAt(), await totalCell(page)];
    return !!b && !!c && Math.abs(b.x - c.x) < 3 && Math.abs(b.y - c.y) < 3;
  }, { timeout: 10_000 }).toBe(true);
  expect(await sentenceBox.count()).toBeGreaterThan(0);
  await expect(page.locator('#gongkai-lens [data-testid="not-placed"]')).toHaveCount(0);

  // 图解版: the article's text is gone; the finding is listed, not dropped.
  await page.click('#tujie');
  const notPlaced = page.locator('#gongkai-lens [data-testid="not-placed"]');
  await expect(notPlaced.locator('li[data-check="prose.received"]')).toHaveCount(1, { timeout: 10_000 });
  await expect(notPlaced).toContainText('未能在页面上定位');
  await expect(cellBox).toHaveCount(0);
  await expect(sentenceBox).toHaveCount(0);
  // The finding itself is still in the list of findings, with its numbers.
  await expect(f).toContainText('28');
  await page.screenshot({ path: info.outputPath('not-placed.png') });

  // 字号 中 on the picture: nothing comes back that is not there.
  await page.click('#zoom-mid');
  await expect(notPlaced.locator('li[data-check="prose.received"]')).toHaveCount(1);
});
