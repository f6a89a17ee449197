/**
 * A write to the store that failed for want of storage: the disk is full, a file-size limit or a quota
 * was hit, the device failed or is read-only, the database refused the transaction as full. Not a
 * fault of the page being processed: the crawl stops at once (exit code 6), records nothing for the
 * URL (it stays pending) and a resumed run fetches it again, so nothing is lost. Any other error of a
 * store call (a bug, a constraint the code broke) is not one: it stays what it is, an internal error
 * (exit code 5), and is never announced as "nothing is lost".
 */
export class StoreWriteError extends Error {
  /** The system or database error code (ENOSPC, EFBIG, SQLITE_FULL, 53100 …). */
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

/**
 * Error codes of storage that cannot take a write. File system: ENOSPC (disk full), EFBIG (file-size
 * limit), EDQUOT (quota), EIO (device error), EROFS (read-only file system). SQLite: SQLITE_FULL,
 * SQLITE_IOERR and its extended codes (SQLITE_IOERR_WRITE …), SQLITE_READONLY*. PostgreSQL SQLSTATE:
 * 53100 disk_full, 58030 io_error, 25006 read_only_sql_transaction (a standby).
 */
const WRITE_CODES = /^(ENOSPC|EFBIG|EDQUOT|EIO|EROFS|SQLITE_FULL|SQLITE_IOERR(_\w+)?|SQLITE_READONLY(_\w+)?|53100|58030|25006)$/;

/** Whether `err` (or an error it was caused by) is a storage-write failure by its code. */
function writeFailureCode(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && WRITE_CODES.test(code)) return true;
  return writeFailureCode((err as { cause?: unknown }).cause, depth + 1);
}

/**
 * Runs a store write; a storage-write failure becomes a StoreWriteError naming `what`. Every other
 * error is rethrown unchanged (an internal error, not a full disk).
 */
export async function storeWrite<T>(what: string, write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof StoreWriteError || !writeFailureCode(err)) throw err;
    throw new StoreWriteError(what, err);
  }
}

/** Whether an error is a failed store write (a StoreWriteError, or a disk-full/IO error from the store). */
export function isStoreWriteFailure(err: unknown): boolean {
  return err instanceof StoreWriteError || writeFailureCode(err);
}
