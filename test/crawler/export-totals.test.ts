/**
 * values and totals on seed 001 as published, as a copy that prints `/` where the original leaves
 * 不予公开 1 blank, and as a scan whose 一、本年新收 总计 was read with low OCR confidence (doubtful):
 * blank and `/` stay distinct in values.csv, and totals.csv never sums the doubtful 29 — it counts
 * that report as missing for the figure and names it.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkReport, extractHtml, parseExtracted, parseHtml, toContract, type Report } from '../../shared/src/index.ts';
import { documentBytes } from '../core/fixtures.js';
import { regionResolver } from '../../crawler/src/export/regions.js';
import { guardFormula, toCsv } from '../../crawler/src/export/sheet.js';
import { totalsTable } from '../../crawler/src/export/totals.js';
import { valuesTable } from '../../crawler/src/export/values.js';
import type { StoredDoc } from '../../crawler/src/store/types.js';
import { readCsv, totalsFromValues } from './csv.js';

const html = new TextDecoder().decode(documentBytes('report001.html'));
const HOST = 'sthjj.jiaxing.example.gov.cn';

function stored(name: string, report: Report, bytes: string): StoredDoc {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    url: `http://${HOST}/zwgk/${name}.html`, viaUrl: null, host: HOST, listTitle: null, agency: report.agency, year: report.year, publishedAt: report.publishedAt,
    contentType: 'text/html', kind: 'html', sha256, parseOk: true, parseReason: null, parseMessage: null, report: null, runId: 1, isPrimary: true,
    score: null, contract: JSON.stringify(toContract(report, checkReport(report))),
  };
}

function parsed(text: string): Report {
  const r = parseHtml(text);
  if (!r.ok) throw new Error(r.message.en);
  return r.report;
}

/** Seed 001 as published. */
const clean = () => stored('clean', parsed(html), html);
/** The same report printing `/` across 不予公开 1.属于国家秘密 (the original leaves it blank). */
function slashed(): StoredDoc {
  const text = html.replace(/(<td>1\.属于国家秘密<\/td>)((?:<td align="center">&nbsp;<\/td>){7})/, (_, label: string, cells: string) => label + cells.replaceAll('&nbsp;', '/'));
  expect(text).not.toBe(html);
  return stored('slashed', parsed(text), text);
}
/** The same grids as a scan whose 一、本年新收 总计 ("29") was read with confidence 0.3. */
function doubtful(): StoredDoc {
  const doc = extractHtml(html);
  for (const g of doc.grids) g.rows.forEach((r, ri) => r.forEach((c, ci) => { c.ocrConfidence = g.index === 1 && ri === 3 && ci === 9 ? 0.3 : 0.95; }));
  const r = parseExtracted({ ...doc, kind: 'pdf', ocr: true });
  if (!r.ok) throw new Error(r.message.en);
  return stored('scan', r.report, `${html}\u0000scan`);
}

const docs = [clean(), slashed(), doubtful()];
const regionOf = regionResolver(docs, [{ host: HOST, name: '嘉兴市生态环境局' }]);
const values = readCsv(toCsv(valuesTable(docs, regionOf)));
const totals = readCsv(toCsv(totalsTable(docs, regionOf)));
const id = (d: StoredDoc) => d.sha256.slice(0, 16);
const at = (d: StoredDoc, row: string, column = 'total') => values.find((v) => v.report_id === id(d) && v.table === 'table3' && v.row === row && v.column === column)!;

describe('values.csv states', () => {
  it('keeps blank and / distinct, and a doubtful cell without its value', () => {
    const [c, s, d] = docs;
    expect(at(c!, 'denied.stateSecret')).toMatchObject({ state: 'blank', printed: '', value: '' });
    expect(at(s!, 'denied.stateSecret')).toMatchObject({ state: 'slash', printed: '/', value: '' });
    expect(at(s!, 'denied.threeSecurities')).toMatchObject({ state: 'blank', printed: '' });
    expect(at(c!, 'newReceived')).toMatchObject({ state: 'value', value: '29' });
    expect(at(d!, 'newReceived')).toMatchObject({ state: 'doubtful', printed: '29', value: '' });
    expect(at(d!, 'newReceived', 'naturalPerson')).toMatchObject({ state: 'value', value: '28' });
    // 0 is a value, not a blank.
    expect(values.find((v) => v.report_id === id(c!) && v.row === 'denied.lawForbidden' && v.column === 'naturalPerson')).toMatchObject({ state: 'value', value: '0', printed: '0' });
  });
});

describe('totals.csv', () => {
  const fig = (f: string) => totals.find((t) => t.figure === f)!;
  it('one group (330400, department, 2020) of three reports', () => {
    expect(new Set(totals.map((t) => `${t.region_code}|${t.level}|${t.year}`))).toEqual(new Set(['330400|department|2020']));
    expect(fig('received')).toMatchObject({ region: '嘉兴市', reports: '3' });
  });

  it('never sums the doubtful 29: that report is missing for `received` and named', () => {
    const [c, s, d] = docs;
    expect(fig('received')).toMatchObject({ sum: '58', reports_counted: '2', reports_missing: '1', missing_report_ids: id(d!) });
    expect(fig('granted')).toMatchObject({ reports_counted: '3', reports_missing: '0' });
    expect(Number(fig('granted').sum)).toBe(3 * Number(at(c!, 'granted').value));
    // `denied` needs all eight rows as values: blank and / both leave it missing.
    expect(fig('denied')).toMatchObject({ sum: '0', reports_counted: '0', reports_missing: '3' });
    expect(fig('denied').missing_report_ids!.split(' ').sort()).toEqual([id(c!), id(s!), id(d!)].sort());
  });

  it('equals the sums of values.csv by the documented rule, for every figure', () => {
    const again = new Map(totalsFromValues(values, totals).map((x) => [x.key, x]));
    for (const t of totals) {
      const r = again.get(`${t.region_code}|${t.level}|${t.year}|${t.figure}`)!;
      expect(Number(t.sum), t.figure).toBe(r.sum);
      expect(Number(t.reports_counted), t.figure).toBe(r.counted);
      expect(t.missing_report_ids!.split(' ').filter(Boolean).sort(), t.figure).toEqual(r.missing);
    }
  });
});

describe('the formula guard', () => {
  it('prefixes text a spreadsheet would run, and nothing else', () => {
    for (const s of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(guardFormula(s)).toBe(`'${s}`);
    for (const s of ['2020年报告', '29', 'a=b', '', "'=already"]) expect(guardFormula(s)).toBe(s);
    // In a CSV: a scraped title that is a formula is written guarded and quoted as needed; URLs are untouched.
    const out = toCsv({ name: 't', columns: [{ key: 'title', zh: '标题', type: 'text' }, { key: 'url', zh: '网址', type: 'url' }],
      rows: [['=cmd|" /C calc"!A0', 'http://x/?a=1,2'], ['-1', '-not-a-url']] });
    expect(out).toBe('\ufefftitle,url\r\n"\'=cmd|"" /C calc""!A0","http://x/?a=1,2"\r\n\'-1,\'-not-a-url\r\n');
  });
});
