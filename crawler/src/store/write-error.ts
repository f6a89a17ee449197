/**
 * A write to the store that failed: the disk is full, a file-size limit was hit, the database refused
 * the transaction. Not a fault of the page being processed: the crawl stops at once (exit code 6),
 * records nothing for the URL (it stays pending) and a resumed run fetches it again, so nothing is lost.
 */
export class StoreWriteError extends Error {
  /** The system error code when there is one (ENOSPC, EFBIG, SQLITE_FULL …). */
  readonly code: string | null;
  constructor(what: string, cause: unknown) {
    const c = cause as { code?: unknown; message?: unknown } | null;
    const code = typeof c?.code === 'string' ? c.code : null;
    const msg = typeof c?.message === 'string' ? c.message.split('\n')[0] : String(cause);
    super(`Could not write to the store (${what}): ${code && !msg?.includes(code) ? `${code}: ` : ''}${msg}`, { cause });
    this.name = 'StoreWriteError';
    this.code = code;
  }
}

/** Runs a store write; any failure becomes a StoreWriteError naming `what`. */
export async function storeWrite<T>(what: string, write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    throw err instanceof StoreWriteError ? err : new StoreWriteError(what, err);
  }
}

/** Error codes of a full disk or a refused write, from the file system or SQLite. */
const WRITE_CODES = /^(ENOSPC|EFBIG|EDQUOT|EROFS|SQLITE_FULL|SQLITE_IOERR|SQLITE_READONLY|53100)/;

/** Whether an error is a failed store write (a StoreWriteError, or a disk-full/IO error from the store). */
export function isStoreWriteFailure(err: unknown): boolean {
  if (err instanceof StoreWriteError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && WRITE_CODES.test(code);
}
