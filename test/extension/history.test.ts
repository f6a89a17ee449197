import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, parseHtml, toContract, type Report } from '@gongkai/shared';
import { earlierOf, entryId, exportJson, EXPORT_FORMAT, siteOf, summarize, toEntry, usableHistory, type HistoryEntry } from '../../extension/lib/history-model.ts';
import { parseImport } from '../../extension/lib/import-parse.ts';
import { isContract, reportFromContract } from '../../shared/src/browser.ts';

const html = readFileSync(new URL('../../../shared/fixtures/documents/report001.html', import.meta.url), 'utf8');
const parsed = parseHtml(html, { url: 'http://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/202101/t20210120_1001.htm' });
if (!parsed.ok) throw new Error('report001 must parse');
const report: Report = { ...parsed.report, agency: '嘉兴市生态环境局' };
const result = checkReport(report);

describe('history entries', () => {
  it('keys by site, agency, year and URL and summarizes the check', () => {
    const e = toEntry(report, result, 'page', 'http://www.example.gov.cn', new Date('2026-01-01T00:00:00Z'))!;
    expect(e.id).toBe(entryId('http://www.example.gov.cn', '嘉兴市生态环境局', 2020, report.source.url));
    expect(e.site).toBe('http://www.example.gov.cn');
    expect(e.summary).toEqual(summarize(result));
    expect(e.summary!.warnings).toBeGreaterThanOrEqual(1);
    expect(toEntry({ ...report, year: null }, result, 'page', 'http://www.example.gov.cn')).toBeNull();
    // Another document of the same year is another entry: nothing overwrites a stored year silently.
    const other = toEntry({ ...report, source: { ...report.source, url: 'http://www.example.gov.cn/b.htm' } }, result, 'page', 'http://www.example.gov.cn')!;
    expect(other.id).not.toBe(e.id);
  });

  it('siteOf gives http(s) origins only', () => {
    expect(siteOf('https://sthjj.jiaxing.gov.cn/a/b.htm?x=1')).toBe('https://sthjj.jiaxing.gov.cn');
    expect(siteOf('javascript:alert(1)')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf(null)).toBeNull();
  });

  it('export → import round-trips the reports', () => {
    const e = toEntry(report, result, 'page', 'http://www.example.gov.cn')!;
    const text = exportJson([e]);
    expect(JSON.parse(text).format).toBe(EXPORT_FORMAT);
    const back = parseImport(text);
    expect(back.rejected).toBe(0);
    expect(back.reports).toHaveLength(1);
    expect(back.reports[0]!.table3!.rows.find((r) => r.key === 'newReceived')!.cells[6]!.value).toBe(29);
  });

  it('rejects what is not a report, without throwing', () => {
    expect(parseImport('not json')).toMatchObject({ reports: [], rejected: 1 });
    const out = parseImport(JSON.stringify([{ agency: 'x' }, 42, null, { report: { ...report, year: 'soon' } }]));
    expect(out.reports).toHaveLength(0);
    expect(out.rejected).toBe(4);
  });

  it('earlierOf keeps one site and agency, earlier years, oldest first', () => {
    const mk = (agency: string, year: number, site = 'http://a.gov.cn') => toEntry({ ...report, agency, year }, null, 'import', site)!;
    const list = [mk('A', 2021), mk('A', 2019), mk('B', 2018), mk('A', 2022), mk('A', 2020, 'http://hostile.gov.cn')];
    expect(earlierOf(list, 'http://a.gov.cn', 'A', 2022).map((e) => e.year)).toEqual([2019, 2021]);
  });
});

describe('whose years the cross-year checks use', () => {
  const SITE = 'http://sthjj.jiaxing.gov.cn', HOSTILE = 'http://www.hostile.gov.cn';
  const mk = (site: string, year: number, url: string, checkedAt: string): HistoryEntry =>
    ({ ...toEntry({ ...report, year, source: { ...report.source, url } }, result, 'page', site)!, checkedAt });

  it("ignores another site's report of the agency unless the user linked that site", () => {
    const own2019 = mk(SITE, 2019, `${SITE}/2019.htm`, '2026-01-01T00:00:00Z');
    const forged2019 = mk(HOSTILE, 2019, `${HOSTILE}/2019.htm`, '2026-02-01T00:00:00Z');
    const forged2018 = mk(HOSTILE, 2018, `${HOSTILE}/2018.htm`, '2026-02-01T00:00:00Z');
    const all = [own2019, forged2019, forged2018];
    expect(usableHistory(all, SITE, report.agency!).used).toEqual([own2019]);
    expect(usableHistory(all, SITE, report.agency!).unused).toEqual([]);
    // Linked by the user: the other site's 2018 fills a gap; its 2019 does not displace the site's own.
    const linked = usableHistory(all, SITE, report.agency!, [HOSTILE]);
    expect(linked.used.map((e) => `${e.year} ${e.site}`)).toEqual([`2018 ${HOSTILE}`, `2019 ${SITE}`]);
    expect(linked.unused).toEqual([forged2019]);
  });

  it('two documents of one year on one site: the latest checked is used, the other listed as unused', () => {
    const a = mk(SITE, 2019, `${SITE}/2019a.htm`, '2026-01-01T00:00:00Z');
    const b = mk(SITE, 2019, `${SITE}/2019b.htm`, '2026-03-01T00:00:00Z');
    const { used, unused } = usableHistory([a, b], SITE, report.agency!);
    expect(used).toEqual([b]);
    expect(unused).toEqual([a]);
  });
});

describe('crawler exports (JSON contract) as history', () => {
  const contract = toContract(report, result);
  it('recognises a contract', () => {
    expect(isContract(contract)).toBe(true);
    expect(isContract({ ...contract, schema: 'other' })).toBe(false);
  });

  it('rebuilds the tables from the printed cells', () => {
    const r = reportFromContract(contract);
    const t3 = (k: string) => r.table3!.rows.find((x) => x.key === k)!.cells.map((c) => c.value);
    expect(t3('newReceived')).toEqual(report.table3!.rows.find((x) => x.key === 'newReceived')!.cells.map((c) => c.value));
    expect(t3('carriedForward')[6]).toBe(1);
    expect(r.table4!.cells.map((c) => c.value)).toEqual(report.table4!.cells.map((c) => c.value));
    expect(r.table2!.rows.map((x) => x.label)).toContain('规范性文件');
  });

  it('reads a `gongkai.crawl/1` export: contracts with URLs, secondary copies skipped', () => {
    const out = parseImport(JSON.stringify({ schema: 'gongkai.crawl/1', contracts: [
      { url: 'http://a.gov.cn/1.htm', primary: true, ...contract },
      { url: 'http://a.gov.cn/2.htm', primary: false, ...contract },
    ] }));
    expect(out.reports).toHaveLength(1);
    expect(out.reports[0]!.source.url).toBe(report.source.url ?? 'http://a.gov.cn/1.htm');
  });

  it('imports a crawler export of contracts and drives the carry-over check', () => {
    const next = { ...contract, year: 2021, printed: { ...contract.printed, table3: { ...contract.printed.table3!, carriedOver: ['0', '', '', '0', '', '', '0'] } } };
    const out = parseImport(JSON.stringify({ reports: [contract, next] }));
    expect(out.rejected).toBe(0);
    const [y2020, y2021] = out.reports;
    const checked = checkReport(y2021!, { history: [y2020!] });
    expect(checked.outcomes.find((o) => o.id === 'history.carry-over')?.status).toBe('fail');
  });
});
