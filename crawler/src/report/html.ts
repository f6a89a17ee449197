/**
 * `gongkai summary`: one self-contained HTML page (inline CSS and SVG, no scripts, no CDN) with the
 * portals' verdicts, findings per agency, report scores by year, column freshness over time (one bar
 * per run), each column's items per month, the self-reported-count comparison and the faults.
 */
import type { ColumnSnapshot, Run } from '../store/types.js';
import { freshness } from '../columns/verdict.js';
import type { RunSummary } from './summary.js';
import { dateSourceText, statusText } from '../columns/snapshot.js';

export interface History { runs: Run[]; snapshots: ColumnSnapshot[] }

const esc = (s: unknown): string => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const COLORS = { error: '#c0392b', warning: '#e67e22', info: '#2980b9', fresh: '#27ae60', stale: '#e67e22', empty: '#c0392b', unknown: '#95a5a6', 'no-threshold': '#7f8c8d' };

/** Horizontal stacked bars: one row per label, segments in the given order. */
function stackedBars(rows: { label: string; parts: Record<string, number> }[], keys: (keyof typeof COLORS)[], title: string): string {
  const max = Math.max(1, ...rows.map((r) => keys.reduce((s, k) => s + (r.parts[k] ?? 0), 0)));
  const width = (t: string) => [...t].reduce((a, c) => a + (/[\u2e80-\uffef]/.test(c) ? 12 : 7), 0);
  const left = Math.max(120, ...rows.map((r) => width(r.label) + 12));
  const W = left + 460, rowH = 22, H = rows.length * rowH + 40;
  const bars = rows.map((r, i) => {
    let x = left;
    const y = 10 + i * rowH;
    const segs = keys.map((k) => {
      const v = r.parts[k] ?? 0;
      const w = (v / max) * (W - left - 60);
      const seg = v ? `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${COLORS[k]}"><title>${esc(r.label)} · ${k}: ${v}</title></rect>` : '';
      x += w;
      return seg;
    }).join('');
    const total = keys.reduce((s, k) => s + (r.parts[k] ?? 0), 0);
    return `<text x="${left - 6}" y="${y + 12}" text-anchor="end">${esc(r.label)}</text>${segs}<text x="${x + 4}" y="${y + 12}">${total}</text>`;
  }).join('');
  const legend = keys.map((k, i) => `<rect x="${left + i * 90}" y="${H - 22}" width="10" height="10" fill="${COLORS[k]}"/><text x="${left + 14 + i * 90}" y="${H - 13}">${k}</text>`).join('');
  return `<figure><figcaption>${esc(title)}</figcaption><svg role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-size="12">${bars}${legend}</svg></figure>`;
}

/** Agency × year grid coloured by score (red 0 … green 100). */
function scoreGrid(s: RunSummary): string {
  const primaries = s.reports.filter((r) => r.primary && r.year && r.agency);
  const years = [...new Set(primaries.map((r) => r.year!))].sort();
  const agencies = [...new Set(primaries.map((r) => r.agency!))].sort();
  if (!years.length) return '<p>No parsed reports.</p>';
  const cw = 56, rh = 24, left = 190, W = left + years.length * cw + 10, H = 30 + agencies.length * rh;
  const color = (v: number) => `hsl(${Math.round((v / 100) * 120)},65%,45%)`;
  const head = years.map((y, i) => `<text x="${left + i * cw + cw / 2}" y="16" text-anchor="middle">${y}</text>`).join('');
  const cells = agencies.map((a, j) => `<text x="${left - 6}" y="${30 + j * rh + 15}" text-anchor="end">${esc(a)}</text>` + years.map((y, i) => {
    const r = primaries.find((p) => p.agency === a && p.year === y);
    if (!r) return `<rect x="${left + i * cw + 2}" y="${30 + j * rh}" width="${cw - 4}" height="${rh - 4}" fill="#eee"><title>${esc(a)} ${y}: no report found</title></rect>`;
    return `<rect x="${left + i * cw + 2}" y="${30 + j * rh}" width="${cw - 4}" height="${rh - 4}" fill="${color(r.score ?? 0)}"><title>${esc(a)} ${y}: score ${r.score} · ${r.errors} errors, ${r.warnings} warnings</title></rect><text x="${left + i * cw + cw / 2}" y="${30 + j * rh + 15}" text-anchor="middle" fill="#fff">${r.score ?? '?'}</text>`;
  }).join('')).join('');
  return `<figure><figcaption>Report scores (0–100) by agency and year; grey = no report found</figcaption><svg role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-size="12">${head}${cells}</svg></figure>`;
}

