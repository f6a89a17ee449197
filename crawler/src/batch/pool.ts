/**
 * A small pool of worker threads running batch-parse jobs (worker.ts): a few jobs in flight per
 * worker, a time limit per job, and a worker that dies or hangs replaced — its jobs end as
 * `internal` / `timeout` failures, never a stalled or crashed batch. From the built CLI the worker is
 * crawler/dist/batch-worker.js; from the TypeScript sources it is worker.ts loaded through tsx.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { failure } from './parse-one.js';
import type { Job, JobResult } from './worker.js';

/** A new worker thread, from the build or from the sources. */
function spawnWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./batch-worker.js', import.meta.url));
  // tsx's ESM API, by its package's export map (require.resolve would give the CommonJS build).
  const req = createRequire(import.meta.url);
  const pkgFile = req.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const tsx = pathToFileURL(join(dirname(pkgFile), pkg.exports['./esm/api']!.import.default)).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
}

interface Queued { job: Job; done: (r: JobResult) => void; attempts: number }
interface Pending extends Queued { timer: NodeJS.Timeout }
/** `ready` once the worker has loaded the parser (its 'ready' message): a job's time limit starts only then. */
interface Slot { worker: Worker; inFlight: Map<number, Pending>; ready: boolean }

export interface PoolOptions { workers?: number; perWorker?: number; timeoutMs?: number }

export class ParsePool {
  private slots: Slot[] = [];
  private queue: Queued[] = [];
  private nextId = 1;
  private closed = false;
  private startFailures = 0;
  private startError = '';
  readonly size: number;
  private readonly perWorker: number;
  private readonly timeoutMs: number;

  constructor(o: PoolOptions = {}) {
    this.size = Math.max(1, o.workers ?? availableParallelism());
    this.perWorker = o.perWorker ?? 4;
    this.timeoutMs = o.timeoutMs ?? 10 * 60_000;
    for (let i = 0; i < this.size; i++) this.slots.push(this.start());
  }

  /** Runs a job on the next free worker. */
  run(job: Job): Promise<JobResult> {
    return new Promise((done) => {
      this.queue.push({ job, done, attempts: 0 });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => new Promise<void>((ok) => {
      const t = setTimeout(() => void s.worker.terminate().then(() => ok()), 5000);
      s.worker.once('exit', () => { clearTimeout(t); ok(); });
      s.worker.postMessage('close');
    })));
  }

  private start(): Slot {
    const slot: Slot = { worker: spawnWorker(), inFlight: new Map(), ready: false };
    slot.worker.on('message', (m: { id: number; res: JobResult } | 'ready') => {
      if (m === 'ready') { slot.ready = true; this.pump(); return; }
      const p = slot.inFlight.get(m.id);
      if (!p) return;
      clearTimeout(p.timer);
      slot.inFlight.delete(m.id);
      p.done(m.res);
      this.pump();
    });
    const lost = (why: string) => this.replace(slot, null, why);
    slot.worker.on('error', (err) => lost(err.message));
    slot.worker.on('exit', (code) => { if (!this.closed) lost(`exit code ${code}`); });
    return slot;
  }

  /**
   * Replaces a lost or hung worker. A timed-out job (`culprit`) fails as `timeout`; the worker's other
   * jobs go back to the queue once — a job in flight on two lost workers fails as `internal`.
   */
  private replace(slot: Slot, culprit: number | null, why: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    for (const [id, p] of slot.inFlight) {
      clearTimeout(p.timer);
      if (id === culprit) {
        p.done({ result: failure(p.job.input, 'timeout', `no result within ${this.timeoutMs / 1000} s`, `${this.timeoutMs / 1000}秒内未完成`, true) });
      } else if (p.attempts >= 1) {
        p.done({ result: failure(p.job.input, 'internal', `the parser's worker thread stopped twice on this input (${why})`, `解析线程在此文件上两次中止（${why}）`) });
      } else this.queue.unshift({ job: p.job, done: p.done, attempts: p.attempts + 1 });
    }
    slot.inFlight.clear();
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    // A worker that cannot even start (a missing build file, a broken install) is not started forever:
    // after three such failures every waiting input ends as an internal failure naming the cause.
    if (!slot.ready && ++this.startFailures >= 3) {
      this.slots.splice(i, 1);
      this.startError = why;
      this.pump();
      return;
    }
    if (this.closed) { this.slots.splice(i, 1); return; }
    this.slots[i] = this.start();
    this.pump();
  }

  private pump(): void {
    if (!this.slots.length) {
      for (const q of this.queue.splice(0)) q.done({ result: failure(q.job.input, 'internal', `the parser's worker thread could not start (${this.startError})`, `解析线程无法启动（${this.startError}）`) });
      return;
    }
    for (;;) {
      if (!this.queue.length) return;
      const slot = this.slots.reduce<Slot | null>((best, s) => (s.ready && s.inFlight.size < this.perWorker && (!best || s.inFlight.size < best.inFlight.size) ? s : best), null);
      if (!slot) return;
      const q = this.queue.shift()!;
      const id = this.nextId++;
      const timer = setTimeout(() => this.replace(slot, id, 'timeout'), this.timeoutMs);
      slot.inFlight.set(id, { ...q, timer });
      slot.worker.postMessage({ id, job: q.job });
    }
  }
}
