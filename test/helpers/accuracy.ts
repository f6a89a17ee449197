/**
 * The accuracy harness: parse every real report (test/fixtures/real/<slug>/) and every seed with
 * `parseBytes`, and compare each cell with the hand-checked expected.json.
 *
 * A cell is
 * - exact:    the parser gives the printed value (number, money text, blank, '/', '无' …) and no doubt;
 * - doubtful: the parser marked the cell doubtful (`Cell.doubt`), whatever its value;
 * - missing:  the parser gives nothing for a printed cell (its row was not found) and no doubt;
 * - wrong:    the parser gives, without doubt, a value that is not the report's.
 * Rows the expected file does not list are blank in every column (as in the seeds' expected.json):
 * a parsed non-blank cell there is wrong.
 *
 * Shared by scripts/accuracy.ts (`npm run accuracy`) and test/core/real-reports.test.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseBytes, checkReport, TABLE2_BLOCKS, type Cell, type Report } from '@gongkai/shared/node';
import { REPO, SEEDS, FIXTURES, expectedReports } from '../core/fixtures.ts';

/** Real fixtures committed with the code (expected.json + source.json, original where present). */
export const REAL = join(REPO, 'test', 'fixtures', 'real');
/** Where the steering side keeps original documents that are not committed with the code. */
export const SHARED_REAL = join(FIXTURES, 'real');

/** An expected cell: number, printed text (money, '/', '无', '—'), null = blank, or unreadable. */
export type ExpectedCell = number | string | null | { unreadable: string };

export interface ExpectedTables {
  file: string;
  agency?: string;
  year?: number;
  template?: string;
  table2: Record<string, ExpectedCell[]> | null;
  table3: Record<string, ExpectedCell[]> | null;
  table4: ExpectedCell[] | null;
}

export interface Fixture {
  /** 'real/<slug>' or 'seed/<file>'. */
  name: string;
  expected: ExpectedTables;
  /** Path of the original document, or null when it is not on this machine. */
  path: string | null;
  /** SHA-256 the original must have (real fixtures), checked before use. */
  sha256?: string;
}

export type Verdict = 'exact' | 'doubtful' | 'missing' | 'wrong';

export interface CellResult {
  table: 'table2' | 'table3' | 'table4';
  row: string;
  col: number;
  expected: ExpectedCell;
  /** What the parser gave: its raw text, or null when it gave no cell. */
  parsed: string | null;
  verdict: Verdict;
  doubt?: string;
}

export interface FixtureResult {
  name: string;
  /** Why the fixture could not be compared (original absent, unparseable …). */
  skipped?: string;
  error?: string;
  cells: CellResult[];
  counts: Record<Verdict, number>;
  /** Finding ids with severity, as `id(severity)`. */
  findings: string[];
  agency: string | null;
  year: number | null;
  template: string | null;
  /** Agency, year and template compared with expected.json (every fixture's file names all three). */
  meta: MetaResult[];
}

