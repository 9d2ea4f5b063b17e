import { constants } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';

/**
 * The one way the engine reads a file it did not write — Stremio's storage, its install files, a backup
 * record, a log (issue 20 N4): only a regular file, never through a link, never more than a cap. A FIFO
 * named like a data file would block `open` (and one of libuv's four pool threads with it) until a writer
 * comes; a link could point at `/dev/zero` or at another account's files. `lstat` refuses both before
 * anything is opened; `O_NOFOLLOW` and `O_NONBLOCK` (where the OS has them) and an `fstat` of the opened
 * handle — the same file, still regular — close the gap of a swap in between.
 */

/** Why an outside file was not read: the errno-like code and one line for a reason. */
export class OutsideFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OutsideFileError';
  }
}

/** What reading an outside file gave. */
export type OutsideRead =
  | { readonly ok: true; readonly data: Buffer; readonly truncated: boolean }
  | { readonly ok: false; readonly code: string; readonly missing: boolean; readonly reason: string };

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const CHUNK = 1024 * 1024;

/** Opens a regular file for reading, refusing links, pipes, devices and folders. Throws `OutsideFileError` or an errno error. */
export async function openOutsideFile(file: string): Promise<FileHandle> {
  const before = await lstat(file);
  if (before.isSymbolicLink()) throw new OutsideFileError('ELOOP', 'is a link (not followed)');
  if (!before.isFile()) throw new OutsideFileError('ENOTREG', 'is not a regular file');
  const handle = await open(file, OPEN_FLAGS);
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || opened.ino !== before.ino || opened.dev !== before.dev)
      throw new OutsideFileError('ENOTREG', 'changed while it was opened');
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/**
 * Reads at most `maxBytes` of a regular file. A longer file is refused, or with `overflow: 'truncate'` read
 * up to the cap (files whose start is all that matters, like `/proc/<pid>/cmdline`). The cap is enforced
 * while reading, not from the size `stat` reports: procfs files report 0 bytes, and a file may grow.
 */
export async function readOutsideFile(
  file: string,
  maxBytes: number,
  overflow: 'refuse' | 'truncate' = 'refuse',
): Promise<OutsideRead> {
  let handle: FileHandle;
  try {
    handle = await openOutsideFile(file);
  } catch (error) {
    return failure(error);
  }
  try {
    const chunks: Buffer[] = [];
    let length = 0;
    // One byte past the cap tells a file of exactly `maxBytes` from a longer one.
    for (let want = Math.min(CHUNK, maxBytes + 1); want > 0; want = Math.min(CHUNK, maxBytes + 1 - length)) {
      const chunk = Buffer.alloc(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
    const data = Buffer.concat(chunks, length);
    if (length > maxBytes && overflow === 'refuse')
      return { ok: false, code: 'EFBIG', missing: false, reason: `is larger than ${maxBytes} bytes` };
    return { ok: true, data: data.subarray(0, Math.min(length, maxBytes)), truncated: length > maxBytes };
  } catch (error) {
    return failure(error);
  } finally {
    await handle.close();
  }
}

function failure(error: unknown): Extract<OutsideRead, { ok: false }> {
  if (error instanceof OutsideFileError) return { ok: false, code: error.code, missing: false, reason: error.message };
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return { ok: false, code, missing: code === 'ENOENT' || code === 'ENOTDIR', reason: `cannot be read (${code})` };
}
