/**
 * Raw documents, content-addressed: `<dir>/ab/cd/<sha256>`. Written to a temporary name and renamed,
 * so a file either exists whole or not at all (safe under SIGKILL); the same bytes are stored once.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export class BlobStore {
  constructor(readonly dir: string) {}

  path(hash: string): string {
    return join(this.dir, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  put(bytes: Uint8Array): string {
    const hash = sha256(bytes);
    const p = this.path(hash);
    if (!existsSync(p)) {
      mkdirSync(join(this.dir, hash.slice(0, 2), hash.slice(2, 4)), { recursive: true });
      const tmp = `${p}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, p);
    }
    return hash;
  }

  get(hash: string): Buffer {
    return readFileSync(this.path(hash));
  }

  has(hash: string): boolean {
    return existsSync(this.path(hash));
  }
}
