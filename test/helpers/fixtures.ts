/**
 * Real fixtures for the check tests (read-only handbook beside the checkout: ../shared/fixtures) and
 * small, explicit mutations of them. Every mutation asserts that it changed something, so a fixture
 * that drifts makes the test fail loudly instead of silently testing the unmutated report.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = resolve(REPO, '..', 'shared', 'fixtures');
export const SEEDS = join(FIXTURES, 'seeds');
export const DOCUMENTS = join(FIXTURES, 'documents');

export const SEED_FILES = {
  '000': '000_db6ab2fb5e606285.txt',
  '001': '001_ad94bb6e82e852b2.txt',
  '002': '002_a8b571596ea4deac.txt',
  '003': '003_c3f1cb69efaeb005.txt',
  '004': '004_064c82577da2a4a7.txt',
} as const;
export type SeedId = keyof typeof SEED_FILES;

export function seedText(id: SeedId): string {
  return readFileSync(join(SEEDS, SEED_FILES[id]), 'utf8');
}

/** report001.html: seed 001 (嘉兴市生态环境局, 2020) as a real HTML article with rowspan/colspan tables. */
export function report001Html(): string {
  return readFileSync(join(DOCUMENTS, 'report001.html'), 'utf8');
}

/** Replace exactly one occurrence (or all, with `all`), failing when the text is not there. */
export function replaceOnce(src: string, from: string | RegExp, to: string, opts: { all?: boolean } = {}): string {
  if (typeof from === 'string') {
    const n = src.split(from).length - 1;
    if (n === 0) throw new Error(`mutation target not found: ${from}`);
    if (n > 1 && !opts.all) throw new Error(`mutation target ambiguous (${n}×): ${from}`);
    return opts.all ? src.split(from).join(to) : src.replace(from, to);
  }
  if (!from.test(src)) throw new Error(`mutation target not found: ${from}`);
  return src.replace(from, to);
}

/** A cheerio handle on an HTML report, with helpers that address table cells the way a reader does. */
export class HtmlReport {
  readonly $: cheerio.CheerioAPI;
  constructor(html: string) {
    this.$ = cheerio.load(html);
  }

  html(): string {
    return this.$.html();
  }

  /** The <table> whose text contains `marker` (第二十条 → table 2, 本年新收 → table 3, 复议后起诉 → table 4). */
  table(marker: string) {
    const t = this.$('table').filter((_, el) => this.$(el).text().includes(marker));
    if (t.length !== 1) throw new Error(`expected one table containing ${marker}, found ${t.length}`);
    return t.first();
  }

  table2() { return this.table('第二十条'); }
  table3() { return this.table('本年新收'); }
  table4() { return this.table('复议后起诉'); }

  /** The <tr> of `table` whose label cells contain `label` (first match unless `nth`). */
  row(table: ReturnType<HtmlReport['table']>, label: string) {
    const rows = table.find('tr').filter((_, el) => this.$(el).children('td,th').toArray().some((td) => this.$(td).text().includes(label)));
    if (rows.length === 0) throw new Error(`no row labelled ${label}`);
    if (rows.length > 1) throw new Error(`row label ${label} is ambiguous (${rows.length} rows)`);
    return rows.first();
  }

  /** Set value cell `col` (0-based among the row's last `n` cells) of the row labelled `label`. */
  private setValue(table: ReturnType<HtmlReport['table']>, label: string, n: number, col: number, value: string): this {
    const tds = this.row(table, label).children('td');
    const cell = tds.eq(tds.length - n + col);
    if (!cell.length) throw new Error(`row ${label} has no value cell ${col}`);
    cell.text(value === '' ? '\u00a0' : value);
    return this;
  }

  /** Table 3: set column `col` (0 自然人 … 6 总计) of the row labelled `label`. */
  t3(label: string, col: number, value: string): this { return this.setValue(this.table3(), label, 7, col, value); }
  /** Table 3: read column `col` of the row labelled `label` as printed. */
  t3Text(label: string, col: number): string {
    const tds = this.row(this.table3(), label).children('td');
    return tds.eq(tds.length - 7 + col).text().trim();
  }
  /** Table 2: set value column `col` of a row with `n` value cells (3 for most blocks, 2 for 收费/采购, 1 in 2021 blocks). */
  t2(label: string, col: number, value: string, n = 3): this { return this.setValue(this.table2(), label, n, col, value); }
  /** Table 4: set value `i` (0..14) of the one row of numbers. */
  t4(i: number, value: string): this {
    const last = this.table4().find('tr').last().children('td');
    if (last.length !== 15) throw new Error(`table 4 value row has ${last.length} cells`);
    last.eq(i).text(value);
    return this;
  }

  /** Remove the row labelled `label` from `table`. */
  removeRow(table: ReturnType<HtmlReport['table']>, label: string): this {
    this.row(table, label).remove();
    return this;
  }

  /** Change the reporting year in <title> and the <h2> title. */
  titleYear(from: number, to: number): this {
    for (const sel of ['title', 'h2']) {
      const el = this.$(sel).first();
      const t = el.text();
      if (!t.includes(`${from}年度`)) throw new Error(`${sel} has no ${from}年度: ${t}`);
      el.text(t.replace(`${from}年度`, `${to}年度`));
    }
    return this;
  }

  /** Set the whole title (both <title> and <h2>). */
  title(text: string): this {
    this.$('title').first().text(text);
    this.$('h2').first().text(text);
    return this;
  }

  /** Insert a CMS metadata line under the title, as portals print it ("发布日期：2021-02-05  来源：…"). */
  meta(text: string): this {
    this.$('h2').first().after(`<div class="info">${text}</div>`);
    return this;
  }

  /** The <p> whose text contains `needle`. */
  para(needle: string) {
    const p = this.$('p').filter((_, el) => this.$(el).text().includes(needle));
    if (p.length !== 1) throw new Error(`expected one paragraph containing ${needle}, found ${p.length}`);
    return p.first();
  }

  /** Replace text inside the paragraph containing `needle`. */
  editPara(needle: string, from: string, to: string): this {
    const p = this.para(needle);
    p.text(replaceOnce(p.text(), from, to));
    return this;
  }

  /** Insert a paragraph after the one containing `needle`. */
  addParaAfter(needle: string, text: string): this {
    this.para(needle).after(`<p style="text-indent:2em">${text}</p>`);
    return this;
  }

  /** Remove the paragraph containing `needle`. */
  removePara(needle: string): this {
    this.para(needle).remove();
    return this;
  }
}

export function report001(): HtmlReport {
  return new HtmlReport(report001Html());
}
