/// <reference types="chrome" />
/** The popup's read of the gate's mark (lib/gate-mark.ts) in a tab's top frame. */
import { GATE_SLOT, isGateMark, type GateMark } from './gate-mark';
import { worldSlotKey } from './world-slot';

/**
 * The gate runs at `document_idle`, which Chromium may put just after the load event: a page that
 * finished loading this recently and has no mark may still get one.
 */
const GATE_DUE_MS = 3000;

/** What the popup learns: the gate's mark, `due` (no mark yet, the gate may still run), or null (it never ran here). */
export type GateSeen = GateMark | 'due' | null;

/**
 * Runs in the tab's isolated world (where the gate left its mark), so it must stand alone: the
 * slot's key comes in as an argument. Read as an own property only, as `worldSlot` does; also how
 * long ago the page finished loading (null while it has not).
 */
function readSlot(key: string): { mark: unknown; loadedMsAgo: number | null } {
  const k = Symbol.for(key);
  const mark = Object.prototype.hasOwnProperty.call(globalThis, k) ? (globalThis as unknown as Record<symbol, unknown>)[k] : null;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const loadedMsAgo = nav && nav.loadEventEnd > 0 ? performance.now() - nav.loadEventEnd : null;
  return { mark, loadedMsAgo };
}

/** The gate's mark in the tab's top frame; null also when the tab is out of reach. */
export async function readGateMark(tabId: number): Promise<GateSeen> {
  try {
    const [r] = await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: readSlot, args: [worldSlotKey(GATE_SLOT)] });
    const seen = r?.result;
    if (!seen || typeof seen !== 'object') return null;
    if (isGateMark(seen.mark)) return seen.mark;
    return seen.loadedMsAgo === null || (typeof seen.loadedMsAgo === 'number' && seen.loadedMsAgo < GATE_DUE_MS) ? 'due' : null;
  } catch {
    return null;
  }
}
