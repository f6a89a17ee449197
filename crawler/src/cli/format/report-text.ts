/** The human-readable report `gongkai parse` prints: header, tables, ✓/✗ per check, evidence. */
import { CHECKS, TABLE3_COLUMNS, TABLE3_ROWS, type Cell, type CheckResult, type Report } from '@gongkai/shared';
import { clip, padEnd, padStart } from './width.js';

export type Lang = 'zh' | 'en';

const color = (code: number) => (s: string) => (process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[${code}m${s}\x1b[0m` : s);
const red = color(31);
const yellow = color(33);
const green = color(32);
const dim = color(2);
const bold = color(1);

function cellText(c: Cell | undefined): string {
  if (!c) return '?';
  if (c.doubt) return '?';
  if (c.kind === 'blank') return '·';
  if (c.kind === 'number') return String(c.value) + (c.unit && c.unit !== '件' ? c.unit : '');
  return c.raw;
}

function header(r: Report, res: CheckResult, lang: Lang): string[] {
  const errors = res.findings.filter((f) => f.severity === 'error').length;
  const warnings = res.findings.filter((f) => f.severity === 'warning').length;
  const infos = res.findings.filter((f) => f.severity === 'info').length;
  const tmpl = r.template === '2019' ? '2019年版格式' : r.template === '2021' ? '2021年版格式' : r.template === 'pre-2019' ? '2019年前无统一格式' : '格式未知';
  const line1 = lang === 'zh'
    ? `${r.agency ?? '（机关未知）'} · ${r.year ?? '?'}年度 · ${tmpl}${r.publishedAt ? ` · 发布于${r.publishedAt}` : ''}`
    : `${r.agency ?? '(agency unknown)'} · ${r.year ?? '?'} · template ${r.template}${r.publishedAt ? ` · published ${r.publishedAt}` : ''}`;
  const src = [r.source.name ?? r.source.url, r.source.kind, r.source.encoding, r.source.ocr ? 'OCR' : null].filter(Boolean).join(' · ');
  const verdict = lang === 'zh'
    ? `得分 ${res.score.value}/100 · ${errors} 个错误 · ${warnings} 个警告 · ${infos} 个提示`
    : `Score ${res.score.value}/100 · ${errors} error(s) · ${warnings} warning(s) · ${infos} note(s)`;
  const scored = errors ? red(verdict) : warnings ? yellow(verdict) : green(verdict);
  return [bold(line1), dim(src), scored];
}

function table3(r: Report, lang: Lang): string[] {
  if (!r.table3) return [];
  const labW = 26;
  const cols = TABLE3_COLUMNS.map((c) => c.label);
  const colW = 9;
  const out = [bold(lang === 'zh' ? `表三 收到和处理政府信息公开申请情况（${r.table3.layout}年版）` : `Table 3 — applications (${r.table3.layout} layout)`)];
  out.push(padEnd('', labW) + cols.map((c) => padStart(clip(c, colW - 1), colW)).join(''));
  for (const row of r.table3.rows) {
    if (row.cells.every((c) => c.kind === 'blank' && !c.doubt)) continue;
    const def = TABLE3_ROWS.find((d) => d.key === row.key);
    const label = clip((def?.label ?? row.key).replace(/^三、本年度办理结果\s*/, ''), labW - 1);
    out.push(padEnd(label, labW) + row.cells.map((c) => padStart(cellText(c), colW)).join(''));
  }
  out.push(dim(lang === 'zh' ? '（空白行未列出；· = 空白，? = 无法可靠读取）' : '(blank rows omitted; · = blank, ? = unreadable)'));
  return out;
}

function table2(r: Report, lang: Lang): string[] {
  if (!r.table2) {
    if (!r.table2Prose.length) return [];
    return [bold(lang === 'zh' ? '表二（仅文字/图示）' : 'Table 2 (prose/infographic only)'),
      ...r.table2Prose.map((c) => `  ${c.topic.replace(/^table2:/, '')} = ${c.value}${c.unit ?? ''}`)];
  }
  const out = [bold(lang === 'zh' ? `表二 主动公开政府信息情况（${r.table2.layout}年版）` : `Table 2 — proactive disclosure (${r.table2.layout} layout)`)];
  for (const row of r.table2.rows) {
    out.push(`  ${padEnd(row.label, 22)}${row.cells.map((c, i) => `${dim(row.columns[i] ?? '')} ${cellText(c)}`).join('  ')}`);
  }
  return out;
}

function table4(r: Report, lang: Lang): string[] {
  if (!r.table4) return [];
  const g = (i: number) => r.table4!.cells.slice(i * 5, i * 5 + 5).map(cellText).join(' ');
  return [bold(lang === 'zh' ? '表四 行政复议、行政诉讼（维持 纠正 其他 未结 总计）' : 'Table 4 — review / litigation (upheld corrected other pending total)'),
    `  ${lang === 'zh' ? '行政复议' : 'review'}: ${g(0)}   ${lang === 'zh' ? '直接起诉' : 'direct suit'}: ${g(1)}   ${lang === 'zh' ? '复议后起诉' : 'after review'}: ${g(2)}`];
}

function checks(res: CheckResult, lang: Lang, verbose: boolean): string[] {
  const out = [bold(lang === 'zh' ? '检查' : 'Checks')];
  for (const info of CHECKS) {
    const o = res.outcomes.find((x) => x.id === info.id);
    if (!o) continue;
    const title = lang === 'zh' ? info.zh : info.en;
    if (o.status === 'pass') { if (verbose) out.push(`${green('✓')} ${padEnd(info.id, 30)} ${dim(title)}`); continue; }
    if (o.status === 'not-applicable') { if (verbose) out.push(`${dim('–')} ${padEnd(info.id, 30)} ${dim(o.reason?.[lang] ?? '')}`); continue; }
    if (o.status === 'cannot-run') { out.push(`${yellow('?')} ${padEnd(info.id, 30)} ${lang === 'zh' ? '无法检查：' : 'could not run: '}${o.reason?.[lang] ?? ''}`); continue; }
    for (const f of res.findings.filter((x) => x.id === info.id)) {
      const mark = f.severity === 'error' ? red('✗') : f.severity === 'warning' ? yellow('!') : dim('i');
      out.push(`${mark} ${padEnd(info.id, 30)} ${f.message[lang]}`);
      if (f.evidence.expression) out.push(`    ${dim(lang === 'zh' ? '证据' : 'evidence')} ${f.evidence.expression}`);
      for (const s of f.evidence.sentences.slice(0, 2)) out.push(`    ${dim('「')}${clip(s.text.replace(/\s+/g, ''), 90)}${dim('」')}`);
    }
  }
  const passed = res.outcomes.filter((o) => o.status === 'pass').length;
  if (!verbose) out.push(dim(lang === 'zh' ? `（另有${passed}项检查通过；--verbose 显示全部）` : `(${passed} more checks passed; --verbose lists all)`));
  return out;
}

export function formatReport(r: Report, res: CheckResult, opts: { lang: Lang; verbose: boolean }): string {
  const blocks = [header(r, res, opts.lang), table2(r, opts.lang), table3(r, opts.lang), table4(r, opts.lang), checks(res, opts.lang, opts.verbose)];
  if (r.notes.length && opts.verbose) blocks.push([bold(opts.lang === 'zh' ? '解析备注' : 'Parser notes'), ...r.notes.map((n) => `  ${n}`)]);
  return blocks.filter((b) => b.length).map((b) => b.join('\n')).join('\n\n') + '\n';
}
