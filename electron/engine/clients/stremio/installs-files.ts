import { stat } from 'node:fs/promises';
import { readOutsideFile } from '../../core/outside-file';

/** A small text file's content, or why it could not be read. */
export type TextRead =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly missing: boolean; readonly reason: string };

/**
 * Reads a text file of at most `maxBytes` (bounded work) through the outside-file reader (a regular
 * file, never a link or a pipe): a larger file is refused, or with `overflow: 'truncate'` read up to the
 * cap (for files whose start is all that matters, like `/proc/<pid>/cmdline`).
 */
export async function readTextCapped(
  file: string,
  maxBytes: number,
  overflow: 'refuse' | 'truncate' = 'refuse',
): Promise<TextRead> {
  const read = await readOutsideFile(file, maxBytes, overflow);
  return read.ok
    ? { ok: true, text: read.data.toString('utf8') }
    : { ok: false, missing: read.missing, reason: read.reason };
}

/** What is at a path: a file, a folder, nothing, or something that cannot be looked at. */
export async function pathKind(target: string): Promise<'file' | 'dir' | 'none' | 'unreadable'> {
  try {
    const info = await stat(target);
    return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : 'none';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'none' : 'unreadable';
  }
}
