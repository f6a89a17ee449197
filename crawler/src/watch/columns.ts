/**
 * Column and home-page alerts of one run: stale, empty and about to go stale (within `leadDays` of the
 * limit), judged on the run's date with the limits of limits.ts. A column that did not load is not
 * judged (its conditions neither fire nor clear); parents are not judged, as in the portal verdict.
 */
import { daysBetween } from '@gongkai/shared';
import type { ColumnSnapshot, PortalRow, Run } from '../store/types.js';
import { addDays, limitFor, limitRule, type LimitOverrides } from './limits.js';
import type { Alert } from './types.js';

export interface ColumnAlerts { alerts: Alert[]; judged: string[] }

const key = (kind: string, host: string, col: string) => `${kind}|${host}|${col}`;

/** Alerts of one portal's columns and home page. */
export function columnAlerts(run: Run, portal: PortalRow, cols: ColumnSnapshot[], overrides: LimitOverrides, leadDays: number): ColumnAlerts {
  const alerts: Alert[] = [];
  const judged: string[] = [];
  const base = { host: portal.host, name: portal.name, runId: run.id, judgedOn: run.now };
  const dated = (id: string, name: string, category: string, url: string, newest: string) => {
    const limit = limitFor(name, category, overrides);
    if (limit.days === null) return;
    judged.push(key('stale', portal.host, id), key('about-to-stale', portal.host, id));
    const age = daysBetween(newest, run.now);
    const staleFrom = addDays(newest, limit.days + 1);
    const rule = limitRule(category, limit);
    if (age > limit.days) {
      alerts.push({ ...base, key: key('stale', portal.host, id), kind: 'stale', column: name, where: url, since: staleFrom, rule,
        what: { zh: `「${name}」已超期未更新：最新信息为${newest}，已${age}天（上限${limit.days}天）`,
          en: `"${name}" has gone stale: newest item ${newest}, ${age} days ago (limit ${limit.days})` } });
    } else if (limit.days - age <= leadDays) {
      const left = limit.days - age;
      alerts.push({ ...base, key: key('about-to-stale', portal.host, id), kind: 'about-to-stale', column: name, where: url, since: newest, rule,
        what: { zh: `「${name}」即将超期：最新信息为${newest}，${left === 0 ? '今天是最后期限' : `还剩${left}天`}，${staleFrom}起超期`,
          en: `"${name}" is about to go stale: newest item ${newest}, ${left} day${left === 1 ? '' : 's'} left, stale from ${staleFrom}` } });
    }
  };
  if (portal.homeNewest) dated('home', '首页', 'home', portal.homeUrl, portal.homeNewest);
  for (const c of cols) {
    if (c.isParent || c.status !== 'ok') continue;
    judged.push(key('empty', portal.host, c.key));
    if (c.itemCount === 0) {
      alerts.push({ ...base, key: key('empty', portal.host, c.key), kind: 'empty', column: c.name, where: c.url, since: run.now,
        rule: { zh: '空白栏目（5个及以上单项否决，国办秘函〔2019〕19号）', en: 'an empty column (5 or more fail the portal, 国办秘函〔2019〕19号)' },
        what: { zh: `「${c.name}」是空白栏目（没有任何信息）`, en: `"${c.name}" is empty (no item at all)` } });
      continue;
    }
    if (c.newest) dated(c.key, c.name, c.category, c.url, c.newest);
  }
  return { alerts, judged };
}
