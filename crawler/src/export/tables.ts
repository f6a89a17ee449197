/** A run as flat, typed tables (one per CSV file / spreadsheet sheet); docs/dataset.md lists every column. */
import type { RunSummary } from '../report/summary.js';
import type { FindingRow, ItemRow } from '../store/types.js';
import { tableOf, type Table } from './sheet.js';
import { ruleFields, snapshotFields, verdictFields } from './fields.js';

export type { Table } from './sheet.js';

type Portal = RunSummary['portals'][number];
type ColumnRow = RunSummary['columns'][number];

/** Items per year as columns `items_<year>`. */
function yearColumns(cols: ColumnRow[]) {
  const years = [...new Set(cols.flatMap((c) => Object.keys(c.perYear)))].sort();
  return years.map((y) => ({ key: `items_${y}`, zh: `${y}年条目数`, type: 'int' as const, get: (c: ColumnRow) => c.perYear[y] ?? (c.isParent ? null : 0) }));
}

/**
 * The run's column items (list records): a row each, with its date and where that date came from —
 * `printed` in its own row, `url` read only from its URL (the fallback), empty when undated or stored
 * before schema v8. Ordered by column, newest first.
 */
export function itemsTable(s: RunSummary, items: ItemRow[]): Table {
  const col = new Map(s.columns.map((c) => [c.key, c]));
  const rows = [...items].sort((a, b) => a.columnKey.localeCompare(b.columnKey) || (b.date ?? '').localeCompare(a.date ?? '') || a.url.localeCompare(b.url));
  return tableOf('items', [
    { key: 'run', zh: '批次', type: 'int', get: () => s.run.id },
    { key: 'host', zh: '网站', type: 'text', get: (i) => col.get(i.columnKey)?.host ?? null },
    { key: 'column', zh: '栏目', type: 'text', get: (i) => col.get(i.columnKey)?.name ?? null },
    { key: 'title', zh: '标题', type: 'text', get: (i) => i.title },
    { key: 'date', zh: '日期', type: 'date', get: (i) => i.date },
    { key: 'date_source', zh: '日期来源', type: 'text', get: (i) => i.dateSource },
    { key: 'url', zh: '网址', type: 'url', get: (i) => i.url },
    { key: 'column_url', zh: '栏目网址', type: 'url', get: (i) => col.get(i.columnKey)?.url ?? null },
  ], rows);
}

