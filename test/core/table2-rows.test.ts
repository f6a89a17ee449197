/**
 * Table-2 rows matched by label similarity and, where the label does not settle it, by place in the
 * template's fixed row order (the rule table 3 uses, shared/src/parse/match-place.ts) — on real
 * published pages of both templates, with one label perturbed in the test. A row matched by place
 * keeps its printed label, `matchedBy: 'position'`, and says 按位置匹配 in notes and evidence; where
 * the place is ambiguous nothing is matched, and no row ever takes a neighbour's values.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, replaceOnce, seedText } from '../helpers/fixtures.ts';
import { findingAt, html, run, text } from '../helpers/checks.ts';
import type { Report } from '../../shared/src/index.ts';

const REAL = join(REPO, 'test', 'fixtures', 'real');
/** 平潭综合实验区 2019 (2019 template) and 2023 (2021 template): published pages, hand-checked values. */
const page = (slug: string) => readFileSync(join(REAL, slug, 'page.html'), 'utf8');
const expected = (slug: string): Record<string, unknown[]> => JSON.parse(readFileSync(join(REAL, slug, 'expected.json'), 'utf8')).table2;
const P2019 = 'fujian-pingtan-2019';
const P2021 = 'fujian-pingtan-2023';

const relabel = (src: string, from: string, to: string) => replaceOnce(src, `>${from}<`, `>${to}<`);
const row = (r: Report, label: string) => r.table2!.rows.find((x) => x.label === label);
/** A row's cells as printed, to compare with expected.json (numbers as printed, money as text, null = blank). */
const values = (r: Report, label: string) => row(r, label)?.cells.map((c) => c.raw.trim());
const printedAs = (v: unknown[] | undefined) => v?.map((x) => (x === null ? '' : String(x)));

describe('table 2: rows by label similarity', () => {
  it.each([
    [P2019, 'a space inside the label (PDF text runs)', '规范性文件', '规范性文 件', '规范性文件'],
    [P2019, 'traditional forms', '行政强制', '行政強制', '行政强制'],
    [P2019, 'a full-width numeral prefix', '行政许可', '２．行政许可', '行政许可'],
    [P2021, 'a wrong character in a long label', '行政规范性文件', '行政规范性文伴', '行政规范性文件'],
    [P2021, 'a missing character', '行政事业性收费', '行政事业性收', '行政事业性收费'],
  ])('%s, %s: "%s" printed as "%s" is matched by its label', (slug, _why, from, to, label) => {
    const r = html(relabel(page(slug), from, to));
    expect(row(r, label)).toMatchObject({ printed: to });
    expect(row(r, label)!.matchedBy).toBeUndefined();
    expect(values(r, label)).toEqual(printedAs(expected(slug)[label]));
    expect(r.table2!.missingRows).toEqual([]);
    expect(r.notes.filter((n) => n.includes('按位置匹配'))).toEqual([]);
  });
});

