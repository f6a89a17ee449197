/// <reference types="chrome" />
/**
 * The popup's look into a tab's top frame: what the gate noted (lib/gate-mark.ts) and the lens's
 * verdict (lib/page-verdict.ts), both kept in the page's isolated world, out of the page's reach.
 */
import { GATE_SLOT, isGateNote, type GateMark } from './gate-mark';
import type { TabVerdict } from './messages';
import { VERDICT_SLOT } from './page-verdict';
import { isTabVerdict } from './verdict';
import { worldSlotKey } from './world-slot';

/**
 * The gate runs at `document_idle`, which Chromium may put just after the load event: a page that
 * finished loading this recently and has no note may still get one.
 */
export const GATE_DUE_MS = 3000;
/** A page whose load never ends: no longer waited for after this long. */
export const LOAD_DUE_MS = 30_000;
/** The lens says 正在检查 as soon as it runs: an ask this old with no verdict was never answered. */
export const ASK_ANSWERED_MS = 10_000;

/** What the page's world holds, as read there (unchecked: it comes through structured cloning). */
export interface PageRaw { gate: unknown; verdict: unknown; loadedMsAgo: number | null; sinceStart: number; now: number }

/**
 * What the popup learns from the page. `gate`: the gate's mark; `due` (no note yet, the gate may
 * still run); null (it never ran here, or asked and was never answered). `gateUrl`: the URL the
 * note was about.
 */
export interface PageSeen { gate: GateMark | 'due' | null; gateUrl: string | null; verdict: TabVerdict | null }

/** Runs in the tab's isolated world, so it must stand alone: the slots' keys come in as arguments. */
function readSlots(gateKey: string, verdictKey: string): PageRaw {
  const own = (key: string) => {
    const k = Symbol.for(key);
    return Object.prototype.hasOwnProperty.call(globalThis, k) ? (globalThis as unknown as Record<symbol, unknown>)[k] : null;
  };
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const loadedMsAgo = nav && nav.loadEventEnd > 0 ? performance.now() - nav.loadEventEnd : null;
  return { gate: own(gateKey), verdict: own(verdictKey), loadedMsAgo, sinceStart: performance.now(), now: Date.now() };
}

/** Pure: the page's raw slots as the popup may use them. */
export function pageSeen(raw: PageRaw): PageSeen {
  const verdict = isTabVerdict(raw.verdict) ? raw.verdict : null;
  if (isGateNote(raw.gate)) {
    const unanswered = raw.gate.mark === 'asked' && !verdict && raw.now - raw.gate.at > ASK_ANSWERED_MS;
    return { gate: unanswered ? null : raw.gate.mark, gateUrl: raw.gate.url, verdict };
  }
  const due = raw.loadedMsAgo === null ? raw.sinceStart < LOAD_DUE_MS : raw.loadedMsAgo < GATE_DUE_MS;
  return { gate: due ? 'due' : null, gateUrl: null, verdict };
}

/** The page's state, or null when the tab is out of reach (no permission, not a web page, an error page). */
export async function readPage(tabId: number): Promise<PageSeen | null> {
  try {
    const [r] = await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: readSlots, args: [worldSlotKey(GATE_SLOT), worldSlotKey(VERDICT_SLOT)] });
    const raw = r?.result as PageRaw | undefined;
    if (!raw || typeof raw !== 'object' || typeof raw.now !== 'number' || typeof raw.sinceStart !== 'number') return null;
    return pageSeen(raw);
  } catch {
    return null;
  }
}
