/** Narrative against tables: the figures a report states in prose must match its own tables. */
import { TABLE3_ROWS } from '../model/labels.js';
import type { ProseClaim, Report } from '../model/report.js';
import type { CellEvidence } from './types.js';
import type { CheckContext, Collector } from './context.js';
import { isEmpty, num, show, t2Label, t3Cell, t3Ev, t4Ev } from './context.js';
import { statedValue, t4StatedValue } from './stated.js';

interface Target {
  id: string;
  zh: string;
  en: string;
  /** Acceptable table values (any match passes), with the expression that gives each. */
  values: (r: Report) => { value: number; text: string; cells: CellEvidence[] }[] | null;
}

/**
 * The table's figure for `keys` in the 总计 column. A row whose 总计 is blank while its applicant
 * columns state numbers counts as the sum of those columns (checks/stated.ts), shown as such: the
 * report's own numbers, never an invented 0.
 */
function rowsSum(r: Report, keys: string[], name: string): { value: number; text: string; cells: CellEvidence[] } | null {
  const vals = keys.map((k) => statedValue(r, k, 6));
  if (vals.some((v) => Number.isNaN(v.value))) return null;
  const shown = vals.filter((v, i) => v.derived || !isEmpty(t3Cell(r, keys[i]!, 6)));
  const value = vals.reduce((s, v) => s + v.value, 0);
  const derived = vals.some((v) => v.derived);
  const cells = keys.flatMap((k, i) => (vals[i]!.derived ? [6, 0, 1, 2, 3, 4, 5] : [6]).map((c) => t3Ev(r, k, c)));
  const expr = shown.length > 1 || derived ? `${shown.map((v) => v.text).join('+')} = ` : '';
  return { value, text: `${name} ${expr}${value}`, cells };
}

const group = (prefix: string) => TABLE3_ROWS.filter((d) => d.key.startsWith(prefix)).map((d) => d.key);

const TARGETS: Record<string, Target> = {
  received: { id: 'prose.received', zh: '收到申请', en: 'applications received', values: (r) => {
    const a = rowsSum(r, ['newReceived'], '一、本年新收');
    const b = rowsSum(r, ['newReceived', 'carriedOver'], '一+二');
    return a && b ? [a, b] : null; } },
  carriedOver: { id: 'prose.carried-over', zh: '上年结转', en: 'carried over', values: (r) => { const a = rowsSum(r, ['carriedOver'], '二、上年结转'); return a ? [a] : null; } },
  carriedForward: { id: 'prose.carried-forward', zh: '结转下年度', en: 'carried forward', values: (r) => { const a = rowsSum(r, ['carriedForward'], '四、结转下年度'); return a ? [a] : null; } },
  granted: { id: 'prose.outcomes', zh: '予以公开', en: 'granted', values: (r) => { const a = rowsSum(r, ['granted'], '（一）予以公开'); return a ? [a] : null; } },
  partiallyGranted: { id: 'prose.outcomes', zh: '部分公开', en: 'partially granted', values: (r) => { const a = rowsSum(r, ['partiallyGranted'], '（二）部分公开'); return a ? [a] : null; } },
  grantedOrPartial: { id: 'prose.outcomes', zh: '公开及部分公开', en: 'granted or partially granted', values: (r) => { const a = rowsSum(r, ['granted', 'partiallyGranted'], '（一）+（二）'); return a ? [a] : null; } },
  denied: { id: 'prose.outcomes', zh: '不予公开', en: 'denied', values: (r) => { const a = rowsSum(r, group('denied.'), '（三）不予公开'); return a ? [a] : null; } },
  unable: { id: 'prose.outcomes', zh: '无法提供', en: 'unable to provide', values: (r) => {
    const all = rowsSum(r, group('unable.'), '（四）无法提供');
    const held = rowsSum(r, ['unable.notHeld'], '（四）1.不掌握');
    return all && held ? [all, held] : null; } },
  notProcessed: { id: 'prose.outcomes', zh: '不予处理', en: 'not processed', values: (r) => { const a = rowsSum(r, group('notProcessed.'), '（五）不予处理'); return a ? [a] : null; } },
  other: { id: 'prose.outcomes', zh: '其他处理', en: 'otherwise handled', values: (r) => {
    const a = rowsSum(r, r.table3?.layout === '2021' ? group('other.') : ['other'], '（六）其他处理'); return a ? [a] : null; } },
};

