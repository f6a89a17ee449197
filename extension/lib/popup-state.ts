/**
 * What the popup says about the current tab, from what it knows: the page's origin, whether the
 * user granted it, the site's switch, what the page's isolated world holds (the gate's note and the
 * lens's verdict: lib/page-probe.ts) and, for a page it cannot reach, the tab's verdict the lens
 * sent to the background. Pure.
 */
import type { PageSeen } from './page-probe';
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
  /** The tab's verdict as the background keeps it (the last one the lens sent from this tab). */
  verdict: TabVerdict | null;
  /** What the page's world holds; null when the popup could not reach the page. */
  page: PageSeen | null;
}

/** Two URLs name the same page (a fragment is not another page). */
export const samePage = (a: string, b: string): boolean => a.split('#')[0] === b.split('#')[0];

function ofVerdict(v: TabVerdict): PopupState {
  if (v.kind === 'checking') return { kind: 'checking' };
  if (v.kind === 'not-report') return { kind: 'not-report', verdict: v };
  if (v.kind === 'too-big') return { kind: 'too-big', verdict: v };
  return { kind: 'verdict', verdict: v };
}

export function popupState(f: PopupFacts): PopupState {
  if (!f.origin) return { kind: 'no-page' };
  if (!f.enabled) return { kind: 'off', why: 'switched-off' };
  const here = (url: string | null) => !!url && !!f.tabUrl && samePage(url, f.tabUrl);
  if (f.page) {
    // The page's own world speaks for this document (a reload or another page starts afresh; a page
    // back from the cache keeps its own), so a verdict stored for the tab does not override it.
    if (f.page.verdict && here(f.page.verdict.url)) return ofVerdict(f.page.verdict);
    // A note about another URL (the page's script changed it since) says nothing of this one.
    const gate = f.page.gateUrl === null || here(f.page.gateUrl) ? f.page.gate : null;
    if (gate === 'none') return { kind: 'not-report', verdict: noneVerdict(f.tabUrl ?? '') };
    // The gate has yet to run or to take its second look on a list page, or the lens was asked and has not said yet.
    if (gate === 'due' || gate === 'waiting' || gate === 'asked') return { kind: 'checking' };
  } else {
    // Out of reach (a page checked once through "检查此页", then the grant gone): the verdict the lens sent.
    if (f.verdict && here(f.verdict.url)) return ofVerdict(f.verdict);
  }
  if (!f.granted) return { kind: 'off', why: 'no-permission' };
  return f.loading ? { kind: 'checking' } : { kind: 'not-checked' };
}
