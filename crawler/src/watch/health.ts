/**
 * Site-health conditions of a run (health/site-health.ts): `unreachable` — the share of failed home-page
 * probes over the last 7 days of runs exceeds the threshold (一周监测); `dead-links` — links inside the
 * disclosure section that answered 404/410 or could not be reached in this run (count and up to 5
 * examples). A portal probed in the window is judged for `unreachable`; one this run crawled, for
 * `dead-links` (so both clear when the site recovers).
 */
import type { Run } from '../store/types.js';
import { shareText, type SiteHealth } from '../health/site-health.js';
import type { LimitOverrides } from './limits.js';
import type { Alert } from './types.js';

/**
 * The share of failed probes over which a site counts as unreachable. The national check-list
 * (国办秘函〔2019〕19号, 站点无法访问) probes a site over one week and fails it at 15 failed probes of about
 * 140 (20 a day); portals.md names no number, so the default is that ratio rounded down: 10%.
 */
export const UNREACHABLE_SHARE = 0.1;

const RULE = { zh: '国办秘函〔2019〕19号：站点无法访问（一周监测，失败比例超过10%）', en: 'national check-list 国办秘函〔2019〕19号: site unreachable (one week of probes, over 10% failed)' };
const DEAD_RULE = { zh: '政务公开栏目内的链接应可访问（404/410或无法连接为失效链接）', en: 'links inside the disclosure section must work (404/410 or unreachable is a dead link)' };

export interface HealthJudged { alerts: Alert[]; judged: string[] }

/**
 * A portal's threshold: `limit.unreachable=<percent>` in the portals file (a whole number, as every
 * limit there), else `UNREACHABLE_SHARE`.
 */
export function unreachableShare(overrides: LimitOverrides = {}): number {
  const pct = overrides.unreachable;
  return pct === undefined ? UNREACHABLE_SHARE : Math.min(pct, 100) / 100;
}

export function healthAlerts(run: Run, health: Map<string, SiteHealth>, names: Map<string, string | null>, homes: Map<string, string>,
  limits?: ReadonlyMap<string, LimitOverrides>): HealthJudged {
  const alerts: Alert[] = [];
  const judged: string[] = [];
  for (const h of health.values()) {
    const r = h.reachability;
    const name = names.get(h.host) ?? null;
    const where = homes.get(h.host) ?? `http://${h.host}/`;
    const threshold = unreachableShare(limits?.get(h.host));
    if (r.share !== null) {
      judged.push(`unreachable|${h.host}`);
      if (r.share > threshold) {
        const first = r.failures.find((f) => f.page === 'home');
        alerts.push({ key: `unreachable|${h.host}`, kind: 'unreachable', host: h.host, name, column: null, where,
          since: first?.judgedOn ?? run.now, rule: threshold === UNREACHABLE_SHARE ? RULE : { zh: `站点无法访问（一周监测，失败比例超过${Math.round(threshold * 100)}%，监测清单设定）`, en: `site unreachable (one week of probes, over ${Math.round(threshold * 100)}% failed, set in the portals file)` },
          runId: run.id, judgedOn: run.now,
          what: { zh: `${name ?? h.host}首页近${r.windowDays}天${r.probes}次检测中${r.failed}次无法访问（${shareText(r)}）${first ? `：${first.error}` : ''}`,
            en: `${name ?? h.host}: the home page could not be reached in ${shareText(r)} of the probes of the last ${r.windowDays} days${first ? ` (${first.error})` : ''}` } });
      }
    }
    if (!names.has(h.host)) continue; // not crawled this run: dead links not judged
    judged.push(`dead-links|${h.host}`);
    const d = h.deadLinks;
    if (d.count > 0) {
      const ex = d.examples.map((e) => `${e.url} (${e.status ?? e.error})`);
      alerts.push({ key: `dead-links|${h.host}`, kind: 'dead-links', host: h.host, name, column: null, where: d.examples[0]!.url,
        since: run.now, rule: DEAD_RULE, runId: run.id, judgedOn: run.now,
        what: { zh: `${name ?? h.host}政务公开栏目内失效链接${d.count}个：${ex.join('；')}${d.count > ex.length ? ' 等' : ''}`,
          en: `${name ?? h.host}: ${d.count} dead link${d.count === 1 ? '' : 's'} inside the disclosure section: ${ex.join('; ')}${d.count > ex.length ? ' …' : ''}` } });
    }
  }
  return { alerts, judged };
}
