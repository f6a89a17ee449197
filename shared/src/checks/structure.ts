/** Structure checks: sections, tables present, rows complete, template and year consistent. */
import { SECTIONS } from '../model/labels.js';
import { CHECKS } from './catalogue.js';
import type { Cell } from '../model/report.js';
import { cellEvidence } from './types.js';
import type { CheckContext, Collector } from './context.js';
import { t2Label, t3Label } from './context.js';
import { doubtZh } from './doubt-words.js';
import { checkTotalsBlank } from './totals-blank.js';

export function checkStructure(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  if (r.template === 'pre-2019') {
    out.fail('structure.not-template', { zh: `${r.year}年度报告早于2019年统一格式，仅作参考`, en: `The ${r.year} report predates the 2019 template; structure checks do not apply` },
      { cells: [], sentences: r.title ? [{ text: r.title, source: null }] : [] });
    for (const c of CHECKS) {
      if (c.category === 'structure' || c.category === 'template') out.notApplicable(c.id, '2019年以前无统一格式', 'no template before 2019');
    }
    return;
  }
  out.pass('structure.not-template');

  // Sections
  const have = new Set(r.sections.map((s) => s.n));
  const missing = SECTIONS.filter((s) => !have.has(s.n));
  if (missing.length) {
    out.fail('structure.sections', {
      zh: `缺少标准章节：${missing.map((s) => `${'一二三四五六'[s.n - 1]}、${s.heading}`).join('；')}`,
      en: `Missing standard section(s): ${missing.map((s) => s.n).join(', ')} of 6`,
    }, { cells: [], sentences: r.sections.map((s) => ({ text: s.heading, source: { kind: 'text', line: s.line, start: 0, end: s.heading.length } })) });
  } else out.pass('structure.sections');
  const odd = r.sections.filter((s) => !s.standard);
  if (odd.length) {
    out.fail('structure.headings', {
      zh: `以下章节标题与格式不一致：${odd.map((s) => `“${s.heading}”（应为${'一二三四五六'[s.n - 1]}、${SECTIONS[s.n - 1]!.heading}）`).join('；')}`,
      en: `Non-standard heading(s): ${odd.map((s) => `"${s.heading}" (template: ${SECTIONS[s.n - 1]!.heading})`).join('; ')}`,
    }, { cells: [], sentences: odd.map((s) => ({ text: s.heading, source: { kind: 'text', line: s.line, start: 0, end: s.heading.length } })) });
  } else out.pass('structure.headings');

  // Tables
  if (!r.table2 && r.table2Prose.length) {
    out.fail('structure.table2.nonstandard', {
      zh: `表二未以标准表格列示，仅在文字或图示中给出${r.table2Prose.length}个数字`,
      en: `Table 2 is not a standard table; ${r.table2Prose.length} figures appear only as prose/infographic`,
    }, { cells: [], sentences: r.table2Prose.map((c) => ({ text: c.sentence, source: c.source })) });
    out.pass('structure.table2.missing');
  } else if (!r.table2) {
    out.fail('structure.table2.missing', { zh: '未找到表二（主动公开政府信息情况）', en: 'Table 2 (proactive disclosure) not found' }, { cells: [], sentences: [] });
    out.pass('structure.table2.nonstandard');
  } else { out.pass('structure.table2.missing'); out.pass('structure.table2.nonstandard'); }

  const t3claim = r.claims.find((c) => c.topic === 'received');
  if (!r.table3) {
    out.fail('structure.table3.missing', {
      zh: `未找到表三（收到和处理政府信息公开申请情况）${t3claim ? `，正文仅称“${t3claim.phrase}”` : ''}`,
      en: `Table 3 (applications) not found${t3claim ? `; the text only says "${t3claim.phrase}"` : ''}`,
    }, { cells: [], sentences: t3claim ? [{ text: t3claim.sentence, source: t3claim.source }] : [] });
  } else out.pass('structure.table3.missing');
  if (!r.table4) out.fail('structure.table4.missing', { zh: '未找到表四（行政复议、行政诉讼情况）', en: 'Table 4 (review and litigation) not found' }, { cells: [], sentences: [] });
  else out.pass('structure.table4.missing');

  // Rows
  if (!r.table2) out.cannotRun('structure.table2.rows', '没有标准表二', 'no standard table 2');
  if (!r.table3) out.cannotRun('structure.table3.rows', '没有表三', 'no table 3');
  if (r.table2?.missingRows.length) {
    out.fail('structure.table2.rows', { zh: `表二缺少：${r.table2.missingRows.join('、')}`, en: `Table 2 lacks rows: ${r.table2.missingRows.join(', ')}` }, { cells: [], sentences: [] });
  } else if (r.table2) out.pass('structure.table2.rows');
  if (r.table3 && (r.table3.missingRows.length || r.table3.extraRows.length)) {
    const parts = [
      r.table3.missingRows.length ? `缺少${r.table3.missingRows.length}行（${r.table3.missingRows.map((k) => t3Label(k, 6).replace(/ · .*$/, '')).join('、')}）` : '',
      r.table3.extraRows.length ? `多出${r.table3.extraRows.length}行（${r.table3.extraRows.map((x) => x.printed).join('、')}）` : '',
    ].filter(Boolean);
    out.fail('structure.table3.rows', { zh: `表三${parts.join('，')}`, en: `Table 3: ${r.table3.missingRows.length} template row(s) missing (${r.table3.missingRows.join(', ')}), ${r.table3.extraRows.length} extra row(s)` },
      { cells: r.table3.extraRows.flatMap((x) => x.cells.slice(6).map((c) => cellEvidence('table3', x.printed, 6, x.printed, c))), sentences: [] });
  } else if (r.table3) out.pass('structure.table3.rows');

  checkDoubtful(ctx, out);
  checkTotalsBlank(ctx, out);
  checkStatements(ctx, out);
  checkTemplate(ctx, out);
  checkYear(ctx, out);
}

