/**
 * Raw documents, content-addressed: `<dir>/ab/cd/<sha256>`. Written to a temporary name and renamed,
 * so a file either exists whole or not at all (safe under SIGKILL); the same bytes are stored once
 * (an existing blob is never rewritten). Writes are asynchronous: the crawl loop never blocks on disk.
 * A write that fails (disk full, file-size limit) removes its temporary file and throws StoreWriteError.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { access, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreWriteError } from './write-error.js';

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

const exists = (p: string) => access(p).then(() => true, () => false);

export class BlobStore {
  /** Folders known to exist (mkdir once per folder, not per blob). */
  private readonly dirs = new Set<string>();
  /** Writes in progress, by hash: the same bytes arriving twice at once are written once. */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(readonly dir: string) {}

  path(hash: string): string {
    return join(this.dir, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  /** Stores `bytes` (unless already stored) and returns their sha256. */
  async put(bytes: Uint8Array): Promise<string> {
    const hash = sha256(bytes);
    let w = this.writing.get(hash);
    if (!w) {
      w = this.write(hash, bytes).finally(() => this.writing.delete(hash));
      this.writing.set(hash, w);
    }
    await w;
    return hash;
  }

  private async write(hash: string, bytes: Uint8Array): Promise<void> {
    const p = this.path(hash);
    if (await exists(p)) return;
    const folder = join(this.dir, hash.slice(0, 2), hash.slice(2, 4));
    const tmp = `${p}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      if (!this.dirs.has(folder)) { await mkdir(folder, { recursive: true }); this.dirs.add(folder); }
      await writeFile(tmp, bytes);
      await rename(tmp, p);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw new StoreWriteError(`storing a ${bytes.length}-byte document in ${this.dir}`, err);
    }
  }

  /** The stored bytes (synchronous; for re-reading stored documents). */
  get(hash: string): Buffer {
    return readFileSync(this.path(hash));
  }

  /** The stored bytes. */
  read(hash: string): Promise<Buffer> {
    return readFile(this.path(hash));
  }

  has(hash: string): Promise<boolean> {
    return exists(this.path(hash));
  }

  /** Synchronous `has`. */
  hasSync(hash: string): boolean {
    return existsSync(this.path(hash));
  }
}
