/**
 * `copy-paste` events of a run: a primary report whose 第五部分 or 第六部分 is nearly identical (estimated
 * similarity ≥ 0.8) to another agency's report anywhere in the store (similar/store.ts). The store's
 * unsigned reports are signed first. One event per report, part and other agency-year: sent once.
 * (The same agency copying its own last year is the parser's `history.copy-paste` finding.)
 */
import type { Run, Store, StoredDoc } from '../store/types.js';
import { copiesOf, copyText, indexReports, PART_ZH } from '../similar/store.js';
import type { Alert } from './types.js';

const RULE = { zh: '国办公开办函〔2021〕30号：年度报告不得内容雷同', en: 'the 2021 notice (国办公开办函〔2021〕30号): reports must not be copy-pasted (内容雷同)' };

export async function copyPasteAlerts(store: Store, run: Run, docs: StoredDoc[]): Promise<Alert[]> {
  await indexReports(store);
  const out: Alert[] = [];
  for (const d of docs) {
    if (!d.isPrimary || !d.agency || !d.report) continue;
    for (const c of await copiesOf(store, run.id, d.url)) {
      const t = copyText(c);
      out.push({
        key: `copy-paste|${d.agency}|${d.year}|${c.part}|${c.agency}|${c.year}`, kind: 'copy-paste', host: d.host, name: d.agency, column: null,
        where: d.url, since: d.publishedAt ?? run.now, rule: RULE, runId: run.id, judgedOn: run.now,
        what: { zh: `${d.agency}${d.year ?? ''}年度报告${PART_ZH[c.part]}${t.zh}：${c.url}`, en: `${d.agency}'s ${d.year ?? ''} report: ${t.en}: ${c.url}` },
      });
    }
  }
  return out;
}
