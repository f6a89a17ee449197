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
export type ContractLike = Pick<ContractJson, 'schema' | 'agency' | 'year' | 'template' | 'title' | 'publishedAt' | 'source' | 'printed'> &
  { notes?: string[]; doubtful?: ContractJson['doubtful'] };

export function isContract(x: unknown): x is ContractLike {
  const o = x as ContractLike | null;
  return !!o && typeof o === 'object' && typeof o.schema === 'string' && o.schema.startsWith('gongkai.report/') &&
    typeof o.printed === 'object' && o.printed !== null && typeof o.source === 'object';
}

const str = (x: unknown) => (typeof x === 'string' ? x.slice(0, 200) : '');

/** The doubt reason the contract gives for one cell (a contract without the field has none). */
function doubtOf(c: ContractLike, table: string, row: string, col: number): string | undefined {
  if (!Array.isArray(c.doubtful)) return undefined;
  const d = c.doubtful.find((x) => x && x.table === table && x.row === row && x.col === col);
  return d ? str(d.reason) || 'doubtful' : undefined;
}

/** A cell rebuilt from its printed text, doubtful again when the contract says it was. */
function cellOf(c: ContractLike, printed: unknown, table: string, row: string, col: number) {
  const cell = makeCell(str(printed), null);
  const doubt = doubtOf(c, table, row, col);
  return doubt ? { ...cell, doubt } : cell;
}

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
        cells: b.columns.map((_, i) => cellOf(c, t2[r.label]![i], 'table2', r.label, i)),
      }))),
    } : null,
    table3: t3 ? {
      layout, missingRows: [], extraRows: [],
      rows: TABLE3_ROWS.filter((d) => Array.isArray(t3[d.key])).map((d) => ({
        key: d.key, printed: d.label, cells: Array.from({ length: 7 }, (_, i) => cellOf(c, t3[d.key]![i], 'table3', d.key, i)),
      })),
    } : null,
    table4: Array.isArray(t4) && t4.length === 15 ? { cells: t4.map((s, i) => cellOf(c, s, 'table4', '', i)) } : null,
    table2Prose: [], claims: [],
    notes: [...(Array.isArray(c.notes) ? c.notes.filter((n) => typeof n === 'string').slice(0, 50) : []), 'rebuilt from a JSON contract (no prose, no sections)'],
  };
}
