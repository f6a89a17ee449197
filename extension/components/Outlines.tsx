/**
 * Boxes drawn over the offending cells and sentences (in our shadow root, positioned from
 * getBoundingClientRect; the page is never modified). Hovering a box shows the evidence; boxes
 * themselves ignore the pointer so the page stays fully usable.
 */
import { useEffect, useRef, useState } from 'react';
import type { Finding } from '@gongkai/shared/browser';
import { boxesOf, type Place } from '../lib/locate';
import type { Lang } from '../lib/i18n';

export interface Marked { index: number; finding: Finding; places: Place[] }
const TIP_WIDTH = 420;

interface Box { key: string; index: number; severity: string; kind: string; top: number; left: number; width: number; height: number }

function measure(marked: readonly Marked[], origin: DOMRect): Box[] {
  const out: Box[] = [];
  for (const m of marked) {
    m.places.forEach((p, pi) => {
      boxesOf(p, origin).forEach((b, bi) => out.push({
        key: `${m.index}-${pi}-${bi}`, index: m.index, severity: m.finding.severity, kind: p.kind, ...b,
      }));
    });
  }
  return out;
}

export function Outlines({ marked, active, lang }: { marked: Marked[]; active: number | null; lang: Lang }) {
  const layer = useRef<HTMLDivElement>(null);
  const [boxes, setBoxes] = useState<Box[]>([]);
  const [tip, setTip] = useState<{ index: number; x: number; y: number } | null>(null);
  const boxesRef = useRef<Box[]>([]);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!layer.current) return;
        boxesRef.current = measure(marked, layer.current.getBoundingClientRect());
        setBoxes(boxesRef.current);
      });
    };
    // The observer reports once at once, and again whenever the page's size changes.
    const ro = new ResizeObserver(update);
    ro.observe(document.documentElement);
    window.addEventListener('resize', update);
    // Tables inside scrolling boxes: follow their scrolling (the window's own scroll moves boxes with the page).
    const onScroll = (e: Event) => { if (e.target !== document) update(); };
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    const move = (e: MouseEvent) => {
      if (!layer.current || boxesRef.current.length === 0) return;
      const o = layer.current.getBoundingClientRect();
      const x = e.clientX - o.left;
      const y = e.clientY - o.top;
      const hit = boxesRef.current.find((b) => x >= b.left && x <= b.left + b.width && y >= b.top && y <= b.top + b.height);
      // Keep the tooltip inside the viewport: flip it to the left of the pointer near the right edge.
      const left = e.clientX + 12 + TIP_WIDTH > window.innerWidth ? x - 12 - TIP_WIDTH : x + 12;
      setTip((cur) => (hit ? { index: hit.index, x: Math.max(left, -o.left), y: y + 16 } : cur === null ? cur : null));
    };
    document.addEventListener('mousemove', move, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      window.removeEventListener('resize', update);
      document.removeEventListener('scroll', onScroll, { capture: true });
      document.removeEventListener('mousemove', move);
    };
  }, [marked]);

  const tipFinding = tip ? marked.find((m) => m.index === tip.index)?.finding : undefined;
  return (
    <div className="gl-layer" ref={layer}>
      {boxes.map((b) => (
        <div key={b.key} className={`gl-box ${b.severity}${active === b.index ? ' active' : ''}`}
          data-finding={b.index} data-kind={b.kind}
          style={{ top: b.top - 2, left: b.left - 2, width: b.width + 4, height: b.height + 4 }} />
      ))}
      {tip && tipFinding && (
        <div className="gl-tip" role="tooltip" style={{ top: tip.y, left: tip.x }}>
          {tipFinding.message[lang]}
          {tipFinding.evidence.expression && <span className="expr">{tipFinding.evidence.expression}</span>}
        </div>
      )}
    </div>
  );
}