function checkDoubtful(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  const bad: { label: string; cell: Cell; table: string; row: string; col: number }[] = [];
  r.table2?.rows.forEach((row) => row.cells.forEach((c, i) => { if (c.doubt) bad.push({ label: t2Label(row, i), cell: c, table: 'table2', row: row.label, col: i }); }));
  r.table3?.rows.forEach((row) => row.cells.forEach((c, i) => { if (c.doubt) bad.push({ label: t3Label(row.key, i), cell: c, table: 'table3', row: row.key, col: i }); }));
  r.table4?.cells.forEach((c, i) => { if (c.doubt) bad.push({ label: `表四 #${i + 1}`, cell: c, table: 'table4', row: String(Math.floor(i / 5)), col: i }); });
  if (bad.length) {
    const reasons = [...new Set(bad.map((b) => b.cell.doubt!))].slice(0, 3);
    out.fail('structure.unreadable-cells', {
      zh: `${bad.length}个单元格无法可靠读取，未参与计算：${[...new Set(reasons.map(doubtZh))].join('；')}`,
      en: `${bad.length} cell(s) could not be read or placed reliably and were left out: ${reasons.join('; ')}`,
    }, { cells: bad.slice(0, 50).map((b) => cellEvidence(b.table, b.row, b.col, b.label, b.cell)), sentences: [] });
  } else out.pass('structure.unreadable-cells');
}

function checkTemplate(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  if (r.template !== '2019' && r.template !== '2021') {
    out.cannotRun('template.mismatch', '报告年度未知，无法判断应使用的格式', 'report year unknown');
    return;
  }
  const layouts = [r.table2?.layout && ['表二', r.table2.layout], r.table3?.layout && ['表三', r.table3.layout]].filter(Boolean) as [string, string][];
  if (!layouts.length) { out.cannotRun('template.mismatch', '没有可判断格式的表格', 'no table to judge the layout from'); return; }
  const wrong = layouts.filter(([, l]) => l !== r.template);
  if (wrong.length) {
    out.fail('template.mismatch', {
      zh: `${r.year}年度报告应使用${r.template === '2021' ? '2021年版（国办公开办函〔2021〕30号）' : '2019年版（国办公开办函〔2019〕60号）'}格式，但${wrong.map(([t, l]) => `${t}为${l}年版`).join('、')}`,
      en: `A ${r.year} report must use the ${r.template} template, but ${wrong.map(([t, l]) => `${t === '表二' ? 'table 2' : 'table 3'} uses the ${l} layout`).join(' and ')}`,
    }, { cells: [], sentences: [] });
  } else out.pass('template.mismatch');
}

function checkYear(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  if (r.year === null || !r.period) { out.cannotRun('structure.year', '未找到统计期限', 'no statistical period stated'); return; }
  const py = Number(r.period.from.slice(0, 4));
  const ty = Number(r.period.to.slice(0, 4));
  if (py !== r.year || ty !== r.year) {
    out.fail('structure.year', { zh: `标题为${r.year}年度，统计期限为${r.period.from}至${r.period.to}`, en: `Title says ${r.year}; statistical period is ${r.period.from} to ${r.period.to}` },
      { cells: [], sentences: [{ text: `${r.period.from} – ${r.period.to}`, source: null }], left: r.year, right: py });
  } else out.pass('structure.year');
}

/**
 * The 2021 template asks section 六 to state the information-processing fees charged
 * (国办函〔2020〕109号) and section 五 to say how last year's problems were fixed.
 */
function checkStatements(ctx: CheckContext, out: Collector): void {
  const r = ctx.report;
  const ids = ['structure.fee-statement', 'structure.improvement-statement'] as const;
  if (r.template !== '2021') { for (const id of ids) out.notApplicable(id, '仅适用于2021年版格式', 'applies to the 2021 template only'); return; }
  const six = r.sections.find((s) => s.n === 6);
  if (!six) out.cannotRun('structure.fee-statement', '没有第六部分', 'no section 六');
  else if (!/信息处理费|处理费|收取费用|收费/.test(six.text.replace(/\s+/g, ''))) {
    out.fail('structure.fee-statement', { zh: '第六部分未说明是否收取信息处理费', en: 'Section 六 says nothing about information-processing fees' },
      { cells: [], sentences: [{ text: `${six.heading} ${six.text.slice(0, 80)}`, source: { kind: 'text', line: six.line, start: 0, end: six.heading.length } }] });
  } else out.pass('structure.fee-statement');
  const five = r.sections.find((s) => s.n === 5);
  if (!five) out.cannotRun('structure.improvement-statement', '没有第五部分', 'no section 五');
  else if (!/改进|整改|落实|完善|已解决|解决/.test(five.text.replace(/\s+/g, ''))) {
    out.fail('structure.improvement-statement', { zh: '第五部分未说明上年问题的改进情况', en: "Section 五 does not say how last year's problems were addressed" },
      { cells: [], sentences: [{ text: `${five.heading} ${five.text.slice(0, 80)}`, source: { kind: 'text', line: five.line, start: 0, end: five.heading.length } }] });
  } else out.pass('structure.improvement-statement');
}
