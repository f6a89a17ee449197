/** Importing a crawler export (or our own export) into the history, checking each report on the way. */
import { checkReport } from '@gongkai/shared/browser';
import type { Report } from '@gongkai/shared/browser';
import { putEntry } from './db';
import { siteOf, toEntry } from './history-model';
import { parseImport } from './import-parse';

export interface ImportSummary { imported: number; rejected: number; reasons: string[] }

export async function importHistory(text: string): Promise<ImportSummary> {
  const parsed = parseImport(text);
  const byAgency = new Map<string, Report[]>();
  for (const r of parsed.reports) byAgency.set(r.agency!, [...(byAgency.get(r.agency!) ?? []), r]);
  let imported = 0;
  for (const reports of byAgency.values()) {
    for (const r of reports) {
      const result = checkReport(r, { history: reports.filter((h) => h !== r) });
      // An imported report belongs to the site its own URL names; one without a URL to none ('import').
      const entry = toEntry(r, result, 'import', siteOf(r.source.url) ?? 'import');
      if (entry) { await putEntry(entry); imported++; }
    }
  }
  return { imported, rejected: parsed.rejected, reasons: parsed.reasons };
}