describe('table 2: rows by place (按位置匹配)', () => {
  it('2019 template: a cut-off "其他对外管理服" between 行政许可 and 行政处罚 is 其他对外管理服务事项, its printed label kept', () => {
    const r = html(relabel(page(P2019), '其他对外管理服务事项', '其他对外管理服'));
    expect(row(r, '其他对外管理服务事项')).toMatchObject({ printed: '其他对外管理服', matchedBy: 'position', item: '第二十条第（五）项' });
    expect(values(r, '其他对外管理服务事项')).toEqual(printedAs(expected(P2019)['其他对外管理服务事项']));
    expect(r.table2!.missingRows).toEqual([]);
    expect(r.notes).toContain('table 2: row "其他对外管理服" matched by its place to 其他对外管理服务事项 (按位置匹配)');
    // Every other row is still the report's own, matched by label.
    for (const [label, v] of Object.entries(expected(P2019))) {
      expect(values(r, label), label).toEqual(printedAs(v));
      if (label !== '其他对外管理服务事项') expect(row(r, label)!.matchedBy, label).toBeUndefined();
    }
    expect(run(r).outcomes.find((o) => o.id === 'structure.table2.rows')!.status).toBe('pass');
  });

  it('2019 template: a wrong character that no label similarity accepts ("行政处法") is placed by its block', () => {
    const r = html(relabel(page(P2019), '行政处罚', '行政处法'));
    expect(row(r, '行政处罚')).toMatchObject({ printed: '行政处法', matchedBy: 'position' });
    expect(values(r, '行政处罚')).toEqual(printedAs(expected(P2019)['行政处罚']));
    expect(values(r, '行政强制')).toEqual(printedAs(expected(P2019)['行政强制']));
  });

  it('2021 template: two misspelt rows in the same gap are placed in order', () => {
    let src = relabel(page(P2021), '行政处罚', '行政处法');
    src = relabel(src, '行政强制', '行政强治');
    const r = html(src);
    expect(row(r, '行政处罚')).toMatchObject({ printed: '行政处法', matchedBy: 'position' });
    expect(row(r, '行政强制')).toMatchObject({ printed: '行政强治', matchedBy: 'position' });
    expect(values(r, '行政处罚')).toEqual(printedAs(expected(P2021)['行政处罚']));
    expect(values(r, '行政强制')).toEqual(printedAs(expected(P2021)['行政强制']));
    expect(r.table2!.missingRows).toEqual([]);
  });

  it('2021 template: a finding on a row matched by place names the printed label in its evidence', () => {
    // 行政许可 misspelt, and its count misprinted as a fraction: values.invalid fires on the row matched by place.
    const src = replaceOnce(relabel(page(P2021), '行政许可', '行政许河'), '>2629<', '>26.5<');
    const res = run(html(src));
    const f = findingAt(res, 'values.invalid', '行政许可 · 本年处理决定数量（按位置匹配：“行政许河”）');
    expect(f.message.zh).toContain('行政许可 · 本年处理决定数量（按位置匹配：“行政许河”）');
  });

  it('flattened PDF text (seed 000): a label wrapped over two lines and missing characters is placed too', () => {
    // Seed 000 prints "其他对外管理服务事" / "项" on two lines above the row's values.
    const src = replaceOnce(seedText('000'), '\n其他对外管理服务事\n', '\n其他对外管理服\n');
    const r = text(src);
    expect(row(r, '其他对外管理服务事项')).toMatchObject({ printed: '其他对外管理服项', matchedBy: 'position' });
    expect(row(r, '其他对外管理服务事项')!.cells.map((c) => c.value)).toEqual([40, 0, 751]);
    expect(r.table2!.missingRows).toEqual([]);
  });
});

describe('table 2: no match where the place is ambiguous', () => {
  it('a misspelt row with two free template rows around it (行政强制 left out) is not placed, and no row takes its values', () => {
    const base = relabel(page(P2021), '行政处罚', '行政处法');
    // Drop the 行政强制 row: between 行政许可 and 行政事业性收费 two template rows are free, one row is printed.
    const src = replaceOnce(base, /<tr(?:(?!<tr)[\s\S])*?>行政强制<(?:(?!<tr)[\s\S])*?<\/tr>/, '');
    const r = html(src);
    expect(row(r, '行政处罚')).toBeUndefined();
    expect(row(r, '行政强制')).toBeUndefined();
    expect(r.table2!.missingRows).toEqual(['行政处罚', '行政强制']);
    expect(r.notes.filter((n) => n.includes('按位置匹配'))).toEqual([]);
    // The misspelt row's 1330 is nowhere in table 2; the others are the report's own.
    expect(r.table2!.rows.flatMap((x) => x.cells.map((c) => c.raw))).not.toContain('1330');
    for (const label of ['规章', '行政规范性文件', '行政许可', '行政事业性收费']) expect(values(r, label), label).toEqual(printedAs(expected(P2021)[label]));
    expect(run(r).outcomes.find((o) => o.id === 'structure.table2.rows')!.status).toBe('fail');
  });

  it('a header line is never a template row by place', () => {
    // 行政许可's label replaced by its block's header wording: the gap has one free row, but a header is not it.
    const r = html(relabel(page(P2021), '行政许可', '本年处理决定数量'));
    expect(row(r, '行政许可')).toBeUndefined();
    expect(r.table2!.missingRows).toEqual(['行政许可']);
  });
});

describe('gongkai parse shows a table-2 row matched by place as it shows table 3\'s', () => {
  it('in the finding\'s message and in the parser notes (--verbose)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-t2-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, replaceOnce(relabel(page(P2021), '行政许可', '行政许河'), '>2629<', '>26.5<'));
    const out = await new Promise<string>((resolve, reject) => {
      execFile(join(REPO, 'node_modules', '.bin', 'gongkai'), ['parse', file, '--verbose'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 },
        (error, stdout) => (error && typeof error.code !== 'number' ? reject(error) : resolve(stdout)));
    });
    expect(out).toContain('values.invalid');
    expect(out).toContain('行政许可 · 本年处理决定数量（按位置匹配：“行政许河”）');
    expect(out).toContain('table 2: row "行政许河" matched by its place to 行政许可 (按位置匹配)');
  }, 90_000);
});
