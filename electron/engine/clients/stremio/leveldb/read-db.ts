import { readdir } from 'node:fs/promises';
import { readOutsideFile } from '../../../core/outside-file';
import path from 'node:path';
import { readLogFile } from './log-reader';
import { readTableFile } from './table-reader';
import type { LevelDbEntry } from './entry';
import { LevelDbFormatError } from './varint';

/** Largest database the wizard reads (Stremio's local storage is a few MiB). */
export const MAX_DB_BYTES = 64 * 1024 * 1024;

/** A LevelDB folder larger than `MAX_DB_BYTES`: not read. */
export class LevelDbTooLargeError extends LevelDbFormatError {}

/**
 * Reads every live key of a LevelDB folder: all tables and logs, the newest sequence number winning,
 * deletions removing. Throws `LevelDbFormatError` for anything it cannot read.
 */
export async function readLevelDb(dir: string): Promise<Map<string, Buffer>> {
  return readLevelDbFiles(await readLevelDbFolder(dir, (name) => DATA_FILE.test(name)));
}

/**
 * The files of a LevelDB folder whose names `wanted` accepts, read whole into memory (never copied) as
 * outside files: regular files only, no link followed, all together at most `MAX_DB_BYTES` (issue 20 N4).
 * Throws `LevelDbTooLargeError` past the cap, and an error with the errno-like `code` of a file it
 * refused or could not read (`ELOOP` a link, `ENOTREG` a pipe or device, `EACCES`, …).
 */
export async function readLevelDbFolder(dir: string, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  let total = 0;
  for (const name of (await readdir(dir)).filter(wanted)) {
    const read = await readOutsideFile(path.join(dir, name), MAX_DB_BYTES - total);
    if (!read.ok) {
      if (read.code === 'EFBIG')
        throw new LevelDbTooLargeError(`the database is larger than ${MAX_DB_BYTES / 1024 / 1024} MiB`);
      throw Object.assign(new Error(`${name} ${read.reason}`), { code: read.code });
    }
    total += read.data.length;
    files.set(name, read.data);
  }
  return files;
}

/** Table and log files of a LevelDB folder. */
const DATA_FILE = /\.(log|ldb|sst)$/;

/**
 * The same from files already in memory (name → bytes): the wizard reads Stremio's storage this way,
 * so the auth key it holds is never written anywhere (no temp copy a crash could leave behind).
 */
export function readLevelDbFiles(files: ReadonlyMap<string, Buffer>): Map<string, Buffer> {
  const names = [...files.keys()].filter((n) => DATA_FILE.test(n));
  if (names.length === 0) throw new LevelDbFormatError('no LevelDB files in the folder');
  const all: LevelDbEntry[] = [];
  for (const name of names.sort()) {
    const data = files.get(name)!;
    all.push(...(name.endsWith('.log') ? readLogFile(data) : readTableFile(data)));
  }
  const latest = new Map<string, LevelDbEntry>();
  for (const entry of all) {
    const id = entry.key.toString('latin1');
    const seen = latest.get(id);
    if (!seen || entry.seq >= seen.seq) latest.set(id, entry);
  }
  const live = new Map<string, Buffer>();
  for (const [id, entry] of latest) if (entry.value) live.set(id, entry.value);
  return live;
}
