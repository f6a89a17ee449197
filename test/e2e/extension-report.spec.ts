/** The lens on report pages: seed 001's mismatch, a balanced report, a report without tables, a hostile page. */
import { expect, test, type Page } from '@playwright/test';
import { launchLab, ORIGIN, panel, type Lab } from '../fixtures/extension/harness.ts';
import { PATHS } from '../fixtures/extension/server.ts';

let lab: Lab;
test.beforeEach(async () => { lab = await launchLab(); });
test.afterEach(async () => { await lab.close(); });

const finding = (page: Page, id: string) => page.locator(`#gongkai-lens li.gl-finding[data-check="${id}"]`);

/** The page's own cell holding the total of table 3 row 一 (the "29"). */
async function receivedTotalCell(page: Page) {
  return page.evaluate(() => {
    const row = Array.from(document.querySelectorAll('tr')).find((tr) => tr.cells[0]?.textContent?.startsWith('一、本年新收'));
    const td = row?.cells[row.cells.length - 1];
    const r = td?.getBoundingClientRect();
    const l = row?.cells[0]?.getBoundingClientRect();
    return r && l ? { text: td!.textContent, x: r.x, y: r.y, w: r.width, h: r.height,
      label: { text: row!.cells[0]!.textContent ?? '', x: l.x, y: l.y, w: l.width, h: l.height } } : null;
  });
}

/** How many lines the text of `selector` (in the open shadow root) takes. */
function lineCount(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((el) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    return new Set(Array.from(r.getClientRects()).filter((x) => x.width > 0).map((x) => Math.round(x.top))).size;
  });
}

test('seed 001: the 28 ≠ 29 warning, outlined in the table and in the text, evidence on hover', async ({}, info) => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.seed001);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  const f = finding(page, 'prose.received');
  await expect(f).toHaveCount(1);
  await expect(f).toContainText('28');
  await expect(f).toContainText('29');
  await expect(page.getByTestId('errors')).toHaveText('0');
  await expect(page.getByTestId('warnings')).toHaveText('1');
  await expect(page.getByTestId('agency')).toContainText('生态环境局');
  await expect(page.getByTestId('year')).toHaveText('2020');
  await expect(page.getByTestId('template')).toHaveText('2019');
  await expect(page.getByTestId('published')).toHaveText('2021-01-20'); // from the page's 发布日期 / TRS URL

  // Both places are outlined: the table cell and the sentence.
  const idx = await f.getAttribute('data-finding');
  const cellBox = page.locator(`#gongkai-lens .gl-box[data-finding="${idx}"][data-kind="cell"]`);
  const sentenceBox = page.locator(`#gongkai-lens .gl-box[data-finding="${idx}"][data-kind="sentence"]`);
  await expect(cellBox).toHaveCount(1);
  expect(await sentenceBox.count()).toBeGreaterThan(0);

  // The Chinese panel shows no check id and no English; the id is under 详情; dates and labels do not wrap.
  const panelText = await panel(page).innerText();
  expect(panelText).not.toMatch(/[a-z]+\.[a-z0-9-]+/);
  expect(panelText).not.toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{3,}/);
  await f.locator('summary').click();
  await expect(f.locator('details code')).toHaveText('prose.received');
  expect(await lineCount(page, '#gongkai-lens [data-testid="published"]')).toBe(1);

  // Clicking the finding scrolls the cell into view beside its row label, and the panel covers neither.
  await f.click();
  await page.waitForTimeout(800);
  const cell = await receivedTotalCell(page);
  expect(cell?.text?.trim()).toBe('29');
  expect(cell!.y).toBeGreaterThan(0);
  expect(cell!.y + cell!.h).toBeLessThan(900);
  const label = cell!.label;
  expect(label.text).toMatch(/^一、本年新收/);
  expect(label.x).toBeGreaterThanOrEqual(0);
  expect(Math.abs(label.y - cell!.y)).toBeLessThan(3); // the same row, in view at once
  const p = (await panel(page).boundingBox())!;
  const overlaps = (r: { x: number; y: number; w: number; h: number }) => r.x < p.x + p.width && p.x < r.x + r.w && r.y < p.y + p.height && p.y < r.y + r.h;
  expect(overlaps(cell!)).toBe(false);
  expect(overlaps(label)).toBe(false);
  // The row spans the window: the panel became a sheet along the bottom.
  await expect(panel(page)).toHaveAttribute('data-dock', 'bottom');
  const box = (await cellBox.boundingBox())!;
  expect(Math.abs(box.x + 2 - cell!.x)).toBeLessThan(3);
  expect(Math.abs(box.y + 2 - cell!.y)).toBeLessThan(3);

  // Hovering the outlined cell shows the evidence with its numbers.
  await page.mouse.move(cell!.x + cell!.w / 2, cell!.y + cell!.h / 2);
  const tip = page.locator('#gongkai-lens .gl-tip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('28');
  await expect(tip).toContainText('29');
  await page.screenshot({ path: info.outputPath('seed001-hover.png') });

  // English switch.
  await page.getByTestId('lang').click();
  await expect(f).toContainText(/applications|received/i);
  await page.screenshot({ path: info.outputPath('seed001-en.png') });
});

