/** The one-line verdict of a tab, for the popup. */
import type { ColumnVerdict } from './column';
import type { PageCheck } from './check-page';
import { summarize } from './history-model';
import { VERDICT_KINDS, type TabVerdict } from './messages';

const NOT_REPORT = { zh: '此页不是年度报告、公开栏目或报告附件，无需检查。', en: 'No annual report, disclosure column or report attachment on this page: nothing to check.' };

/** While the lens reads the page (or waits for its text to arrive). */
export function checkingVerdict(url: string): TabVerdict {
  return { url, kind: 'checking', title: null, agency: null, year: null, summary: null, line: { zh: '正在检查此页…', en: 'Checking this page…' } };
}

/** The gate's quick look found nothing of ours on the page. */
export function noneVerdict(url: string): TabVerdict {
  return { url, kind: 'not-report', title: null, agency: null, year: null, summary: null, line: NOT_REPORT };
}

export function verdictOf(check: PageCheck | null, column: ColumnVerdict | null, attachments: number, url: string): TabVerdict {
  if (check?.ok) {
    const s = summarize(check.result);
    const r = check.report;
    return {
      url, kind: 'report', title: r.title, agency: r.agency, year: r.year, summary: s,
      line: { zh: `错误 ${s.errors} · 警告 ${s.warnings} · 评分 ${s.score}`, en: `${s.errors} errors · ${s.warnings} warnings · score ${s.score}` },
    };
  }
  if (column) {
    return {
      url, kind: 'column', title: column.name, agency: null, year: null, summary: null,
      line: { zh: `栏目 ${column.count} 条，最新 ${column.newest ?? '无'}`, en: `column: ${column.count} items, newest ${column.newest ?? 'none'}` },
    };
  }
  if (check && !check.ok && check.reason === 'too-big') {
    return { url, kind: 'too-big', title: null, agency: null, year: null, summary: null, line: { zh: `${check.message.zh}。可用命令行检查。`, en: `${check.message.en}; the CLI can check it.` } };
  }
  if (check && !check.ok) {
    return { url, kind: 'not-report', title: null, agency: null, year: null, summary: null, line: { zh: `无法解析：${check.message.zh}`, en: `not readable: ${check.message.en}` } };
  }
  return {
    url, kind: attachments ? 'attachments' : 'not-report', title: null, agency: null, year: null, summary: null,
    line: attachments ? { zh: `${attachments} 个附件`, en: `${attachments} attachments` } : NOT_REPORT,
  };
}

/** A verdict as the lens makes it (for values that come back from a page's world or storage). */
export function isTabVerdict(v: unknown): v is TabVerdict {
  const t = v as Partial<TabVerdict> | null;
  return typeof t === 'object' && t !== null && typeof t.url === 'string' && typeof t.kind === 'string' && (VERDICT_KINDS as readonly string[]).includes(t.kind)
    && typeof t.line === 'object' && t.line !== null && typeof t.line.zh === 'string' && typeof t.line.en === 'string';
}
