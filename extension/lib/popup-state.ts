/**
 * What the popup says about the current tab, from what it knows: the page's origin, whether the
 * user granted it, the site's switch, the verdict the lens reported and the mark the gate left in
 * the page (lib/gate-mark.ts). Pure.
 */
import type { GateSeen } from './gate-probe';
import type { TabVerdict } from './messages';
import { noneVerdict } from './verdict';

export type PopupState =
  /** Not a web page (chrome://, a file, the new-tab page): nothing to check. */
  | { kind: 'no-page' }
  /** 未启用此网站: the portal was never allowed, or the user switched it off. */
  | { kind: 'off'; why: 'no-permission' | 'switched-off' }
  /** 正在检查: the page is still loading on an allowed site, or the lens is reading it. */
  | { kind: 'checking' }
  /** Allowed, but nothing ran on this page (it was open before the site was allowed). */
  | { kind: 'not-checked' }
  /** 不是年报: the gate or the lens looked and found no report. */
  | { kind: 'not-report'; verdict: TabVerdict }
  /** 页面过大，未检查: the page is over the lens's size limits. */
  | { kind: 'too-big'; verdict: TabVerdict }
  /** The verdict: a report, a column, attachments. */
  | { kind: 'verdict'; verdict: TabVerdict };

export interface PopupFacts {
  origin: string | null;
  tabUrl: string | null;
  /** The tab is still loading its page. */
  loading: boolean;
  granted: boolean;
  enabled: boolean;
  verdict: TabVerdict | null;
  /** The gate's mark in the page, `due` while the gate may still run, null: it did not run there. */
  gate: GateSeen;
}

/** Two URLs name the same page (a fragment is not another page). */
export const samePage = (a: string, b: string): boolean => a.split('#')[0] === b.split('#')[0];

export function popupState(f: PopupFacts): PopupState {
  if (!f.origin) return { kind: 'no-page' };
  if (!f.enabled) return { kind: 'off', why: 'switched-off' };
  // A verdict left from an earlier page of this tab does not describe this one.
  const v = f.verdict && f.tabUrl && samePage(f.verdict.url, f.tabUrl) ? f.verdict : null;
  // A page checked once through "检查此页" (activeTab) has a verdict without a standing permission.
  if (v?.kind === 'checking') return { kind: 'checking' };
  if (v?.kind === 'not-report') return { kind: 'not-report', verdict: v };
  if (v?.kind === 'too-big') return { kind: 'too-big', verdict: v };
  if (v) return { kind: 'verdict', verdict: v };
  if (!f.granted) return { kind: 'off', why: 'no-permission' };
  if (f.gate === 'none') return { kind: 'not-report', verdict: noneVerdict(f.tabUrl ?? '') };
  // Still loading, the gate has yet to run or to take its second look on a list page, or the lens was asked and has not said yet.
  if (f.loading || f.gate === 'due' || f.gate === 'waiting' || f.gate === 'asked') return { kind: 'checking' };
  return { kind: 'not-checked' };
}
