/**
 * The same parser over a live DOM: @gongkai/shared bundled for the browser, run in Debian's Chromium
 * on seed 001's HTML page, must give exactly what the Node path (cheerio) gives.
 */
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReport, parseHtml, toContract } from '../../shared/src/index.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const html = readFileSync(join(repo, '..', 'shared', 'fixtures', 'documents', 'report001.html'), 'utf8');

let bundle = '';
test.beforeAll(async () => {
  const out = await build({
    entryPoints: [join(repo, 'shared', 'src', 'index.ts')], bundle: true, write: false, format: 'iife',
    globalName: 'GongkaiShared', platform: 'browser', target: 'chrome120', logLevel: 'silent',
  });
  bundle = out.outputFiles[0]!.text;
});

test('parseDom in Chromium equals parseHtml in Node', async ({ browser }) => {
  const page = await browser.newPage();
  await page.setContent(html);
  await page.addScriptTag({ content: bundle });
  const inBrowser = await page.evaluate(() => {
    const g = (window as unknown as { GongkaiShared: typeof import('../../shared/src/index.ts') }).GongkaiShared;
    const r = g.parseDom(document, { url: null });
    if (!r.ok) return { error: r.message.en };
    return g.toContract(r.report, g.checkReport(r.report, { today: '2026-01-01' }));
  });
  const node = parseHtml(html);
  if (!node.ok) throw new Error(node.message.en);
  const expected = toContract(node.report, checkReport(node.report, { today: '2026-01-01' }));
  expect(inBrowser).toMatchObject({ agency: expected.agency, year: expected.year, tables: expected.tables });
  expect((inBrowser as typeof expected).findings.map((f) => [f.id, f.evidence.left, f.evidence.right]))
    .toEqual(expected.findings.map((f) => [f.id, f.evidence.left, f.evidence.right]));
  // Evidence points at the live cell: table 1, row 3, cell 7 holds "29".
  const cell = (inBrowser as typeof expected).findings[0]!.evidence.cells[0]!.source as { table: number; row: number; cell: number };
  const text = await page.evaluate(({ table, row, cell }) => (document.querySelectorAll('table')[table] as HTMLTableElement).rows[row]!.cells[cell]!.textContent, cell);
  expect(text).toBe('29');
  await page.close();
});

test('page scripts and markup inside cells stay text', async ({ browser }) => {
  const page = await browser.newPage();
  const hostile = html.replace('<td align="center">28</td>', '<td align="center">28<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script></td>');
  await page.setContent(hostile);
  await page.addScriptTag({ content: bundle });
  const r = await page.evaluate(() => {
    const g = (window as unknown as { GongkaiShared: typeof import('../../shared/src/index.ts') }).GongkaiShared;
    const res = g.parseDom(document, {});
    return res.ok ? res.report.table3!.rows[0]!.cells[0]!.raw : 'unparsed';
  });
  // The cell's text is read as data: the script's source is not part of the cell text.
  expect(r).toBe('28');
  await page.close();
});

test('parseDom hands each cell its element and each line its text nodes as it walks', async ({ browser }) => {
  const page = await browser.newPage();
  await page.setContent(html);
  await page.addScriptTag({ content: bundle });
  const got = await page.evaluate(() => {
    const g = (window as unknown as { GongkaiShared: typeof import('../../shared/src/index.ts') }).GongkaiShared;
    const cells = new Map<string, Node>();
    const lines = new Map<number, readonly Node[]>();
    const plain = g.parseDom(document, { url: null });
    const r = g.parseDom(document, { url: null, collect: { cell: (t, row, c, n) => cells.set(`${t}:${row}:${c}`, n), line: (l, ns) => lines.set(l, ns) } });
    if (!r.ok || !plain.ok) return { error: 'not parsed' };
    const f = g.checkReport(r.report, { today: '2026-01-01' }).findings.find((x) => x.id === 'prose.received')!;
    const src = f.evidence.cells.find((c) => c.source?.kind === 'grid')!.source as { table: number; row: number; cell: number };
    const s = f.evidence.sentences[0]!.source as { line: number; start: number; end: number };
    const el = cells.get(`${src.table}:${src.row}:${src.cell}`) as HTMLTableCellElement | undefined;
    const nodes = lines.get(s.line) ?? [];
    return {
      same: JSON.stringify(plain.report) === JSON.stringify(r.report),
      cellTag: el?.tagName, cellText: el?.textContent?.trim(), cellInTable: el ? Array.from(document.querySelectorAll('table')).indexOf(el.closest('table')!) : -1,
      lineNodesAreText: nodes.every((n) => n.nodeType === 3),
      lineText: nodes.map((n) => (n as Text).data).join('').replace(/\s+/g, ''),
      sentence: f.evidence.sentences[0]!.text.replace(/\s+/g, ''),
    };
  });
  expect(got).toMatchObject({ same: true, cellTag: 'TD', cellText: '29', cellInTable: 1, lineNodesAreText: true });
  // The line's text nodes hold the sentence that states 28.
  expect((got as { lineText: string }).lineText).toContain((got as { sentence: string }).sentence);
});
