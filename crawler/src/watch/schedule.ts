/** `--every` durations and the watch loop: one cycle, then a wait until the next start, until stopped. */

/** A duration such as `90s`, `30m`, `6h`, `1d`, `1h30m`, in milliseconds; null when it is not one. */
export function parseDuration(s: string): number | null {
  const unit: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  if (!/^(\d+[smhd])+$/.test(s)) return null;
  let ms = 0;
  for (const [, n, u] of s.matchAll(/(\d+)([smhd])/g)) ms += Number(n) * unit[u!]!;
  return ms > 0 ? ms : null;
}

/**
 * Runs `cycle` every `everyMs` (measured start to start; a cycle longer than the interval is followed
 * at once by the next) until `signal` aborts; the wait is cut short by the abort.
 */
export async function every(everyMs: number, signal: AbortSignal, cycle: (n: number) => Promise<void>): Promise<number> {
  let n = 0;
  while (!signal.aborted) {
    const started = Date.now();
    await cycle(++n);
    const wait = everyMs - (Date.now() - started);
    if (wait > 0 && !signal.aborted) {
      await new Promise<void>((ok) => {
        const t = setTimeout(ok, wait);
        signal.addEventListener('abort', () => { clearTimeout(t); ok(); }, { once: true });
      });
    }
  }
  return n;
}