function compare(ctx: CheckContext, out: Collector, claim: ProseClaim, t: Target, values: (t: Target) => ReturnType<Target['values']>): void {
  const r = ctx.report;
  if (!r.table3) { out.cannotRun(t.id, `没有表三，无法核对正文“${claim.phrase}”`, `no table 3 to compare "${claim.phrase}" with`); return; }
  const options = values(t);
  if (!options) { out.cannotRun(t.id, '表三相关单元格无法读取', 'table 3 cells unreadable'); return; }
  if (options.some((o) => o.value === claim.value)) { out.pass(t.id); return; }
  const best = options[0]!;
  const expression = `正文 ${claim.value} ≠ 表三 ${best.text}`;
  out.fail(t.id, {
    zh: `正文称${t.zh}${claim.value}件（“${claim.phrase}”），表三为${best.value}件`,
    en: `The text says ${claim.value} ${t.en} ("${claim.phrase}"), table 3 says ${best.value}`,
  }, { cells: best.cells, sentences: [{ text: claim.sentence, source: claim.source }], expression, left: claim.value, right: best.value });
}

function compareTable4(ctx: CheckContext, out: Collector, claim: ProseClaim): void {
  const r = ctx.report;
  const id = 'prose.table4';
  if (!r.table4) { out.cannotRun(id, `没有表四，无法核对“${claim.phrase}”`, `no table 4 to compare "${claim.phrase}" with`); return; }
  const idx = claim.topic === 'reviews' ? [4] : claim.topic === 'litigation' ? [9, 14] : [4, 9, 14];
  // A 总计 left blank beside stated parts is compared as what the table states: its parts' sum.
  const stated = idx.map((i) => t4StatedValue(r, i));
  const vals = stated.map((v) => v.value);
  if (vals.some(Number.isNaN)) { out.cannotRun(id, '表四总计无法读取', 'table 4 totals unreadable'); return; }
  const value = vals.reduce((a, b) => a + b, 0);
  if (value === claim.value) { out.pass(id); return; }
  const what = claim.topic === 'reviews' ? '行政复议' : claim.topic === 'litigation' ? '行政诉讼' : '行政复议和行政诉讼';
  const expression = `正文 ${claim.value} ≠ 表四 ${stated.map((v) => v.text).join('+')} = ${value}`;
  out.fail(id, { zh: `正文称${what}${claim.value === 0 ? '为零' : `${claim.value}件`}（“${claim.phrase}”），表四总计为${value}：${expression}`, en: `The text says ${claim.value} ${claim.topic}, table 4 totals ${value}` },
    { cells: idx.flatMap((i, k) => (stated[k]!.derived ? [i - 4, i - 3, i - 2, i - 1, i] : [i]).map((j) => t4Ev(r, j))), sentences: [{ text: claim.sentence, source: claim.source }], expression, left: claim.value, right: value });
}

function compareTable2(ctx: CheckContext, out: Collector, claim: ProseClaim): void {
  const r = ctx.report;
  const id = 'prose.table2';
  if (!r.table2) { out.cannotRun(id, `没有标准表二，无法核对“${claim.phrase}”`, `no standard table 2 to compare "${claim.phrase}" with`); return; }
  const row = r.table2.rows.find((x) => x.label === '规范性文件' || x.label === '行政规范性文件');
  const cell = row?.cells[0];
  if (!row || !cell || Number.isNaN(num(cell))) { out.cannotRun(id, '表二规范性文件行无法读取', 'table 2 规范性文件 row unreadable'); return; }
  if (num(cell) === claim.value) { out.pass(id); return; }
  const expression = `正文 ${claim.value} ≠ 表二 ${row.label}·${row.columns[0]} ${show(cell)}`;
  out.fail(id, { zh: `正文称规范性文件${claim.value}件（“${claim.phrase}”），${expression}`, en: `The text says ${claim.value} normative documents, table 2 says ${num(cell)}` },
    { cells: [{ table: 'table2', row: row.label, col: 0, label: t2Label(row, 0), value: cell.value, raw: cell.raw, source: cell.source }],
      sentences: [{ text: claim.sentence, source: claim.source }], expression, left: claim.value, right: num(cell) });
}

/** Every prose check id, made once. */
const PROSE_IDS: readonly string[] = [...new Set(Object.values(TARGETS).map((x) => x.id).concat('prose.table4', 'prose.table2'))];

export function checkProse(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  // Each target's table-3 sums, made once per report (a report states the same figure in several sentences).
  const sums = new Map<Target, ReturnType<Target['values']>>();
  const values = (t: Target): ReturnType<Target['values']> => {
    if (!sums.has(t)) sums.set(t, t.values(r));
    return sums.get(t)!;
  };
  for (const claim of r.claims) {
    const t = TARGETS[claim.topic];
    if (t) compare(ctx, out, claim, t, values);
    else if (claim.topic === 'table2:规范性文件:new') compareTable2(ctx, out, claim);
    else if (['reviews', 'litigation', 'reviewsAndLitigation'].includes(claim.topic)) compareTable4(ctx, out, claim);
  }
  for (const t of PROSE_IDS) {
    out.notApplicable(t, '正文未给出相应数字', 'the text states no such figure');
  }
}
