/// <reference types="chrome" />
/**
 * Optional self-timing for the benchmark. Trace events attribute script compile, evaluation and
 * callbacks to the extension, but not work done in promise continuations after an extension API
 * call; those sections are wrapped here. Off unless the bench sets `benchMarks` in storage, so
 * normal pages never see a `gongkai:` performance entry.
 */
export const BENCH_KEY = 'benchMarks';
let on = false;

export function setBench(v: unknown): void {
  on = v === true;
}

export function timed<T>(name: string, fn: () => T): T {
  if (!on) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(`gongkai:${name}`, { start, end: performance.now() });
  }
}

/** Records the section from `start` (performance.now()) to now, when the bench asked for it. */
export function since(name: string, start: number): void {
  if (on) performance.measure(`gongkai:${name}`, { start, end: performance.now() });
}
