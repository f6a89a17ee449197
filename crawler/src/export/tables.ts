/** A run as flat tables (one per CSV file / spreadsheet sheet). */
import type { RunSummary } from '../report/summary.js';
import type { FindingRow } from '../store/types.js';
import { freshness } from '../columns/verdict.js';

export interface Table { name: string; header: string[]; rows: (string | number | null)[][] }

export function runTables(s: RunSummary, findings: FindingRow[]): Table[] {
  const doc = new Map(s.reports.map((r) => [r.url, r]));
  return [
    { name: 'reports', header: ['agency', 'year', 'primary', 'kind', 'published_at', 'parse_ok', 'parse_reason', 'score', 'errors', 'warnings', 'infos', 'checks_failed', 'url', 'via_url', 'list_title'],
      rows: s.reports.map((r) => [r.agency, r.year, r.primary ? 1 : 0, r.kind, r.publishedAt, r.parseOk ? 1 : 0, r.parseReason, r.score, r.errors, r.warnings, r.infos, r.findingIds.join(' '), r.url, r.viaUrl, r.title]) },
    { name: 'findings', header: ['agency', 'year', 'primary', 'check_id', 'severity', 'message_zh', 'message_en', 'doc_url', 'evidence'],
      rows: findings.map((f) => { const d = doc.get(f.docUrl); return [d?.agency ?? null, d?.year ?? null, d?.primary ? 1 : 0, f.checkId, f.severity, f.messageZh, f.messageEn, f.docUrl, f.evidence]; }) },
    { name: 'columns', header: ['run', 'host', 'column', 'category', 'parent', 'status', 'items', 'newest', 'oldest', 'freshness', 'per_year', 'pages', 'url'],
      rows: s.columns.map((c) => [c.runId, c.host, c.name, c.category, c.isParent ? 1 : 0, c.status, c.itemCount, c.newest, c.oldest, c.isParent ? null : freshness(c, s.run.now), JSON.stringify(c.perYear), c.pages, c.url]) },
    { name: 'portals', header: ['host', 'name', 'passed', 'columns', 'items', 'failed_rules', 'rules'],
      rows: s.portals.map((p) => [p.host, p.name, p.passed ? 1 : 0, p.columns, p.items, p.rules.filter((r) => r.failed).map((r) => r.id).join(' '), p.rules.map((r) => `${r.id}=${r.count}`).join(' ')]) },
    { name: 'claims', header: ['agency', 'year', 'label', 'claimed', 'found', 'difference', 'column', 'doc_url'],
      rows: s.claims.map((c) => [c.agency, c.year, c.label, c.claimed, c.found, c.found === null ? null : c.claimed - c.found, c.columnKey, c.docUrl]) },
    { name: 'faults', header: ['kind', 'task', 'url', 'http_status', 'attempts', 'error', 'portal'],
      rows: s.failures.map((f) => [f.errorKind, f.kind, f.url, f.status, f.attempts, f.error, f.portal]) },
  ];
}
