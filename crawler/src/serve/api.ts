/**
 * The JSON API the pages use, under /api/ (every list paginated: `page`, `size`), and the same tables
 * as CSV (`.csv`: every row the filter selects, UTF-8 with BOM, the export's toCsv; `lang=zh` for Chinese headers):
 *   /api/portals[.csv]?q=&verdict=PASS|FAIL|FAULT&region=<code prefix or name>&level=&page=&size=
 *   /api/portal?host=[&category=]   /api/portal/columns.csv?host=
 *   /api/reports[.csv]?q=&agency=&year=&host=&page=&size=
 *   /api/report?run=&url=           /api/report/findings.csv?run=&url=
 */
import { toCsv } from '../export/sheet.js';
import type { Queries } from './queries.js';
import { columnsTable, findingsTable, portalsTable, reportsTable } from './tables.js';

export interface ApiAnswer { status: number; type: string; body: string; filename?: string }

const json = (v: unknown, status = 200): ApiAnswer => ({ status, type: 'application/json; charset=utf-8', body: JSON.stringify(v) });
const csv = (name: string, body: string): ApiAnswer => ({ status: 200, type: 'text/csv; charset=utf-8', body, filename: `${name}.csv` });
const notFound = (what: string) => json({ error: `${what} not found` }, 404);
const int = (v: string | null) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

/** Answers an /api/ request, or null when the path is not one. */
export async function api(q: Queries, path: string, p: URLSearchParams): Promise<ApiAnswer | null> {
  const lang = p.get('lang') === 'zh' ? 'zh' : 'en';
  const paging = { page: int(p.get('page')), size: int(p.get('size')) };
  switch (path) {
    case '/api/portals':
    case '/api/portals.csv': {
      const f = { q: p.get('q') ?? undefined, verdict: p.get('verdict') || undefined, region: p.get('region') || undefined, level: p.get('level') || undefined };
      if (path.endsWith('.csv')) return csv('portals', toCsv(portalsTable((await q.portals({ ...f, page: 1, size: ALL, max: ALL })).rows), lang));
      return json(await q.portals({ ...f, ...paging }));
    }
    case '/api/portal':
    case '/api/portal/columns.csv': {
      const d = await q.portal(p.get('host') ?? '', p.get('category') || undefined);
      if (!d) return notFound(`portal ${p.get('host') ?? ''}`);
      return path.endsWith('.csv') ? csv(`columns-${d.host}`, toCsv(columnsTable(d), lang)) : json(d);
    }
    case '/api/reports':
    case '/api/reports.csv': {
      const f = { q: p.get('q') || undefined, agency: p.get('agency') || undefined, year: int(p.get('year')), host: p.get('host') || undefined };
      if (path.endsWith('.csv')) return csv('reports', toCsv(reportsTable((await q.reports({ ...f, page: 1, size: ALL, max: ALL })).rows), lang));
      return json(await q.reports({ ...f, ...paging }));
    }
    case '/api/report':
    case '/api/report/findings.csv': {
      const d = await q.report(int(p.get('run')) ?? 0, p.get('url') ?? '');
      if (!d) return notFound('report');
      return path.endsWith('.csv') ? csv('findings', toCsv(findingsTable(d), lang)) : json(d);
    }
    default:
      return path.startsWith('/api/') ? notFound(path) : null;
  }
}

/** A CSV download holds every row the filter selects, not one page. */
const ALL = 1_000_000;
