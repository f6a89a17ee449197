/** Shared setup of the crawler tests: a temporary store and a crawl of the demo portal. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Portal } from '../fixtures/portal/server.js';
import { crawl, type CrawlOptions } from '../../crawler/src/crawl/run.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';

const made: string[] = [];
/** A fresh temporary directory, removed by `removeTempDirs()` (each file's afterAll). */
export const tempDir = (name: string): string => {
  const d = mkdtempSync(join(tmpdir(), `gongkai-crawler-${name}-`));
  made.push(d);
  return d;
};
export const removeTempDirs = (): void => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
};

export const resolveOf = (p: Portal): Map<string, string> => new Map(p.resolve.map((r) => r.split('=') as [string, string]));

/**
 * Deterministic settings for the local portal: no delay, one retry, and a time limit far from both
 * sides — a normal page (even rendered in Chromium on a loaded machine) answers well within it, the
 * slow page (SLOW_MS) never does.
 */
export const LOCAL = { delayMs: 0, perHost: 4, concurrency: 8, timeoutMs: 5000, retries: 1, backoffBaseMs: 10 } as const;
export const SLOW_MS = 20_000;

export async function crawlPortal(p: Portal, dir: string, extra: Partial<CrawlOptions> = {}) {
  const store = new SqliteStore(join(dir, 'gongkai.db'));
  const result = await crawl({ seeds: p.homes, store, blobDir: join(dir, 'blobs'), now: p.now, resolve: resolveOf(p), ...LOCAL, ...extra });
  return { store, result };
}

const sites: (Server | HttpsServer)[] = [];
/**
 * A small HTML site on 127.0.0.1 (any port) for one test file: `page(req, url)` gives a page's HTML,
 * undefined answers 404. With `tlsHost` it is served over HTTPS with a self-signed certificate for that
 * name (a real page replayed under its own host: the crawl needs `insecure` and a `resolve` to the port).
 * Returns its base URL; `closeLocalSites()` (the file's afterAll) stops them all.
 */
export async function localSite(page: (req: IncomingMessage, url: URL) => string | undefined, o: { tlsHost?: string } = {}): Promise<string> {
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const body = page(req, new URL(req.url ?? '/', 'http://local'));
    if (body === undefined) { res.writeHead(404); return void res.end('not found'); }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };
  const s = o.tlsHost ? createHttpsServer(selfSigned(o.tlsHost), answer) : createServer(answer);
  sites.push(s);
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  return `${o.tlsHost ? 'https' : 'http'}://127.0.0.1:${(s.address() as { port: number }).port}/`;
}

/** A throwaway self-signed key and certificate for `host` (openssl). */
function selfSigned(host: string): { key: Buffer; cert: Buffer } {
  const dir = tempDir('tls');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'),
    '-days', '2', '-subj', `/CN=${host}`], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) };
}
export async function closeLocalSites(): Promise<void> {
  for (const s of sites.splice(0)) { s.closeAllConnections(); await new Promise((ok) => s.close(ok)); }
}
