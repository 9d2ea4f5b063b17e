import { mkdir, rename, writeFile } from 'node:fs/promises';
import { readOutsideFile } from '../../engine/core/outside-file';
import path from 'node:path';
import type { IncidentFeedCache } from '../../engine/runtime/context';

/** A kept feed is at most the feed's size limit; anything much larger is not ours and is not read. */
const MAX_CACHE_BYTES = 128 * 1024;
const FILE_NAME = 'incidents-feed.json';

/**
 * The user's cache folder for the CLI: `XDG_CACHE_HOME` when set (any OS, so tests and portable setups can
 * move it), else `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows. Null when the
 * environment names no home at all.
 */
export function cliCacheDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
): string | null {
  const base =
    env.XDG_CACHE_HOME ||
    (platform === 'win32'
      ? env.LOCALAPPDATA
      : env.HOME && path.join(env.HOME, platform === 'darwin' ? 'Library/Caches' : '.cache'));
  return base ? path.join(base, 'stremio-trakt-doctor') : null;
}

/** The last verified incidents feed as a file in `dir`; written whole to a temporary file, then renamed. */
export function incidentCacheFile(dir: string): IncidentFeedCache {
  const file = path.join(dir, FILE_NAME);
  return {
    async read() {
      // Capped, and a regular file only: a pipe or a link planted in the cache folder is no kept feed.
      const read = await readOutsideFile(file, MAX_CACHE_BYTES);
      if (read.ok) return read.data.toString('utf8');
      if (read.missing || read.code === 'EFBIG' || read.code === 'ELOOP' || read.code === 'ENOTREG') return null;
      throw Object.assign(new Error(`the kept incidents feed ${read.reason}`), { code: read.code });
    },
    async write(document) {
      await mkdir(dir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, document, { mode: 0o600 });
      await rename(temporary, file);
    },
  };
}
