/**
 * What the gate decided on a page, kept in the page's isolated world (out of the page's reach)
 * instead of being sent to the background: an ordinary page costs no message. The popup reads it
 * when it opens (lib/page-probe.ts).
 * - `none`: the quick look found nothing of ours (the popup says 不是年报);
 * - `waiting`: a list page that may be filled by script; one more look is due (正在检查);
 * - `asked`: the gate asked for the lens (the lens's own verdict follows, lib/page-verdict.ts).
 * With the URL it was about (a script may change the URL later) and when (`Date.now()`: no DOM
 * interface to set up in the gate's fresh world).
 */
import { worldSlot } from './world-slot';

export type GateMark = 'none' | 'waiting' | 'asked';

export interface GateNote { mark: GateMark; url: string; at: number }

export const GATE_SLOT = 'gate';

export const isGateMark = (v: unknown): v is GateMark => v === 'none' || v === 'waiting' || v === 'asked';

export const isGateNote = (v: unknown): v is GateNote => {
  const n = v as Partial<GateNote> | null;
  return typeof n === 'object' && n !== null && isGateMark(n.mark) && typeof n.url === 'string' && typeof n.at === 'number';
};

const slot = worldSlot(GATE_SLOT, isGateNote);

/** Leaves the gate's answer about the page as it is now. */
export function noteGate(mark: GateMark): void {
  slot.set({ mark, url: document.URL, at: Date.now() });
}
