/**
 * Reading an import: our own export, a crawler export (`gongkai.crawl/1`), or lists of report models
 * or JSON contracts. Everything is validated with the shared zod schema, never trusted.
 */
import { Report } from '@gongkai/shared/browser';
import type { Report as ReportT } from '@gongkai/shared/browser';
import { isContract, reportFromContract } from '@gongkai/shared/browser';

export interface ImportOutcome { reports: ReportT[]; rejected: number; reasons: string[] }

const MAX_ITEMS = 5000;

/** Candidate report objects inside an export: our own format, a crawler export, a list of contracts. */
function candidates(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    // A crawler export (`gongkai.crawl/1`) lists `contracts`; secondary copies (primary: false) are skipped.
    if (Array.isArray(o.contracts)) return (o.contracts as unknown[]).filter((c) => (c as { primary?: unknown })?.primary !== false);
    for (const k of ['entries', 'reports', 'items', 'documents', 'results']) {
      if (Array.isArray(o[k])) return o[k] as unknown[];
    }
    return [data];
  }
  return [];
}

function reportOf(item: unknown): unknown {
  const inner = item && typeof item === 'object' && 'report' in item ? (item as { report: unknown }).report : item;
  const contract = isContract(inner) ? inner : item && typeof item === 'object' && isContract((item as { contract?: unknown }).contract) ? (item as { contract: unknown }).contract : null;
  if (!contract || !isContract(contract)) return inner;
  const r = reportFromContract(contract);
  const url = (item as { url?: unknown }).url;
  return r.source.url === null && typeof url === 'string' ? { ...r, source: { ...r.source, url: url.slice(0, 2000) } } : r;
}

/** Parses an export (ours or the crawler's). Everything that is not a valid report is counted as rejected. */
export function parseImport(text: string): ImportOutcome {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { reports: [], rejected: 1, reasons: [`not JSON: ${(e as Error).message.slice(0, 80)}`] };
  }
  const out: ImportOutcome = { reports: [], rejected: 0, reasons: [] };
  for (const item of candidates(data).slice(0, MAX_ITEMS)) {
    const parsed = Report.safeParse(reportOf(item));
    if (parsed.success && parsed.data.agency && parsed.data.year !== null) out.reports.push(parsed.data);
    else {
      out.rejected++;
      if (out.reasons.length < 5) out.reasons.push(parsed.success ? 'report without agency or year' : parsed.error.issues[0]?.message ?? 'invalid');
    }
  }
  return out;
}
