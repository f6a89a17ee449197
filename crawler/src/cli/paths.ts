/**
 * Checks of the paths a user gives, made before any work starts: a missing folder, a directory
 * where a file is wanted, a file where a folder is wanted, an unwritable place are usage errors
 * (exit 2) with one line naming the option and the path — never a stack trace halfway through.
 */
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './command.js';

const statOf = (p: string): Stats | null => {
  try {
    return statSync(p);
  } catch {
    return null;
  }
};

function writable(dir: string, what: string): void {
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`${what}: cannot write in ${dir} (permission denied)`);
  }
}

/** An existing regular file, e.g. `--portals`. */
export function existingFile(path: string, what: string, missing = `no such file: ${path}`): string {
  const st = statOf(path);
  if (!st) throw new UsageError(`${what}: ${missing}`);
  if (st.isDirectory()) throw new UsageError(`${what}: ${path} is a directory, not a file`);
  return path;
}

/** An existing directory. */
export function existingDir(path: string, what: string): string {
  const st = statOf(path);
  if (!st) throw new UsageError(`${what}: no such folder: ${path}`);
  if (!st.isDirectory()) throw new UsageError(`${what}: ${path} is a file, not a folder`);
  return path;
}

/** The folder a new file or folder goes in: it must exist, be a folder and be writable. */
function parentOf(path: string, what: string): void {
  const parent = dirname(resolve(path));
  const st = statOf(parent);
  if (!st) throw new UsageError(`${what}: folder ${parent} does not exist (create it first)`);
  if (!st.isDirectory()) throw new UsageError(`${what}: ${parent} is a file, not a folder`);
  writable(parent, what);
}

/** A file to write (created or replaced): not a directory, in an existing writable folder. */
export function outputFile(path: string, what: string): string {
  const st = statOf(path);
  if (st?.isDirectory()) throw new UsageError(`${what}: ${path} is a directory; give a file name`);
  parentOf(path, what);
  return path;
}

/** A folder to write into (created if missing): not a file, in an existing writable folder. */
export function outputDir(path: string, what: string): string {
  const st = statOf(path);
  if (st && !st.isDirectory()) throw new UsageError(`${what}: ${path} is a file, not a folder`);
  if (st) writable(path, what);
  else parentOf(path, what);
  return path;
}

/**
 * A file or folder that may be created along with its missing folders (the crawl's database and
 * blob store): an existing path is of the right kind, and the nearest existing ancestor is a writable folder.
 */
export function creatable(path: string, what: string, kind: 'file' | 'folder'): string {
  const abs = resolve(path);
  const st = statOf(abs);
  if (st && kind === 'file' && st.isDirectory()) throw new UsageError(`${what}: ${path} is a directory, not a file`);
  if (st && kind === 'folder' && !st.isDirectory()) throw new UsageError(`${what}: ${path} is a file, not a folder`);
  if (st) return path;
  let dir = dirname(abs);
  for (let up = statOf(dir); !up; up = statOf(dir)) dir = dirname(dir);
  if (!statOf(dir)!.isDirectory()) throw new UsageError(`${what}: ${dir} is a file, not a folder`);
  writable(dir, what);
  return path;
}
