/**
 * The dashboard on a generated store of 3,000 portals × 30 runs (8 columns per portal per run, 2
 * primary reports with a finding each, dated items of the latest run): the API calls the pages make
 * and a page, over HTTP on 127.0.0.1, as the median and p95 of repeated requests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteStore } from '../../crawler/src/store/sqlite.ts';
import { startDashboard } from '../../crawler/src/serve/server.ts';
import { portalRegions } from '../../crawler/src/serve/regions.ts';
import { percentile, printTable, timeRuns } from './stats.ts';

const PORTALS = 3000, RUNS = 30, COLS = ['首页动态', '工作动态', '通知公告', '政策文件', '人事信息', '规划信息', '政府信息公开指南', '政府信息公开年报'];
const CATS = ['dynamic', 'dynamic', 'notice-policy', 'notice-policy', 'other', 'other', 'static', 'reports'];
const CITIES = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];

const day = (base: string, d: number) => new Date(Date.parse(`${base}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);

async function generate(store: SqliteStore): Promise<void> {
  let stmts: [string, unknown[]][] = [];
  const flush = async (force = false) => { if (force || stmts.length >= 40_000) { await store.execute(stmts); stmts = []; } };
  for (let r = 1; r <= RUNS; r++) {
    const now = day('2023-01-02', (r - 1) * 14);
    stmts.push(['INSERT INTO runs (id, started_at, finished_at, status, seeds, options, now) VALUES (?, ?, ?, ?, ?, ?, ?)', [r, now, now, 'done', '[]', '{}', now]]);
    for (let p = 0; p < PORTALS; p++) {
      const host = `p${p}.example.gov.cn`, name = `${CITIES[p % CITIES.length]}第${p}局`;
      const passed = (p + r) % 4 !== 0;
      const verdict = { host, name, homeUrl: `http://${host}/`, passed, judged: true, fault: null, message: null, judgedAt: now, freshness: {},
        rules: [{ id: 'home-stale', failed: !passed, judged: true, count: passed ? 3 : 20, limit: 14, columns: [], zh: '首页', en: 'home' }] };
      stmts.push(['INSERT INTO verdicts (run_id, host, passed, verdict) VALUES (?, ?, ?, ?)', [r, host, passed ? 1 : 0, JSON.stringify(verdict)]]);
      stmts.push(['INSERT INTO portals (run_id, host, name, home_url, section_url, home_newest, home_items) VALUES (?, ?, ?, ?, ?, ?, ?)', [r, host, name, `http://${host}/`, `http://${host}/zwgk/`, day(now, -3), 6]]);
      COLS.forEach((c, i) => {
        const perMonth: Record<string, number> = {};
        for (let m = 0; m < 12; m++) perMonth[day(now, -30 * m).slice(0, 7)] = (p + m + i) % 6;
        stmts.push([`INSERT INTO columns (run_id, column_key, host, name, url, parent_key, is_reports, is_parent, category, status, pages, item_count, newest, oldest, per_year, per_month)
          VALUES (?, ?, ?, ?, ?, NULL, ?, 0, ?, 'ok', 3, ?, ?, ?, '{}', ?)`, [r, `${host}/c${i}/`, host, c, `http://${host}/c${i}/`, i === 7 ? 1 : 0, CATS[i], 40, day(now, -((p + i) % 30)), day(now, -400), JSON.stringify(perMonth)]]);
        if (r === RUNS) for (let k = 0; k < 10; k++) stmts.push(['INSERT INTO column_items (run_id, column_key, url, title, date) VALUES (?, ?, ?, ?, ?)', [r, `${host}/c${i}/`, `http://${host}/c${i}/${k}.html`, `条目${k}`, day(now, -((p + i) % 30) - k * 9)]]);
      });
      for (const year of [2021, 2022]) {
        const url = `http://${host}/nb/${year}.html`;
        stmts.push([`INSERT INTO documents (run_id, url, host, agency, year, published_at, kind, sha256, parse_ok, is_primary, score)
          VALUES (?, ?, ?, ?, ?, ?, 'html', 'x', 1, 1, ?)`, [r, url, host, name, year, `${year + 1}-01-20`, 80 + (p % 20)]]);
        stmts.push([`INSERT INTO findings (run_id, doc_url, n, check_id, severity, message_zh, message_en, evidence) VALUES (?, ?, 0, 'arith.table3', 'error', '合计不符', 'total differs', '{"cells":[]}')`, [r, url]]);
      }
      await flush();
    }
  }
  await flush(true);
}

async function timeGet(url: string, runs = 20): Promise<number[]> {
  return timeRuns(async () => {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${r.status} ${url}`);
    await r.arrayBuffer();
  }, runs, 2);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-serve-'));
  try {
    const store = new SqliteStore(join(dir, 'g.db'));
    const t0 = performance.now();
    await generate(store);
    process.stdout.write(`generated ${PORTALS} portals × ${RUNS} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s\n\n`);
    const dash = await startDashboard({ store, port: 0, regionOf: portalRegions() });
    const u = dash.url;
    const first = performance.now();
    await (await fetch(`${u}api/portals`)).arrayBuffer();
    const cold = performance.now() - first;
    const cases: [string, string, number?][] = [
      ['/ (page)', u],
      ['/api/portals (page 1)', `${u}api/portals`],
      ['/api/portals?verdict=FAIL&page=10', `${u}api/portals?verdict=FAIL&page=10`],
      ['/api/portals?q=温州&region=3303', `${u}api/portals?q=${encodeURIComponent('温州')}&region=3303`],
      ['/api/portal?host= (30 runs × 8 columns)', `${u}api/portal?host=p1234.example.gov.cn`],
      ['/api/reports?page=20', `${u}api/reports?page=20`],
      ['/api/report', `${u}api/report?run=${RUNS}&url=${encodeURIComponent('http://p77.example.gov.cn/nb/2022.html')}`],
      ['/api/portals.csv (all 3,000)', `${u}api/portals.csv`, 5],
    ];
    const rows: (string | number)[][] = [['/api/portals, first request (latest verdicts computed)', cold, cold]];
    for (const [name, url, n] of cases) {
      const t = await timeGet(url, n ?? 20);
      rows.push([name, percentile(t, 50), percentile(t, 95)]);
    }
    printTable(['request', 'median ms', 'p95 ms'], rows);
    await dash.close();
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
