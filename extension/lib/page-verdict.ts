/// <reference types="chrome" />
/**
 * The lens's verdict on its page, said twice: kept in the page's isolated world, where it lives and
 * dies with the document (a page back from the back/forward cache still has its own; a reload or a
 * new page starts without), and sent to the background as the tab's verdict (for a popup that
 * cannot reach the page). The popup prefers the first (lib/page-probe.ts).
 */
import { send, type TabVerdict } from './messages';
import { isTabVerdict } from './verdict';
import { worldSlot } from './world-slot';

export const VERDICT_SLOT = 'verdict';

const slot = worldSlot(VERDICT_SLOT, isTabVerdict);

export function tellVerdict(verdict: TabVerdict): Promise<unknown> {
  slot.set(verdict);
  return send({ type: 'verdict:set', verdict });
}
