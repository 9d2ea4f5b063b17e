import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { CacheBackup, CacheFixResult, CacheFolderOutcome } from '../../../shared/ipc';
import {
  listCacheBackups,
  moveCachesToBackup,
  restoreCacheBackup,
  type BackupRefusal,
  type BackupResult,
  type MoveEntry,
} from '../../engine/clients/stremio/cache-backup';
import { backupParentOf, safeCacheFolders, stremioRunningProbe } from '../../engine/clients/stremio/cache-backup-plan';
import { measurePath, walkBudget } from '../../engine/clients/stremio/data-locations-size';
import { searchBases, type StremioSearch } from '../../engine/clients/stremio/installs-search';
import { homeShown } from '../../engine/core/home-shown';
import { HandlerError } from './dispatch';
import type { DoctorHandlers } from './handlers';

/** What the cache channels need: where Stremio is searched (config search roots or the OS paths) and the clock. */
export interface CacheHandlerOptions {
  readonly search: () => StremioSearch;
  readonly now: () => number;
}

// The sizes shown after a move are measured in the backup; a huge cache stops the walk, never the answer.
const SIZE_ENTRIES = 200_000;
const SIZE_MS = 4000;

/** `target` with the searched home shown as `~`. */
const shownPath = (search: StremioSearch, target: string): string =>
  homeShown(
    target,
    searchBases(search).map((b) => b.home),
  );

async function exists(target: string): Promise<boolean> {
  try {
    await lstat(target);
    return true;
  } catch {
    return false;
  }
}

/** A refusal of the whole as the window reads it: Stremio running (or not known) is the refusal itself. */
function refusalOf(reason: BackupRefusal): Extract<CacheFixResult, { done: false }> {
  if (reason.code === 'stremio-running') return { done: false, refusal: 'stremio-running' };
  if (reason.code === 'running-unknown') return { done: false, refusal: 'cannot-tell' };
  return { done: false, refusal: 'failed', reason };
}

/**
 * `cache:list-backups`, `cache:move-to-backup`, `cache:restore` (docs/architecture.md "Fixes"): the one
 * change the wizard makes to Stremio's files. Every path is derived here from the search (never taken
 * from the renderer); a restore names only a backup this service lists; one operation at a time.
 */
export function cacheHandlers(
  options: CacheHandlerOptions,
): Pick<DoctorHandlers, 'cache:list-backups' | 'cache:move-to-backup' | 'cache:restore'> {
  let busy = false;
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    if (busy)
      throw new HandlerError('BUSY', 'a cache move or restore is already in progress', { reason: 'cacheFixRunning' });
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  };

  const backups = async (search: StremioSearch): Promise<Array<CacheBackup & { readonly dir: string }>> =>
    (await listCacheBackups(backupParentOf(search))).map((b) => ({
      id: path.basename(b.dir),
      dir: b.dir,
      location: shownPath(search, b.dir),
      createdAt: b.createdAt,
      folders: b.folders,
    }));

  /** The typed answer of a move or restore; `measured` is where each handled folder is now. */
  const answer = async (
    search: StremioSearch,
    result: BackupResult,
    action: 'moved' | 'restored',
  ): Promise<CacheFixResult> => {
    if (!result.ok) return refusalOf(result.reason);
    const budget = walkBudget(SIZE_ENTRIES, SIZE_MS);
    const folders: CacheFolderOutcome[] = [];
    for (const entry of result.entries) folders.push(await folderOutcome(search, entry, action, budget));
    return {
      done: true,
      action,
      backup: { id: path.basename(result.backupDir), location: shownPath(search, result.backupDir) },
      folders,
    };
  };

  const folderOutcome = async (
    search: StremioSearch,
    entry: MoveEntry,
    action: 'moved' | 'restored',
    budget: ReturnType<typeof walkBudget>,
  ): Promise<CacheFolderOutcome> => {
    // A move goes from Stremio's folder to the backup, a restore the other way: `path` is always Stremio's.
    const stremioPath = action === 'moved' ? entry.from : entry.to;
    const size = entry.outcome === action ? await measurePath(entry.to, budget) : null;
    return {
      kind: entry.kind,
      path: shownPath(search, stremioPath),
      outcome: entry.outcome,
      ...(size?.exists ? { bytes: size.bytes } : {}),
      ...(entry.reason ? { reason: entry.reason } : {}),
    };
  };

  return {
    'cache:list-backups': async () => {
      const search = options.search();
      return { backups: (await backups(search)).map(({ dir: _dir, ...shown }) => shown) };
    },
    'cache:move-to-backup': () =>
      exclusive(async () => {
        const search = options.search();
        const items = safeCacheFolders(search);
        const present = [];
        for (const item of items) if (await exists(item.path)) present.push(item);
        if (present.length === 0) return { done: false, refusal: 'nothing-to-move' };
        const result = await moveCachesToBackup({
          items: present,
          backupParent: backupParentOf(search),
          now: new Date(options.now()),
          isStremioRunning: stremioRunningProbe(search),
        });
        return answer(search, result, 'moved');
      }),
    'cache:restore': ({ backup }) =>
      exclusive(async () => {
        const search = options.search();
        const listed = await backups(search);
        const chosen = backup === undefined ? listed[0] : listed.find((b) => b.id === backup);
        if (!chosen) {
          // A name the list never offered is refused outright: only the service's own backups are moved back.
          if (backup !== undefined)
            throw new HandlerError('NOT_ALLOWED', 'that is not a cache backup this app made', {
              reason: 'notAppCacheBackup',
            });
          return { done: false, refusal: 'no-backup' };
        }
        const result = await restoreCacheBackup(chosen.dir, stremioRunningProbe(search), safeCacheFolders(search));
        return answer(search, result, 'restored');
      }),
  };
}
