/**
 * Crawler exports carry the JSON contract (`gongkai.report/1`, see @gongkai/shared `toContract`),
 * not the full report model. This rebuilds a Report from a contract's printed cells with the shared
 * cell parser and template vocabulary, enough to serve as history (headline figures, carry-over,
 * table 2 stock). Prose and sections are not in the contract, so checks on them cannot run.
 */
import { makeCell, TABLE2_BLOCKS, TABLE3_ROWS } from '@gongkai/shared/browser';
import type { Report } from '@gongkai/shared/browser';

interface ContractLike {
  schema: string;
  agency: string | null;
  year: number | null;
  template: Report['template'];
  title: string | null;
  publishedAt: string | null;
  source: Report['source'];
  printed: { table2: Record<string, string[]> | null; table3: Record<string, string[]> | null; table4: string[] | null };
  notes?: string[];
}

export function isContract(x: unknown): x is ContractLike {
  const o = x as ContractLike | null;
  return !!o && typeof o === 'object' && typeof o.schema === 'string' && o.schema.startsWith('gongkai.report/') &&
    typeof o.printed === 'object' && o.printed !== null && typeof o.source === 'object';
}

const str = (x: unknown) => (typeof x === 'string' ? x.slice(0, 200) : '');

export function reportFromContract(c: ContractLike): Report {
  const layout: '2019' | '2021' = c.template === '2021' ? '2021' : '2019';
  const t3 = c.printed.table3;
  const t2 = c.printed.table2;
  const t4 = c.printed.table4;
  return {
    source: c.source, title: c.title, agency: c.agency, year: c.year, template: c.template,
    publishedAt: c.publishedAt, period: null, sections: [],
    table2: t2 ? {
      layout, missingRows: [],
      rows: TABLE2_BLOCKS[layout].flatMap((b) => b.rows.filter((r) => Array.isArray(t2[r.label])).map((r) => ({
        label: r.label, printed: r.label, item: b.item, columns: b.columns.map((col) => col.label),
        cells: b.columns.map((_, i) => makeCell(str(t2[r.label]![i]), null)),
      }))),
    } : null,
    table3: t3 ? {
      layout, missingRows: [], extraRows: [],
      rows: TABLE3_ROWS.filter((d) => Array.isArray(t3[d.key])).map((d) => ({
        key: d.key, printed: d.label, cells: Array.from({ length: 7 }, (_, i) => makeCell(str(t3[d.key]![i]), null)),
      })),
    } : null,
    table4: Array.isArray(t4) && t4.length === 15 ? { cells: t4.map((s) => makeCell(str(s), null)) } : null,
    table2Prose: [], claims: [],
    notes: [...(Array.isArray(c.notes) ? c.notes.filter((n) => typeof n === 'string').slice(0, 50) : []), 'rebuilt from a JSON contract (no prose, no sections)'],
  };
}