test('a balanced report shows no error and no prose mismatch', async ({}, info) => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.balanced);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('errors')).toHaveText('0');
  await expect(finding(page, 'prose.received')).toHaveCount(0);
  await expect(page.locator('#gongkai-lens li.gl-finding.error')).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('balanced.png') });
});

test('a report whose title does not name it is still found (standard labels in its tables)', async () => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.untitled);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await expect(finding(page, 'prose.received')).toHaveCount(1);
});

test('an article filled in by script after load is read once its text arrives', async () => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.late);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  await expect(finding(page, 'prose.received')).toHaveCount(1);
  await expect(page.locator('#gongkai-lens [data-testid="not-report"]')).toHaveCount(0);
});

test('a report published as images: the panel says the text check cannot see it', async () => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.imageOnly);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  // No report text at all: the parser says so (the report is probably in images or an attachment).
  await expect(page.locator('#gongkai-lens [data-testid="not-report"]')).toHaveAttribute('data-reason', 'not-a-report');
  await expect(page.locator('#gongkai-lens [data-testid="not-report"]')).toContainText('图片');
  await expect(page.locator('#gongkai-lens [data-testid="image-report"]')).toContainText('图片');
});

test('seed 004: a report without tables says the tables are missing', async ({}, info) => {
  const { page } = lab;
  await page.goto(ORIGIN + PATHS.seed004);
  await expect(panel(page)).toBeVisible({ timeout: 15_000 });
  for (const n of [2, 3, 4]) await expect(finding(page, `structure.table${n}.missing`)).toHaveCount(1);
  await expect(finding(page, 'structure.table3.missing')).toContainText('表三');
  expect(Number(await page.getByTestId('errors').innerText())).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: info.outputPath('seed004.png') });
});

test('a hostile page: markup and script text in cells stay text, nothing of it runs', async ({}, info) => {
  const { page } = lab;
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await page.goto(ORIGIN + PATHS.hostile);
  // The page's decoy #gongkai-lens and its CSS do not keep the panel out.
  await expect(page.locator('plasmo-csui#gongkai-lens [data-testid="panel"]')).toBeVisible({ timeout: 15_000 });
  // Hover every outlined place so every tooltip renders once.
  for (const b of await page.locator('#gongkai-lens .gl-box').all()) {
    const r = await b.boundingBox();
    if (r) await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  }
  const state = await page.evaluate(() => {
    const root = document.querySelector('plasmo-csui#gongkai-lens')!.shadowRoot!;
    return {
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      cellScript: (window as unknown as { __cellScript?: number }).__cellScript ?? null,
      injected: root.querySelectorAll('img, script, iframe, [onerror], [onmouseover]').length,
      text: (root.querySelector('[data-testid=panel]') as HTMLElement | null)?.innerText ?? '',
    };
  });
  expect(state.pwned).toBeNull();
  expect(state.cellScript).toBe(1); // the page's own script ran once, the lens never re-ran it
  expect(state.injected).toBe(0);
  expect(dialogs).toEqual([]);
  // The markup in the page's title is shown as the text it is (the parser drops its spaces).
  expect(state.text).toMatch(/<img\s*src=x\s*onerror=/);
  await page.screenshot({ path: info.outputPath('hostile.png') });
});