/** One metadata field: what expected.json says and what the parser read. */
export interface MetaResult {
  field: 'agency' | 'year' | 'template';
  expected: string | number | null;
  parsed: string | number | null;
  ok: boolean;
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** Every fixture: the real ones (sorted by slug), then the seeds with tables in expected.json. */
export function listFixtures(): Fixture[] {
  const out: Fixture[] = [];
  const slugs = existsSync(REAL) ? readdirSync(REAL, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
  for (const slug of slugs) {
    const dir = join(REAL, slug);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedTables;
    const source = JSON.parse(readFileSync(join(dir, 'source.json'), 'utf8')) as { sha256?: string };
    const candidates = [join(dir, expected.file), join(SHARED_REAL, slug, expected.file)];
    const path = candidates.find((p) => existsSync(p)) ?? null;
    out.push({ name: `real/${slug}`, expected, path, ...(source.sha256 ? { sha256: source.sha256 } : {}) });
  }
  for (const exp of expectedReports()) {
    out.push({ name: `seed/${exp.file}`, expected: exp as unknown as ExpectedTables, path: resolve(SEEDS, exp.file) });
  }
  return out;
}

function cellVerdict(exp: ExpectedCell, cell: Cell | undefined, money: boolean): Pick<CellResult, 'parsed' | 'verdict' | 'doubt'> {
  if (!cell) return { parsed: null, verdict: exp === null ? 'exact' : 'missing' };
  const parsed = cell.raw;
  if (cell.doubt) return { parsed, verdict: 'doubtful', doubt: cell.doubt };
  let ok: boolean;
  if (exp === null) ok = cell.kind === 'blank';
  else if (typeof exp === 'number') ok = cell.kind === 'number' && cell.value === exp;
  else if (typeof exp === 'string') {
    ok = money ? cell.kind !== 'blank' && norm(cell.raw) === norm(exp) : cell.kind !== 'number' && cell.kind !== 'blank' && norm(cell.raw) === norm(exp);
  } else ok = false;
  return { parsed, verdict: ok ? 'exact' : 'wrong' };
}

const isBlank = (c: Cell) => c.kind === 'blank' && !c.doubt;

function compareRows(
  table: CellResult['table'], expected: Record<string, ExpectedCell[]> | null,
  parsed: Map<string, Cell[]>, moneyCols: (row: string) => boolean[], out: CellResult[],
): void {
  for (const [row, values] of Object.entries(expected ?? {})) {
    const cells = parsed.get(row);
    const money = moneyCols(row);
    values.forEach((exp, col) => {
      if (exp !== null && typeof exp === 'object') return; // unreadable in the source: not scored
      // Row not found: every printed cell of it (blank ones too) was not read.
      const v = cells ? cellVerdict(exp, cells[col], money[col] ?? false) : { parsed: null, verdict: 'missing' as Verdict };
      out.push({ table, row, col, expected: exp, ...v });
    });
  }
  for (const [row, cells] of parsed) {
    if (expected && row in expected) continue;
    cells.forEach((cell, col) => {
      if (isBlank(cell)) return;
      out.push({ table, row, col, expected: null, parsed: cell.raw, verdict: cell.doubt ? 'doubtful' : 'wrong', ...(cell.doubt ? { doubt: cell.doubt } : {}) });
    });
  }
}

/** Compare one parsed report with its expected tables, cell by cell. */
export function compareReport(report: Report, exp: ExpectedTables): CellResult[] {
  const out: CellResult[] = [];
  const t2 = report.table2;
  const t2cells = new Map((t2?.rows ?? []).map((r) => [r.label, r.cells] as const));
  const moneyOf = (label: string): boolean[] => {
    const layout = t2?.layout ?? (exp.template === '2019' ? '2019' : '2021');
    const block = TABLE2_BLOCKS[layout].find((b) => b.rows.some((r) => r.label === label || r.aliases?.includes(label)));
    return block ? block.columns.map((c) => c.kind === 'money') : [];
  };
  compareRows('table2', exp.table2, t2cells, moneyOf, out);
  const t3cells = new Map((report.table3?.rows ?? []).map((r) => [r.key, r.cells] as const));
  compareRows('table3', exp.table3, t3cells, () => [], out);
  const t4 = report.table4 ? new Map([['table4', report.table4.cells]]) : new Map<string, Cell[]>();
  compareRows('table4', exp.table4 ? { table4: exp.table4 } : null, t4, () => [], out);
  return out;
}

const zero = (): Record<Verdict, number> => ({ exact: 0, doubtful: 0, missing: 0, wrong: 0 });

/** Compare the parsed agency, year and template with expected.json's; a field it does not name is a mismatch. */
export function compareMeta(report: Pick<Report, 'agency' | 'year' | 'template'>, exp: ExpectedTables): MetaResult[] {
  return (['agency', 'year', 'template'] as const).map((field) => {
    const expected = exp[field] ?? null;
    const parsed = report[field] ?? null;
    return { field, expected, parsed, ok: expected !== null && expected === parsed };
  });
}

/** "agency 平潭综合实验区 ✓, year 2019 ✓, template 2019 ✓"; a mismatch reads "agency X ≠ expected Y". */
export function describeMeta(meta: readonly MetaResult[]): string {
  return meta.map((m) => (m.ok ? `${m.field} ${m.parsed} ✓` : `${m.field} ${m.parsed ?? '(none)'} ≠ expected ${m.expected ?? '(none)'}`)).join(', ');
}

/** Parse one fixture's original and compare it. Never throws for a bad document. */
export async function runFixture(f: Fixture): Promise<FixtureResult> {
  const base = { name: f.name, cells: [] as CellResult[], counts: zero(), findings: [] as string[], agency: null, year: null, template: null, meta: [] as MetaResult[] };
  if (!f.path) return { ...base, skipped: `original ${f.expected.file} not present (see source.json)` };
  const bytes = new Uint8Array(readFileSync(f.path));
  if (f.sha256) {
    const got = createHash('sha256').update(bytes).digest('hex');
    if (got !== f.sha256) return { ...base, error: `${f.path} is not the recorded original (sha256 ${got} ≠ ${f.sha256})` };
  }
  const parsed = await parseBytes(bytes, { name: f.expected.file, ocr: false });
  if (!parsed.ok) return { ...base, error: `unparseable: ${parsed.reason}: ${parsed.message.en}` };
  const report = parsed.report;
  const cells = compareReport(report, f.expected);
  const counts = zero();
  for (const c of cells) counts[c.verdict]++;
  const findings = checkReport(report).findings.map((x) => `${x.id}(${x.severity})`);
  const meta = compareMeta(report, f.expected);
  return { name: f.name, cells, counts, findings, agency: report.agency, year: report.year, template: report.template, meta };
}

/** Totals over fixture results, with the share of exact cells. */
export function totals(results: FixtureResult[]): Record<Verdict, number> & { cells: number; exactPct: number } {
  const t = zero();
  for (const r of results) for (const k of Object.keys(t) as Verdict[]) t[k] += r.counts[k];
  const cells = t.exact + t.doubtful + t.missing + t.wrong;
  return { ...t, cells, exactPct: cells ? (100 * t.exact) / cells : 0 };
}

const show = (v: ExpectedCell | string | null) => (v === null ? '(blank)' : typeof v === 'object' ? '(unreadable)' : v === '' ? '(blank)' : String(v));

/** One line per cell that is not exact: table/row/column, printed vs parsed, doubt reason. */
export function describeCell(c: CellResult): string {
  const where = `${c.table}/${c.row}/${c.col}`;
  const parsed = c.parsed === null ? '(no cell)' : show(c.parsed);
  return `${c.verdict.padEnd(8)} ${where}: printed ${show(c.expected)}, parsed ${parsed}${c.doubt ? ` — doubt: ${c.doubt}` : ''}`;
}