/** Items per month of one column, last 24 months before `now`, as a tiny bar chart. */
function sparkline(c: ColumnSnapshot, now: string): string {
  const months: string[] = [];
  const d = new Date(now + 'T00:00:00Z');
  for (let i = 23; i >= 0; i--) {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1));
    months.push(m.toISOString().slice(0, 7));
  }
  const max = Math.max(1, ...months.map((m) => c.perMonth[m] ?? 0));
  const bars = months.map((m, i) => {
    const v = c.perMonth[m] ?? 0;
    const h = (v / max) * 18;
    return `<rect x="${i * 5}" y="${20 - h}" width="4" height="${h}" fill="#2c7fb8"><title>${m}: ${v}</title></rect>`;
  }).join('');
  return `<svg viewBox="0 0 120 20" width="120" height="20">${bars}</svg>`;
}

export function summaryHtml(s: RunSummary, hist: History): string {
  const now = s.run.now;
  const byAgency = new Map<string, Record<string, number>>();
  for (const r of s.reports.filter((x) => x.primary)) {
    const p = byAgency.get(r.agency ?? '?') ?? {};
    p.error = (p.error ?? 0) + r.errors; p.warning = (p.warning ?? 0) + r.warnings; p.info = (p.info ?? 0) + r.infos;
    byAgency.set(r.agency ?? '?', p);
  }
  const freshOverTime = hist.runs.flatMap((run) => {
    const snaps = hist.snapshots.filter((c) => c.runId === run.id && !c.isParent);
    return [...new Set(snaps.map((c) => c.host))].map((host) => {
      const parts: Record<string, number> = {};
      for (const c of snaps.filter((x) => x.host === host)) { const f = freshness(c, run.now); parts[f] = (parts[f] ?? 0) + 1; }
      return { label: `run #${run.id} · ${host}`, parts };
    });
  });
  const portalRows = s.portals.map((p) => `<tr><td class="${p.passed ? 'pass' : 'fail'}">${p.fault ? 'FAULT' : p.passed ? 'PASS' : 'FAIL'}</td><td>${esc(p.name)}</td><td>${esc(p.host)}</td><td>${p.columns}</td><td>${p.items}</td><td>${p.message ? `<div>${esc(p.message.zh)}</div>` : ''}${p.rules.map((r) => `<div class="${r.failed ? 'fail' : ''}">${r.failed ? '✗' : r.judged === false ? '?' : '✓'} ${esc(r.zh)}${r.columns.length ? `：${esc(r.columns.join('、'))}` : ''}</div>`).join('')}</td></tr>`).join('');
  const colRows = s.columns.filter((c) => !c.isParent).map((c) => {
    const f = freshness(c, now);
    return `<tr><td>${esc(c.host)}</td><td><a href="${esc(c.url)}">${esc(c.name)}</a></td><td>${esc(c.category)}</td><td class="${c.status === 'incomplete' ? 'fail' : ''}">${esc(statusText(c))}</td><td class="num">${c.itemCount}</td><td>${esc(dateSourceText(c))}</td><td>${esc(c.newest ?? '—')}</td><td>${esc(c.oldest ?? '—')}</td><td><span class="tag" style="background:${COLORS[f]}">${f}</span></td><td>${sparkline(c, now)}</td></tr>`;
  }).join('');
  const reportRows = s.reports.map((r) => `<tr${r.primary ? '' : ' class="secondary"'}><td>${esc(r.agency)}</td><td>${esc(r.year)}</td><td>${esc(r.kind)}</td><td>${r.primary ? '●' : ''}</td><td>${esc(r.publishedAt)}</td><td class="num">${r.parseOk ? esc(r.score) : esc(r.parseReason)}</td><td class="num">${r.errors}</td><td class="num">${r.warnings}</td><td>${esc(r.findingIds.join(' '))}</td><td><a href="${esc(r.url)}">${esc(decodeURIComponent(new URL(r.url).pathname.split('/').pop() ?? ''))}</a></td></tr>`).join('');
  const statedRows = s.statedCounts.map((c) => `<tr class="${c.found !== null && c.found !== c.stated ? 'fail' : ''}"><td>${esc(c.agency)}</td><td>${c.year}</td><td>${esc(c.label)}</td><td class="num">${c.stated}</td><td class="num">${c.found ?? '— cannot compare'}</td></tr>`).join('');
  const faultRows = s.failures.map((f) => `<tr><td>${esc(f.errorKind)}</td><td>${esc(f.kind)}</td><td>${esc(f.url)}</td><td>${esc(f.error)}</td></tr>`).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>公开镜 Gongkai Lens — crawl run #${s.run.id}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1200px;color:#222;padding:0 1em}
table{border-collapse:collapse;margin:1em 0;width:100%;font-size:13px}td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f4f4f4}.num{text-align:right}.pass{color:#1e8449;font-weight:bold}.fail{color:#c0392b}.secondary{color:#888}
.tag{color:#fff;border-radius:3px;padding:1px 6px;font-size:12px}figure{margin:1em 0}figcaption{font-weight:bold;margin-bottom:.5em}
.cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:.8em 1.2em}.card b{font-size:1.6em;display:block}
</style></head><body>
<h1>公开镜 Gongkai Lens — crawl run #${s.run.id}</h1>
<p>Seeds: ${s.run.seeds.map(esc).join(', ')} · started ${esc(s.run.startedAt)} · ${esc(s.run.status)} · judged on ${esc(now)}</p>
<div class="cards">
<div class="card"><b>${s.frontier.done}</b>pages fetched</div>
<div class="card"><b>${s.frontier.failed + s.frontier.skipped}</b>failed / skipped</div>
<div class="card"><b>${s.agencies.length}</b>agencies</div>
<div class="card"><b>${s.reports.filter((r) => r.primary).length}</b>reports (agency × year)</div>
<div class="card"><b>${s.documents.parsed}/${s.documents.total}</b>documents parsed</div>
<div class="card"><b>${s.portals.filter((p) => !p.passed && !p.fault).length}/${s.portals.length}</b>portals failing column checks</div>
</div>
<h2>Portals: column checks (国办秘函〔2019〕19号)</h2>
<table><tr><th></th><th>portal</th><th>host</th><th>columns</th><th>items</th><th>rules</th></tr>${portalRows}</table>
<h2>Findings per agency</h2>
${stackedBars([...byAgency].map(([label, parts]) => ({ label, parts })), ['error', 'warning', 'info'], 'Findings on each agency\'s reports (primary document per year)')}
<h2>Report scores</h2>
${scoreGrid(s)}
<h2>Column freshness over time</h2>
${stackedBars(freshOverTime, ['fresh', 'stale', 'empty', 'unknown', 'no-threshold'], 'Columns by freshness, per run (judging date in the runs table below) and portal')}
<table><tr><th>run</th><th>started</th><th>judged on</th><th>status</th></tr>${hist.runs.map((r) => `<tr><td>#${r.id}</td><td>${esc(r.startedAt)}</td><td>${esc(r.now)}</td><td>${esc(r.status)}</td></tr>`).join('')}</table>
<h2>Columns (this run)</h2>
<table><tr><th>host</th><th>column</th><th>category</th><th>status</th><th>items</th><th>dates from</th><th>newest</th><th>oldest</th><th>freshness</th><th>items per month (24 months)</th></tr>${colRows}</table>
<h2>Reports and documents</h2>
<table><tr><th>agency</th><th>year</th><th>kind</th><th>primary</th><th>published</th><th>score</th><th>errors</th><th>warnings</th><th>checks failed</th><th>document</th></tr>${reportRows}</table>
<h2>Self-reported counts vs the crawl</h2>
<table><tr><th>agency</th><th>year</th><th>what the report says</th><th>report</th><th>crawl found</th></tr>${statedRows}</table>
<h2>Faults</h2>
<table><tr><th>kind</th><th>task</th><th>url</th><th>message</th></tr>${faultRows}</table>
<footer><p>Generated by gongkai summary. Scores and checks: @gongkai/shared; column thresholds: docs/crawler.md.</p></footer>
</body></html>
`;
}
