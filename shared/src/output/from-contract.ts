/**
 * Back from the JSON contract: crawler exports and other tools carry `gongkai.report/1` objects, not
 * the full report model. This rebuilds a Report from a contract's printed cells with the cell parser
 * and template vocabulary, enough to serve as history (headline figures, carry-over, table 2 stock).
 * Prose and sections are not in the contract, so checks on them cannot run on a rebuilt report.
 * Input is untrusted (an imported file): only the fields read here are used, strings are cut short.
 */
import { TABLE2_BLOCKS, TABLE3_ROWS } from '../model/labels.js';
import type { Report } from '../model/report.js';
import { makeCell } from '../values/parse-cell.js';
import type { ContractJson } from './contract.js';

/** The part of the contract a report can be rebuilt from. */
export type ContractLike = Pick<ContractJson, 'schema' | 'agency' | 'year' | 'template' | 'title' | 'publishedAt' | 'source' | 'printed'> & { notes?: string[] };

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