export function runTables(s: RunSummary, findings: FindingRow[]): Table[] {
  const doc = new Map(s.reports.map((r) => [r.url, r]));
  return [
    tableOf('reports', [
      { key: 'agency', zh: '机关', type: 'text', get: (r) => r.agency },
      { key: 'year', zh: '年度', type: 'int', get: (r) => r.year },
      { key: 'primary', zh: '主报告', type: 'bool', get: (r) => r.primary },
      { key: 'kind', zh: '格式', type: 'text', get: (r) => r.kind },
      { key: 'published_at', zh: '发布日期', type: 'date', get: (r) => r.publishedAt },
      { key: 'parse_ok', zh: '解析成功', type: 'bool', get: (r) => r.parseOk },
      { key: 'parse_reason', zh: '未解析原因', type: 'text', get: (r) => r.parseReason },
      { key: 'score', zh: '得分', type: 'int', get: (r) => r.score },
      { key: 'errors', zh: '错误', type: 'int', get: (r) => r.errors },
      { key: 'warnings', zh: '警告', type: 'int', get: (r) => r.warnings },
      { key: 'infos', zh: '提示', type: 'int', get: (r) => r.infos },
      { key: 'checks_failed', zh: '未通过检查', type: 'text', get: (r) => r.findingIds.join(' ') },
      { key: 'url', zh: '网址', type: 'url', get: (r) => r.url },
      { key: 'via_url', zh: '所在页面', type: 'url', get: (r) => r.viaUrl },
      { key: 'list_title', zh: '列表标题', type: 'text', get: (r) => r.title },
    ], s.reports),
    tableOf('findings', [
      { key: 'agency', zh: '机关', type: 'text', get: (f) => doc.get(f.docUrl)?.agency ?? null },
      { key: 'year', zh: '年度', type: 'int', get: (f) => doc.get(f.docUrl)?.year ?? null },
      { key: 'primary', zh: '主报告', type: 'bool', get: (f) => doc.get(f.docUrl)?.primary ?? null },
      { key: 'check_id', zh: '检查项', type: 'text', get: (f) => f.checkId },
      { key: 'severity', zh: '级别', type: 'text', get: (f) => f.severity },
      { key: 'message_zh', zh: '说明', type: 'text', get: (f) => f.messageZh },
      { key: 'message_en', zh: '说明（英文）', type: 'text', get: (f) => f.messageEn },
      { key: 'doc_url', zh: '报告网址', type: 'url', get: (f) => f.docUrl },
      { key: 'evidence', zh: '证据（JSON）', type: 'text', get: (f) => f.evidence },
    ], findings),
    tableOf('columns', [
      { key: 'run', zh: '批次', type: 'int', get: (c) => c.runId },
      { key: 'host', zh: '网站', type: 'text', get: (c) => c.host },
      ...snapshotFields<ColumnRow>((c) => c, () => s.run.now),
      { key: 'pages', zh: '列表页数', type: 'int', get: (c) => c.pages },
      { key: 'dates_printed', zh: '日期取自列表', type: 'int', get: (c) => c.datesPrinted },
      { key: 'dates_from_url', zh: '日期取自网址', type: 'int', get: (c) => c.datesFromUrl },
      ...yearColumns(s.columns),
      { key: 'url', zh: '网址', type: 'url', get: (c) => c.url },
    ], s.columns),
    tableOf('portals', [
      { key: 'host', zh: '网站', type: 'text', get: (p) => p.host },
      { key: 'name', zh: '名称', type: 'text', get: (p) => p.name },
      ...verdictFields<Portal>((p) => p),
      { key: 'columns', zh: '栏目数', type: 'int', get: (p) => p.columns },
      { key: 'items', zh: '条目数', type: 'int', get: (p) => p.items },
      { key: 'failed_rules', zh: '未通过规则', type: 'text', get: (p) => p.rules.filter((r) => r.failed).map((r) => r.id).join(' ') },
      ...ruleFields<Portal>((p) => p, s.portals),
    ], s.portals),
    tableOf('claims', [
      { key: 'agency', zh: '机关', type: 'text', get: (c) => c.agency },
      { key: 'year', zh: '年度', type: 'int', get: (c) => c.year },
      { key: 'label', zh: '项目', type: 'text', get: (c) => c.label },
      { key: 'claimed', zh: '报告所述', type: 'int', get: (c) => c.stated },
      { key: 'found', zh: '抓取所得', type: 'int', get: (c) => c.found },
      { key: 'difference', zh: '差额', type: 'int', get: (c) => (c.found === null ? null : c.stated - c.found) },
      { key: 'column', zh: '栏目', type: 'text', get: (c) => c.columnKey },
      { key: 'doc_url', zh: '报告网址', type: 'url', get: (c) => c.docUrl },
    ], s.statedCounts),
    tableOf('faults', [
      { key: 'kind', zh: '故障类型', type: 'text', get: (f) => f.errorKind },
      { key: 'task', zh: '任务', type: 'text', get: (f) => f.kind },
      { key: 'url', zh: '网址', type: 'url', get: (f) => f.url },
      { key: 'http_status', zh: 'HTTP状态', type: 'int', get: (f) => f.status },
      { key: 'attempts', zh: '尝试次数', type: 'int', get: (f) => f.attempts },
      { key: 'error', zh: '错误', type: 'text', get: (f) => f.error },
      { key: 'portal', zh: '网站', type: 'text', get: (f) => f.portal },
    ], s.failures),
  ];
}
