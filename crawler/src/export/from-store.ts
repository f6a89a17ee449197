/**
 * The export options of a run read from its store: its column items (the `items` table), the time series when every run is wanted
 * (`--runs all`) and the region resolver (with the `--portals` overrides), shared by `gongkai export`
 * and `gongkai demo`.
 */
import type { RunSummary } from '../report/summary.js';
import type { Store, StoredDoc } from '../store/types.js';
import { regionResolver, type PortalRegion } from './regions.js';
import { loadRuns } from './series.js';
import type { HeaderLang } from './sheet.js';
import type { ExportFormat, ExportOptions } from './write.js';

export interface StoreExport { lang?: HeaderLang; runs?: 'latest' | 'all'; overrides?: Map<string, PortalRegion> }

export async function exportOptionsOf(store: Store, s: RunSummary, docs: StoredDoc[], format: ExportFormat, o: StoreExport = {}): Promise<ExportOptions> {
  const opts: ExportOptions = { items: await store.columnItems(s.run.id) };
  if (o.lang) opts.lang = o.lang;
  if (o.runs === 'all') opts.series = await loadRuns(store);
  // The division table takes a second to read: only the formats with regions load it.
  if (format !== 'json') opts.regionOf = regionResolver(docs, s.portals, o.overrides);
  return opts;
}
