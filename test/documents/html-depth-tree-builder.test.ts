/**
 * The HTML depth guard counts nesting as the tree builder (parse5, browsers) builds it: a block start
 * closes an open <p>, and the formatting elements that closes are reopened — at most three alike
 * (the "Noah's ark" clause) — so `<p><b>x` × 30000 before a report is a few levels deep and the report
 * parses as the plain page; real deep nesting (<b> × 30000 never closed) is still flattened.
 * Inputs: seed 001 (report001.html) after junk markup, and small junk compared with parse5's own tree.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { extractHtml, parseHtml, type ParseResult } from '../../shared/src/index.ts';
import { guardHtmlDepth, MAX_FORMATTING } from '../../shared/src/extract/html-depth.ts';
import { documentBytes } from '../core/fixtures.ts';
import { valuesOf } from '../core/report-values.ts';

const SECONDS = 30_000;
const page = new TextDecoder().decode(documentBytes('report001.html'));
const body = page.slice(page.indexOf('<body>') + 6, page.indexOf('</body>'));
const head = page.slice(0, page.indexOf('<body>'));
const report = (r: ParseResult) => { if (!r.ok) throw new Error(`${r.reason}: ${r.message.en}`); return r.report; };
const expected = valuesOf(report(parseHtml(page)));
const after = (junk: string) => `${head}<body>${junk}${body}</body></html>`;

/** Depth of parse5's element tree (html = 1). */
function treeDepth(n: { childNodes?: unknown[]; tagName?: string }, d = 0): number {
  let m = d;
  for (const c of (n.childNodes ?? []) as { tagName?: string }[]) if (c.tagName) m = Math.max(m, treeDepth(c, d + 1));
  return m;
}

describe('the guard counts depth as parse5 builds the tree', () => {
  const junk: Record<string, string> = {
    '<p><b>x': '<p><b>x'.repeat(300),
    '<p><b><i>x': '<p><b><i>x'.repeat(300),
    '<a href=1>x (unclosed links)': '<a href=1>x'.repeat(300),
    '<div><b>x</div>': '<div><b>x</div>'.repeat(300),
    '<b><i>x</b></i> (misnested)': '<b><i>x</b></i>'.repeat(300),
    '<p><strong>a<em>b</p>': '<p><strong>a<em>b</p>'.repeat(300),
    '<b>x (never closed: really deep)': '<b>x'.repeat(300),
    '<span>x (never closed)': '<span>x'.repeat(300),
  };
  for (const [name, markup] of Object.entries(junk)) {
    it(name, () => {
      const html = `<html><body>${markup}<p>end</p></body></html>`;
      expect(guardHtmlDepth(html, 100_000).maxDepth).toBe(treeDepth(parse(html)));
    });
  }
});

describe('a report after junk markup', () => {
  it('<p><b>x × 30000 before the report: nothing dropped, the report reads as the plain page', () => {
    const html = after('<p><b>x'.repeat(30000));
    const g = guardHtmlDepth(html);
    expect([g.dropped, g.maxDepth < 12]).toEqual([0, true]);
    const r = report(parseHtml(html));
    expect(valuesOf(r)).toEqual(expected);
    expect(r.table3?.rows.flatMap((row) => row.cells).filter((c) => c.doubt)).toEqual([]);
  }, SECONDS);

  it('<b>x × 30000 never closed is real nesting: still flattened with the note, and the report still reads', () => {
    const html = after('<b>x'.repeat(30000));
    const doc = extractHtml(html);
    expect(doc.notes[0]).toMatch(/^HTML nested 30\d{3} levels deep: \d+ tag\(s\) below level 160 were dropped/);
    expect(valuesOf(report(parseHtml(html)))).toEqual(expected);
  }, SECONDS);

  it(`<p><font size=N>x × 30000 (each different, so none is pushed out): formatting past ${MAX_FORMATTING} open at once is dropped, the report reads`, () => {
    const html = after(Array.from({ length: 30000 }, (_, i) => `<p><font size=${i}>x`).join(''));
    const doc = extractHtml(html);
    expect(doc.notes[0]).toMatch(new RegExp(`formatting tag\\(s\\) past ${MAX_FORMATTING} open at once`));
    expect(valuesOf(report(parseHtml(html)))).toEqual(expected);
  }, SECONDS);
});
