/**
 * A table that holds another table is a layout table (old CMS templates wrap the article in one):
 * it is read as blocks, and only the innermost tables become grids — wherever the inner table sits
 * (a cell, deep in a cell, a <caption>, inside a <noscript>) and however many rows come first.
 */
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../shared/src/index.ts';

const cellTexts = (html: string) => extractHtml(html, null).grids.map((g) => g.rows.map((r) => r.map((c) => c.text)));

describe('layout tables', () => {
  it('a table in a cell makes the outer one a layout table: its text is read as lines, the inner table is the grid', () => {
    const doc = extractHtml('<table><tr><td>导航</td><td>正文<table><tr><td>本年新收</td><td>3</td></tr></table></td></tr></table>', null);
    expect(doc.grids.map((g) => g.rows.map((r) => r.map((c) => c.text)))).toEqual([[['本年新收', '3']]]);
    expect(doc.text.split('\n')).toContain('导航');
  });

  it('an inner table deep inside a cell, in a <caption> or inside a <noscript> counts too', () => {
    const deep = `<table><tr><td>外${'<div>'.repeat(50)}<table><tr><td>内</td></tr></table>${'</div>'.repeat(50)}</td></tr></table>`;
    expect(cellTexts(deep)).toEqual([[['内']]]);
    expect(cellTexts('<table><caption>题<table><tr><td>内</td></tr></table></caption><tr><td>外</td></tr></table>')).toEqual([[['内']]]);
    expect(cellTexts('<table><tr><td>外<noscript><table><tr><td>内</td></tr></table></noscript></td></tr></table>')).toEqual([]);
  });

  it('a plain table stays one grid, a cell\'s select/script text left out, and text after it still read', () => {
    const doc = extractHtml('<table><tr><td>甲<select><option>选项</option></select></td><td>1</td></tr></table><p>表后</p>', null);
    expect(doc.grids.map((g) => g.rows.map((r) => r.map((c) => c.text)))).toEqual([[['甲', '1']]]);
    expect(doc.text).toContain('表后');
  });

  it('a table is read to 2000 rows, with a note; an inner table after them still makes it a layout table', () => {
    const rows = '<tr><td>行</td></tr>'.repeat(2100);
    expect(cellTexts(`<table>${rows}<tr><td><table><tr><td>内</td></tr></table></td></tr></table>`)).toEqual([[['内']]]);
    const long = extractHtml(`<table>${rows}</table>`, null);
    expect(long.grids[0]!.rows).toHaveLength(2000);
    expect(long.notes).toContain('1 table(s) longer than 2000 rows: only their first 2000 rows were read.');
  });
});
