/** A progress line on stderr: redrawn in place on a terminal, one line every few seconds otherwise. */
import type { Progress } from '../crawl/run.js';
import type { FrontierStats, Store } from '../store/types.js';

export function progressReporter(store: Store, quiet: boolean): { update: (p: Progress) => void; done: () => void } {
  if (quiet) return { update: () => undefined, done: () => undefined };
  const tty = process.stderr.isTTY;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - lastDraw < (tty ? 150 : 3000)) return;
      lastDraw = now;
      void Promise.resolve(store.stats(p.runId)).then((st) => draw(p, st)).catch(() => undefined);
    },
    done() {
      if (tty && drawn) process.stderr.write('\r\x1b[K');
    },
  };

  function draw(p: Progress, st: FrontierStats): void {
    const total = st.done + st.failed + st.skipped + st.pending;
    const frac = total ? (st.done + st.failed + st.skipped) / total : 0;
    const bar = '█'.repeat(Math.round(frac * 20)).padEnd(20, '░');
    const line = `[${bar}] ${st.done + st.failed + st.skipped}/${total} · ${st.failed} failed · ${st.skipped} skipped · ${p.pagesPerSec.toFixed(1)} pages/s${p.browserPages ? ` · ${p.browserPages} in browser` : ''} · ${p.last.slice(0, 60)}`;
    if (tty) process.stderr.write(`\r\x1b[K${line}`);
    else process.stderr.write(`${line}\n`);
    drawn = true;
  }
}
