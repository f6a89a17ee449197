/**
 * Imported years (options page) are marked as imports, get ids of their own, enter no cross-year
 * check until the user links them, and never outrank a copy read on the page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, parseHtml, type Report } from '@gongkai/shared';
import { borrowedCopies, idOf, linkKey, toEntry, usableHistory, type HistoryEntry } from '../../extension/lib/history-model.ts';

const html = readFileSync(new URL('../../../shared/fixtures/documents/report001.html', import.meta.url), 'utf8');
const parsed = parseHtml(html, { url: 'http://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/202101/t20210120_1001.htm' });
if (!parsed.ok) throw new Error('report001 must parse');
const report: Report = { ...parsed.report, agency: '嘉兴市生态环境局' };
const result = checkReport(report);
const SITE = 'http://www.example.gov.cn', OTHER = 'http://www.other.gov.cn';

const mk = (origin: HistoryEntry['origin'], site: string, year: number, checkedAt: string, url = `${site}/${year}.htm`): HistoryEntry =>
  ({ ...toEntry({ ...report, year, source: { ...report.source, url } }, result, origin, site)!, checkedAt });

describe('imported history', () => {
  it('is filed apart from the page-read copy of the same document', () => {
    const page = mk('page', SITE, 2019, '2026-01-01T00:00:00Z');
    const imported = mk('import', SITE, 2019, '2026-05-01T00:00:00Z');
    expect(imported.origin).toBe('import');
    expect(imported.id).not.toBe(page.id);
    expect(idOf(imported)).toBe(imported.id);
    expect(linkKey(imported)).toBe(`import:${SITE}`);
    expect(linkKey(page)).toBe(SITE);
  });

  it('enters no check unlinked, even filed under the page\'s own origin', () => {
    const imported = [mk('import', SITE, 2018, '2026-05-01T00:00:00Z'), mk('import', SITE, 2019, '2026-05-01T00:00:00Z')];
    expect(usableHistory(imported, SITE, report.agency!).used).toEqual([]);
    // Linking the site's own origin is not linking the import.
    expect(usableHistory(imported, SITE, report.agency!, [SITE]).used).toEqual([]);
    const linked = usableHistory(imported, SITE, report.agency!, [`import:${SITE}`]);
    expect(linked.used.map((e) => e.year)).toEqual([2018, 2019]);
    expect(borrowedCopies(linked.used, SITE)).toEqual([{ year: 2018, site: SITE, imported: true }, { year: 2019, site: SITE, imported: true }]);
  });

  it('never outranks a copy read on the page, though imported later', () => {
    const page = mk('page', SITE, 2019, '2026-01-01T00:00:00Z');
    const imported = mk('import', SITE, 2019, '2026-05-01T00:00:00Z', `${SITE}/2019-copy.htm`);
    const other = mk('page', OTHER, 2019, '2026-04-01T00:00:00Z');
    const all = [imported, other, page];
    const links = [`import:${SITE}`, OTHER];
    expect(usableHistory(all, SITE, report.agency!, links)).toEqual({ used: [page], unused: [imported, other] });
    // Without the site's own copy: a linked site's page-read copy before the import.
    expect(usableHistory([imported, other], SITE, report.agency!, links).used).toEqual([other]);
    expect(borrowedCopies([other], SITE)).toEqual([{ year: 2019, site: OTHER, imported: false }]);
  });
});
