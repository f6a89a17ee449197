/// <reference types="chrome" />
/**
 * The lens's rarely needed parts — a column list's verdict and fetching earlier years, which read
 * pages with the shared library in the page — live in a script of their own (contents/tools.ts).
 * The background injects it into the lens's isolated world the first time the lens asks, so report
 * pages never load that code. Page scripts cannot reach the handle (it is in our isolated world).
 */
import type { AgencyYears } from './report-column';
import type { ColumnItem, ColumnVerdict } from './column';
import type { fetchEarlierYears } from './earlier-fetch';
import { send } from './messages';
import { worldSlot } from './world-slot';

export type ColumnPage = ColumnVerdict & { items: ColumnItem[]; listing: AgencyYears[] | null };

export interface LensTools {
  columnPage(doc: Document, now: Date): ColumnPage;
  fetchEarlierYears: typeof fetchEarlierYears;
}

const isTools = (v: unknown): v is LensTools =>
  typeof v === 'object' && v !== null && typeof (v as LensTools).columnPage === 'function' && typeof (v as LensTools).fetchEarlierYears === 'function';
// Under a Symbol, read as an own property (lib/world-slot.ts): no element id can stand in for it.
const slot = worldSlot('tools', isTools);

/** Registers the tools in this isolated world (called by the tools script). */
export function provideTools(tools: LensTools): void {
  slot.set(tools);
}

/** The tools, injected first if need be. */
export async function lensTools(): Promise<LensTools> {
  if (!slot.get()) await send({ type: 'tools:inject' });
  const t = slot.get();
  if (!t) throw new Error('tools script not loaded');
  return t;
}
