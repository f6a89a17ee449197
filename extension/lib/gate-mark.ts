/**
 * What the gate decided on a page, kept in the page's isolated world (out of the page's reach)
 * instead of being sent to the background: an ordinary page costs no message. The popup reads it
 * when it opens (`readGateMark`, lib/gate-probe.ts).
 * - `none`: the quick look found nothing of ours (the popup says 不是年报);
 * - `waiting`: a list page that may be filled by script; one more look is due (正在检查);
 * - `asked`: the gate asked for the lens (the lens's own verdict follows).
 */
import { worldSlot } from './world-slot';

export type GateMark = 'none' | 'waiting' | 'asked';

export const GATE_SLOT = 'gate';

export const isGateMark = (v: unknown): v is GateMark => v === 'none' || v === 'waiting' || v === 'asked';

export const gateMark = worldSlot(GATE_SLOT, isGateMark);
