/**
 * Copy-paste across agencies and years over a store (crawler/src/similar/store.ts, migration 6): four
 * agencies' primary reports in two runs, two of which share their 第五部分 (another year, other
 * punctuation); the copies are flagged both ways, the different ones and a report's own agency are not,
 * a boilerplate 第六部分 (无) is never compared; the watch's `copy-paste` event, and the dashboard's
 * report API with the 雷同 line.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { copiesOf, indexReports } from '../../crawler/src/similar/store.js';
import { runChanges } from '../../crawler/src/watch/changes.js';
import { Queries } from '../../crawler/src/serve/queries.js';
import { FIVE_A, FIVE_B, FIVE_C, FIVE_COPY } from '../fixtures/similar/sections.js';
import { tempDir, removeTempDirs } from './helpers.js';

afterAll(() => removeTempDirs());

const SIX_NONE = '本机关无其他需要报告的事项。';
const report = (agency: string, year: number, five: string) => JSON.stringify({
  agency, year, template: '2021', sections: [
    { n: 1, heading: '一、总体情况', standard: true, line: 2, text: `${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》……` },
    { n: 5, heading: '五、存在的主要问题及改进情况', standard: true, line: 40, text: five },
    { n: 6, heading: '六、其他需要报告的事项', standard: true, line: 50, text: SIX_NONE },
  ],
});

async function addRun(store: SqliteStore, now: string, docs: { host: string; agency: string; year: number; five: string }[]) {
  const { run } = await store.openRun([`http://run-${now}/`], {}, now, true, []);
  await store.execute(docs.map((d) => [`INSERT INTO documents (run_id, url, host, agency, year, published_at, sha256, parse_ok, report, is_primary, list_title, kind)
    VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, 1, ?, 'html')`, [run.id, `http://${d.host}/zwgk/zfxxgknb/${d.year}.html`, d.host, d.agency, d.year, `${d.year + 1}-01-20`, 'x',
    report(d.agency, d.year, d.five), `${d.agency}${d.year}年政府信息公开工作年度报告`]]));
  await store.finishRun(run.id);
  return (await store.getRun(run.id))!;
}

describe('copy-paste across the store', () => {
  it('flags two agencies with the same 第五部分, not different ones, and alerts and shows it', async () => {
    const store = new SqliteStore(join(tempDir('copies'), 'g.db'));
    try {
      const r1 = await addRun(store, '2024-02-01', [
        { host: 'www.jia.gov.cn', agency: '甲县人民政府', year: 2023, five: FIVE_A },
        { host: 'www.bing.gov.cn', agency: '丙区人民政府', year: 2023, five: FIVE_B },
      ]);
      const r2 = await addRun(store, '2025-02-01', [
        { host: 'www.yi.gov.cn', agency: '乙县人民政府', year: 2024, five: FIVE_COPY },
        { host: 'www.ding.gov.cn', agency: '丁市交通运输局', year: 2024, five: FIVE_C },
        // The same agency's next year repeating itself is the parser's history check, not a copy across agencies.
        { host: 'www.jia.gov.cn', agency: '甲县人民政府', year: 2024, five: FIVE_A },
      ]);
      expect(await indexReports(store)).toBe(5);
      expect(await indexReports(store)).toBe(0);
      const sixes = await store.select('SELECT COUNT(*) AS n FROM report_minhash WHERE part = 6 AND sig IS NOT NULL');
      expect(Number(sixes[0]!.n)).toBe(0);

      const yi = await copiesOf(store, r2.id, 'http://www.yi.gov.cn/zwgk/zfxxgknb/2024.html');
      // Both of 甲县's reports, the best (all equal here) per agency-year.
      expect(yi.map((c) => `${c.agency} ${c.year} ${c.part} ${c.similarity}`)).toEqual(['甲县人民政府 2023 5 1', '甲县人民政府 2024 5 1']);
      const jia = await copiesOf(store, r1.id, 'http://www.jia.gov.cn/zwgk/zfxxgknb/2023.html');
      expect(jia.map((c) => `${c.agency} ${c.year}`)).toEqual(['乙县人民政府 2024']);
      expect(await copiesOf(store, r1.id, 'http://www.bing.gov.cn/zwgk/zfxxgknb/2023.html')).toEqual([]);
      expect(await copiesOf(store, r2.id, 'http://www.ding.gov.cn/zwgk/zfxxgknb/2024.html')).toEqual([]);

      const changes = await runChanges(store, r2, { leadDays: 7 });
      const cp = changes.alerts.filter((a) => a.kind === 'copy-paste').map((a) => a.key).sort();
      expect(cp).toEqual([
        'copy-paste|乙县人民政府|2024|5|甲县人民政府|2023', 'copy-paste|乙县人民政府|2024|5|甲县人民政府|2024', 'copy-paste|甲县人民政府|2024|5|乙县人民政府|2024',
      ]);
      const one = changes.alerts.find((a) => a.key === 'copy-paste|乙县人民政府|2024|5|甲县人民政府|2023')!;
      expect(one.what.zh).toBe('乙县人民政府2024年度报告第五部分与甲县人民政府2023年报告第五部分高度雷同（相似度 1.00）：http://www.jia.gov.cn/zwgk/zfxxgknb/2023.html');
      expect(one.where).toBe('http://www.yi.gov.cn/zwgk/zfxxgknb/2024.html');

      const d = await new Queries(store).report(r2.id, 'http://www.yi.gov.cn/zwgk/zfxxgknb/2024.html');
      expect(d!.copies[0]).toMatchObject({ agency: '甲县人民政府', run: r1.id, zh: '与甲县人民政府2023年报告第五部分高度雷同（相似度 1.00）' });
      expect((await new Queries(store).report(r2.id, 'http://www.ding.gov.cn/zwgk/zfxxgknb/2024.html'))!.copies).toEqual([]);
    } finally {
      store.close();
    }
  });
});
