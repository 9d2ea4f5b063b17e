import { lstat, opendir, stat } from 'node:fs/promises';
import path from 'node:path';

const STAT_BATCH = 64;

/** A shared allowance for walking folders: every walk of one check draws on it, so the total is bounded. */
export interface WalkBudget {
  entriesLeft: number;
  readonly deadline: number;
  readonly signal?: AbortSignal;
}

/** Creates a walk budget of `maxEntries` directory entries and `maxMs` milliseconds. */
export function walkBudget(maxEntries: number, maxMs: number, signal?: AbortSignal): WalkBudget {
  return { entriesLeft: maxEntries, deadline: Date.now() + maxMs, ...(signal ? { signal } : {}) };
}

/** The size of a folder as far as the walk got. `complete: false` says why it stopped early. */
export interface FolderSize {
  readonly bytes: number;
  readonly files: number;
  readonly folders: number;
  /** Sub-folders that could not be listed (permissions): their content is not counted. */
  readonly unreadable: number;
  /** Symbolic links met inside the tree: counted, never followed (no loops, no leaving the tree). */
  readonly links: number;
  readonly complete: boolean;
  readonly stoppedBy?: 'entries' | 'time' | 'aborted';
}

/** What is at a path before walking it. */
export type SizeOutcome =
  | ({ readonly exists: true } & FolderSize)
  | {
      readonly exists: false;
      /** Why it could not be looked at, in English (details); absent when it does not exist. */
      readonly reason?: string;
      /** The error code alone (`EACCES`), for the summary: the check's own sentence says the rest (docs/i18n.md). */
      readonly code?: string;
    };

/**
 * Sizes a file or folder without following links inside it (the top-level path may itself be a link,
 * as the maintainers suggest for `stremio-cache`, stremio-shell#136), bounded by the shared budget.
 */
export async function measurePath(target: string, budget: WalkBudget): Promise<SizeOutcome> {
  let top;
  try {
    top = await stat(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { exists: false };
    return {
      exists: false,
      reason: `cannot be looked at (${code ?? 'error'})`,
      code: code ?? 'error',
    };
  }
  if (!top.isDirectory())
    return { exists: true, bytes: top.size, files: 1, folders: 0, unreadable: 0, links: 0, complete: true };

  const size = { bytes: 0, files: 0, folders: 1, unreadable: 0, links: 0 };
  const pending = [target];
  let stoppedBy: FolderSize['stoppedBy'];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let handle;
    try {
      handle = await opendir(dir, { bufferSize: 256 });
    } catch {
      size.unreadable++;
      continue;
    }
    const files: string[] = [];
    try {
      for await (const entry of handle) {
        stoppedBy = stopReason(budget);
        if (stoppedBy) break;
        budget.entriesLeft--;
        const full = path.join(dir, entry.name);
        if (entry.isSymbolicLink()) size.links++;
        else if (entry.isDirectory()) {
          size.folders++;
          pending.push(full);
        } else if (entry.isFile()) files.push(full);
      }
    } catch {
      size.unreadable++;
    } finally {
      // `for await` closes the handle when it finishes; after a `break` it is closed already too.
      await handle.close().catch(() => undefined);
    }
    // File sizes are read concurrently, a batch at a time: one lstat after another is the slow part.
    for (let i = 0; i < files.length; i += STAT_BATCH) {
      const late = stopReason({ ...budget, entriesLeft: 1 });
      if (late) {
        stoppedBy = late;
        break;
      }
      const stats = await Promise.all(files.slice(i, i + STAT_BATCH).map((file) => lstat(file).catch(() => null)));
      for (const info of stats) {
        if (info) {
          size.files++;
          size.bytes += info.size;
        } else size.unreadable++;
      }
    }
    if (stoppedBy) break;
  }
  return { exists: true, ...size, complete: stoppedBy === undefined, ...(stoppedBy ? { stoppedBy } : {}) };
}

function stopReason(budget: WalkBudget): FolderSize['stoppedBy'] {
  if (budget.signal?.aborted) return 'aborted';
  if (budget.entriesLeft <= 0) return 'entries';
  if (Date.now() >= budget.deadline) return 'time';
  return undefined;
}
