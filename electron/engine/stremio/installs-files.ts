import { open, stat } from 'node:fs/promises';

/** A small text file's content, or why it could not be read. */
export type TextRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly missing: boolean; readonly reason: string };

/** Reads a text file of at most `maxBytes` (larger files are refused, not read: bounded work). */
export async function readTextCapped(file: string, maxBytes: number): Promise<TextRead> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, missing: code === 'ENOENT' || code === 'ENOTDIR', reason: `cannot be read (${code})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, missing: false, reason: 'is not a file' };
    if (info.size > maxBytes) return { ok: false, missing: false, reason: `is larger than ${maxBytes} bytes` };
    return { ok: true, text: await handle.readFile({ encoding: 'utf8' }) };
  } catch (error) {
    return { ok: false, missing: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    await handle.close();
  }
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
