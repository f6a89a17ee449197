/**
 * Copy-paste search over the whole store (内容雷同, the 2021 notice): each primary report's 第五部分 and
 * 第六部分 (the stored report's `sections`, text as parsed) signed once with MinHash (minhash.ts) into
 * `report_minhash`, its LSH bucket keys into `report_bands` (migration 6); a report's copies are the
 * reports of *another agency*, any run and year, whose same part has an estimated similarity of at
 * least 0.8 — found by 16 indexed lookups, never by comparing all pairs. A part shorter than 120
 * normalized characters (一、无 …) is not compared. Signatures are of the report as stored when it was
 * indexed (a later `reparse` of a run is not re-signed).
 */
import type { Store } from '../store/types.js';
import { bandKeys, COPY_THRESHOLD } from './lsh.js';
import { decodeSignature, encodeSignature, similarity, textSignature } from './minhash.js';

/** The parts compared: 五、存在的主要问题及改进情况 and 六、其他需要报告的事项. */
export const PARTS = [5, 6] as const;
export const PART_ZH: Record<number, string> = { 5: '第五部分', 6: '第六部分' };

export interface Copy {
  part: number;
  run: number; url: string; host: string; agency: string; year: number | null;
  similarity: number;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const BATCH = 200;

/** Signs every primary report not signed yet (of `runId`, or of every run); returns how many it signed. */
export async function indexReports(store: Store, runId?: number): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await store.select(`SELECT d.run_id, d.url, d.host, d.agency, d.year, d.report FROM documents d
      WHERE d.is_primary = 1 AND d.report IS NOT NULL${runId === undefined ? '' : ' AND d.run_id = ?'}
      AND NOT EXISTS (SELECT 1 FROM report_minhash m WHERE m.run_id = d.run_id AND m.doc_url = d.url) LIMIT ${BATCH}`, runId === undefined ? [] : [runId]);
    if (!rows.length) return done;
    const stmts: [string, unknown[]][] = [];
    for (const r of rows) {
      let sections: { n: number; text: string }[] = [];
      try {
        sections = (JSON.parse(String(r.report)) as { sections?: { n: number; text: string }[] }).sections ?? [];
      } catch { /* a report that is not JSON has no sections to compare: indexed as such (NULL signatures) */ }
      for (const part of PARTS) {
        const text = sections.filter((s) => s.n === part).map((s) => s.text).join('\n');
        const sig = textSignature(text);
        stmts.push(['INSERT INTO report_minhash (run_id, doc_url, part, host, agency, year, sig) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [r.run_id, r.url, part, r.host, r.agency ?? null, r.year ?? null, sig ? encodeSignature(sig) : null]]);
        if (sig) for (const b of bandKeys(sig)) stmts.push(['INSERT INTO report_bands (part, bucket, run_id, doc_url) VALUES (?, ?, ?, ?)', [part, b, r.run_id, r.url]]);
      }
    }
    await store.execute(stmts);
    done += rows.length;
  }
}

/**
 * The near copies of one report's parts in other agencies' reports (best first; per other agency and
 * year the most similar, then the latest run). Reads the signatures `indexReports` stored.
 */
export async function copiesOf(store: Store, runId: number, url: string, threshold = COPY_THRESHOLD): Promise<Copy[]> {
  const own = await store.select('SELECT part, agency, sig FROM report_minhash WHERE run_id = ? AND doc_url = ? AND sig IS NOT NULL', [runId, url]);
  const out: Copy[] = [];
  for (const o of own) {
    const sig = decodeSignature(String(o.sig));
    const keys = bandKeys(sig);
    const rows = await store.select(`SELECT DISTINCT m.run_id, m.doc_url, m.host, m.agency, m.year, m.sig FROM report_bands b
      JOIN report_minhash m ON m.run_id = b.run_id AND m.doc_url = b.doc_url AND m.part = b.part
      WHERE b.part = ? AND b.bucket IN (${marks(keys.length)})`, [o.part, ...keys]);
    const best = new Map<string, Copy>();
    for (const r of rows) {
      if (r.agency === null || r.agency === undefined || r.agency === o.agency || o.agency === null) continue;
      const s = similarity(sig, decodeSignature(String(r.sig)));
      if (s < threshold) continue;
      const c: Copy = { part: Number(o.part), run: Number(r.run_id), url: String(r.doc_url), host: String(r.host), agency: String(r.agency),
        year: r.year === null ? null : Number(r.year), similarity: s };
      const k = `${c.agency}|${c.year}`;
      const had = best.get(k);
      if (!had || s > had.similarity || (s === had.similarity && c.run > had.run)) best.set(k, c);
    }
    out.push(...best.values());
  }
  return out.sort((a, b) => b.similarity - a.similarity || a.part - b.part || a.agency.localeCompare(b.agency));
}

/** "与乙县人民政府2023年报告第五部分高度雷同（相似度 0.93）" */
export function copyText(c: Copy): { zh: string; en: string } {
  const sim = c.similarity.toFixed(2);
  return {
    zh: `与${c.agency}${c.year ?? ''}年报告${PART_ZH[c.part]}高度雷同（相似度 ${sim}）`,
    en: `part ${c.part === 5 ? 'V' : 'VI'} nearly identical to ${c.agency}'s ${c.year ?? ''} report (similarity ${sim})`,
  };
}
