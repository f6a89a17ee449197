/**
 * The places of the report's findings on the page, kept true while the page changes: placed from
 * the parser's map at first, found again by their selectors when a page script re-renders the text
 * under them, and the findings that cannot be placed (evidence on this page, nothing visible of it)
 * listed so they do not silently disappear.
 */
import { useEffect, useState } from 'react';
import type { PageCheck } from '../lib/check-page';
import { buildTextIndex, hasPageEvidence, placesOf, reanchor, stillThere, visible, type LocateContext, type Place, type TextIndex } from '../lib/locate';
import type { Marked } from './Outlines';

export interface Placed { marked: Marked[]; notPlaced: number[] }

const NONE: Placed = { marked: [], notPlaced: [] };

function settle(first: Marked[]): Placed {
  return {
    marked: first.filter((m) => m.places.length > 0),
    notPlaced: first.filter((m) => hasPageEvidence(m.finding) && !m.places.some(visible)).map((m) => m.index),
  };
}

export function usePlaces(check: PageCheck | null, skip: (el: Element) => boolean): Placed {
  const [placed, setPlaced] = useState<Placed>(NONE);
  useEffect(() => {
    if (!check?.ok) { setPlaced(NONE); return; }
    let index: TextIndex | null = null;
    const ctx: LocateContext = { doc: document, anchors: check.anchors, index: () => (index ??= buildTextIndex(document, skip)) };
    // As first placed: their selectors are the anchors every later placement starts from.
    const first: Marked[] = check.result.findings.map((finding, i) => ({ index: i, finding, places: placesOf(ctx, finding) }));
    let cur: (Place | null)[][] = first.map((m) => [...m.places]);
    const show = () => setPlaced(settle(first.map((m, i) => ({ ...m, places: cur[i]!.filter((p): p is Place => p !== null) }))));
    show();
    let frame = 0;
    let lastRetry = 0;
    const recheck = () => {
      const lost = cur.some((ps) => ps.some((p) => p === null));
      const moved = cur.some((ps) => ps.some((p) => p !== null && !stillThere(p)));
      // Places gone for good are looked for again at most twice a second (a page that never stops changing).
      if (!moved && (!lost || performance.now() - lastRetry < 500)) return;
      lastRetry = performance.now();
      index = null;
      cur = cur.map((ps, i) => ps.map((p, j) => (p && stillThere(p) ? p : reanchor(ctx, first[i]!.places[j]!))));
      show();
    };
    const obs = new MutationObserver(() => { cancelAnimationFrame(frame); frame = requestAnimationFrame(recheck); });
    obs.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
    return () => { obs.disconnect(); cancelAnimationFrame(frame); };
  }, [check, skip]);
  return placed;
}
