/** Running the `gongkai` CLI from tests: in-process through main() (fast), or as the real bin (exit behaviour). */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../crawler/src/cli/main.js';

export interface CliResult { code: number | null; out: string; err: string }

/**
 * main(args) in this process with stdout and stderr captured; `cwd` is where relative paths resolve
 * (process.chdir is not available in worker threads, so pass absolute paths where it matters).
 */
export async function runCli(...args: string[]): Promise<CliResult> {
  let out = '', err = '';
  const capture = (add: (s: string) => void) => (chunk: string | Uint8Array, ...rest: unknown[]) => {
    add(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  };
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(capture((s) => (out += s)) as typeof process.stdout.write);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(capture((s) => (err += s)) as typeof process.stderr.write);
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

export const BIN = resolve(import.meta.dirname, '..', '..', 'crawler', 'bin', 'gongkai.js');

/** The real `gongkai` process; killed (code null) if it runs past `timeoutMs`, so a hang fails the test instead of stalling it. */
export function spawnCli(cwd: string, args: string[], timeoutMs = 60_000): Promise<CliResult & { ms: number }> {
  return new Promise((ok) => {
    const started = Date.now();
    const c = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let out = '', err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => c.kill('SIGKILL'), timeoutMs);
    c.on('exit', (code) => {
      clearTimeout(timer);
      ok({ code, out, err, ms: Date.now() - started });
    });
  });
}
