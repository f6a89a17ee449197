/** The batch parse's progress bar on stderr: redrawn in place on a terminal, nothing otherwise. */
export interface BatchProgress { tick(input: string, failed: boolean): void; done(): void }

export function batchProgress(total: number, enabled: boolean, stream: NodeJS.WriteStream = process.stderr): BatchProgress {
  if (!enabled || !stream.isTTY || total === 0) return { tick: () => undefined, done: () => undefined };
  const started = Date.now();
  let n = 0, failed = 0, last = 0;
  const draw = (input: string) => {
    const frac = n / total;
    const bar = '█'.repeat(Math.round(frac * 24)).padEnd(24, '░');
    const rate = n / Math.max(0.001, (Date.now() - started) / 1000);
    const name = input.length > 40 ? `…${input.slice(-39)}` : input;
    stream.write(`\r\x1b[K[${bar}] ${n}/${total} · ${failed} failed · ${rate.toFixed(0)}/s · ${name}`);
  };
  return {
    tick(input, bad) {
      n++;
      if (bad) failed++;
      const now = Date.now();
      if (now - last < 100 && n < total) return;
      last = now;
      draw(input);
    },
    done() { stream.write('\r\x1b[K'); },
  };
}
