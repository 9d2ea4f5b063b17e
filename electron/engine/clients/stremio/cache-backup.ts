import { lstat, mkdir, readdir, realpath, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { CacheFailure, CacheFolderReason } from '../../../../shared/cache-fix-reason-schema';
import { readOutsideFile } from '../../core/outside-file';
import { SAFE_ITEM_KINDS, type DataItem, type DataItemKind } from './data-locations';

/**
 * The one change the wizard may make to Stremio's files (docs/architecture.md "Fixes"): move the safe cache folders
 * into a dated backup folder, and move them back. Never a delete: every byte stays on disk.
 */

/** Whether Stremio runs now: true, false, or null when that cannot be told (treated as "running"). */
export type RunningProbe = () => Promise<boolean | null>;

/** The folder name of one backup, from its creation time: `stremio-cache-backup-2026-11-25T09-15-00Z`. */
export function backupFolderName(at: Date): string {
  return `stremio-cache-backup-${at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-')}`;
}

const MANIFEST = 'backup.json';
/** A backup record lists a handful of folders: anything larger is not one. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
const ManifestSchema = z.object({
  createdAt: z.string(),
  entries: z.array(
    z.object({ kind: z.string(), from: z.string(), to: z.string(), state: z.enum(['pending', 'moved', 'restored']) }),
  ),
});
type Manifest = z.infer<typeof ManifestSchema>;

/** What happened to one folder; `reason` is a fact (a code), never a sentence nor a path (docs/i18n.md). */
export interface MoveEntry {
  readonly kind: DataItemKind | string;
  readonly from: string;
  readonly to: string;
  readonly outcome: 'moved' | 'restored' | 'absent' | 'refused' | 'failed';
  readonly reason?: CacheFolderReason;
}

/** Why a move or restore touched nothing: Stremio runs, that cannot be told, or a failure of the whole. */
export type BackupRefusal = { readonly code: 'stremio-running' } | { readonly code: 'running-unknown' } | CacheFailure;

/** The result of a move or a restore: done (maybe partly), or refused as a whole and why. */
export type BackupResult =
  | { readonly ok: true; readonly backupDir: string; readonly entries: readonly MoveEntry[] }
  | { readonly ok: false; readonly reason: BackupRefusal };

/** What to move and where. */
export interface MoveRequest {
  /** The items to move; only safe kinds are accepted (HTTP cache, GPU cache, Service Worker cache). */
  readonly items: readonly DataItem[];
  /** The folder that receives dated backups; must be on the same disk as the items (a rename, not a copy). */
  readonly backupParent: string;
  readonly now: Date;
  readonly isStremioRunning: RunningProbe;
  /** How the backup record is written (default: a temp file renamed into place); tests pass one that fails. */
  readonly writeRecord?: (file: string, text: string) => Promise<void>;
}

/** Moves the safe cache folders into `<backupParent>/<dated folder>/`, only while Stremio is closed. */
export async function moveCachesToBackup(request: MoveRequest): Promise<BackupResult> {
  const unsafe = request.items.find((i) => !SAFE_ITEM_KINDS.has(i.kind) || !i.safeToClear);
  if (unsafe) return { ok: false, reason: { code: 'not-a-cache-kind' } };
  const refused = await refuseWhileRunning(request.isStremioRunning);
  if (refused) return refused;

  const backupDir = path.join(request.backupParent, backupFolderName(request.now));
  try {
    await mkdir(request.backupParent, { recursive: true });
    // A backup parent that is a link would send the caches wherever it points.
    const outside = await refuseBackupFolder(request.backupParent, 'parent');
    if (outside) return { ok: false, reason: outside };
    // Not recursive: an existing backup of the same second is never written into.
    await mkdir(backupDir);
  } catch (error) {
    return { ok: false, reason: { code: 'backup-dir-failed', errno: errorCode(error) } };
  }
  const manifest: Manifest = {
    createdAt: request.now.toISOString(),
    entries: request.items.map((item, i) => ({
      kind: item.kind,
      from: item.path,
      to: path.join(backupDir, `${i + 1}-${item.kind}`),
      state: 'pending',
    })),
  };
  const write = request.writeRecord ?? atomicWrite;
  // The manifest is written before anything moves, and after each move: a crash leaves a restorable record.
  // Without that first record nothing moves: a backup nobody can find is a loss, not a backup.
  try {
    await saveManifest(backupDir, manifest, write);
  } catch (error) {
    await removeEmptyBackup(backupDir);
    return { ok: false, reason: { code: 'record-write-failed', errno: errorCode(error) } };
  }
  const entries: MoveEntry[] = [];
  for (const entry of manifest.entries) {
    const kind = await pathKindNoFollow(entry.from);
    if (kind === 'none') {
      entries.push({ kind: entry.kind, from: entry.from, to: entry.to, outcome: 'absent' });
      continue;
    }
    try {
      await rename(entry.from, entry.to);
    } catch (error) {
      entries.push({ kind: entry.kind, from: entry.from, to: entry.to, outcome: 'failed', reason: moveFailure(error) });
      continue;
    }
    entry.state = 'moved';
    // The folder did move: say so whatever happens to the record. A record left at "pending" is still
    // listed and restored (loadManifest believes the folders it finds in the backup).
    const unrecorded = await saveManifest(backupDir, manifest, write).then(
      () => null,
      (error: unknown) => errorCode(error),
    );
    entries.push({
      kind: entry.kind,
      from: entry.from,
      to: entry.to,
      outcome: 'moved',
      ...(unrecorded ? { reason: { code: 'record-update-failed', errno: unrecorded } } : {}),
    });
  }
  if (!manifest.entries.some((e) => e.state === 'moved')) {
    // Nothing was moved: leave no empty backup behind (only the wizard's own manifest is removed).
    await removeEmptyBackup(backupDir);
  }
  return { ok: true, backupDir, entries };
}

/**
 * Moves every folder of a backup back where it came from, only while Stremio is closed, only where nothing
 * is in the way, only real folders, and only into `destinations` — the safe cache folders the app derives
 * for this machine (the record's own paths are never trusted on their own).
 */
export async function restoreCacheBackup(
  backupDir: string,
  isStremioRunning: RunningProbe,
  destinations: readonly DataItem[],
): Promise<BackupResult> {
  // Only a backup that really is where its path says: no link to it, nor to the folder holding it.
  const linked = await refuseBackupFolder(backupDir, 'backup');
  if (linked) return { ok: false, reason: linked };
  const manifest = await loadManifest(backupDir);
  if (!manifest) return { ok: false, reason: { code: 'not-our-backup' } };
  const refused = await refuseWhileRunning(isStremioRunning);
  if (refused) return refused;
  const entries: MoveEntry[] = [];
  for (const entry of manifest.entries) {
    if (entry.state !== 'moved') continue;
    // The record names where a folder goes back; it is believed only when that is a safe cache folder
    // the app itself derives for Stremio, of the same kind (a planted record must not write elsewhere).
    const destination = destinations.find(
      (d) => d.kind === entry.kind && SAFE_ITEM_KINDS.has(d.kind) && d.safeToClear && samePath(d.path, entry.from),
    );
    if (!destination) {
      entries.push({
        kind: entry.kind,
        from: entry.to,
        to: entry.from,
        outcome: 'refused',
        reason: { code: 'outside-cache' },
      });
      continue;
    }
    const source = backedUpFolder(backupDir, entry.to);
    if (!source) {
      // Only the backup's own numbered folders are ever moved back: a manifest naming any other path
      // (edited, or not ours) must not move a folder from elsewhere on the disk.
      entries.push({
        kind: entry.kind,
        from: entry.to,
        to: entry.from,
        outcome: 'refused',
        reason: { code: 'outside-backup' },
      });
      continue;
    }
    if ((await pathKindNoFollow(entry.from)) !== 'none') {
      // Stremio rebuilt the cache since: restoring would mean deleting the new one, which we never do.
      entries.push({
        kind: entry.kind,
        from: source,
        to: entry.from,
        outcome: 'refused',
        reason: { code: 'exists-again' },
      });
      continue;
    }
    if (!(await isPlainDirectory(source)) || !(await isDirectChild(source, backupDir))) {
      // Only a real folder goes back: a link (to anywhere) or a file planted in the backup never does.
      entries.push({
        kind: entry.kind,
        from: source,
        to: entry.from,
        outcome: 'refused',
        reason: { code: 'not-a-folder' },
      });
      continue;
    }
    try {
      await mkdir(path.dirname(destination.path), { recursive: true });
      await rename(source, destination.path);
    } catch (error) {
      entries.push({ kind: entry.kind, from: source, to: entry.from, outcome: 'failed', reason: moveFailure(error) });
      continue;
    }
    entry.state = 'restored';
    // Moved back either way; a stale record only offers a folder that is no longer in the backup, which
    // loadManifest then drops (it believes the folders it finds).
    await saveManifest(backupDir, manifest, atomicWrite).catch(() => undefined);
    entries.push({ kind: entry.kind, from: source, to: entry.from, outcome: 'restored' });
  }
  return { ok: true, backupDir, entries };
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/**
 * Why `dir` may not be used as a backup folder (`backup`) or as the folder holding backups (`parent`), or
 * null: it and the folder holding it must be real folders, not links, and its real path must be where its
 * path says (issue 20 N11). A link there would make "Restore" move another program's folders into
 * Stremio's caches, and a move send the caches wherever the link points.
 */
async function refuseBackupFolder(dir: string, what: 'backup' | 'parent'): Promise<CacheFailure | null> {
  const holder = path.dirname(dir);
  try {
    for (const folder of what === 'backup' ? [holder, dir] : [dir]) {
      const info = await lstat(folder);
      if (info.isSymbolicLink() || !info.isDirectory()) return { code: 'backup-not-real' };
    }
    if ((await realpath(dir)) !== path.join(await realpath(holder), path.basename(dir)))
      return { code: 'backup-not-real' };
    return null;
  } catch (error) {
    return { code: 'backup-unreadable', errno: errorCode(error) };
  }
}

/** True when `folder` really is a folder directly inside `dir` (its real path is there, after every link). */
async function isDirectChild(folder: string, dir: string): Promise<boolean> {
  try {
    return (await realpath(folder)) === path.join(await realpath(dir), path.basename(folder));
  } catch {
    return false;
  }
}

async function isPlainDirectory(target: string): Promise<boolean> {
  try {
    return (await lstat(target)).isDirectory();
  } catch {
    return false;
  }
}

/** The error's errno code (`EACCES`), else its name: a technical token a reason carries, never a sentence. */
function errorCode(error: unknown): string {
  const { code, name } = (error ?? {}) as Partial<NodeJS.ErrnoException>;
  return code ?? name ?? 'Error';
}

/**
 * The folder of `backupDir` a manifest entry's `to` names (`<n>-<kind>`, as `moveCachesToBackup` names
 * them), or null when it names anything else. Read by name inside `backupDir`, so a backup folder the
 * user moved elsewhere still restores.
 */
function backedUpFolder(backupDir: string, to: string): string | null {
  const name = path.basename(to);
  return /^\d+-[a-z0-9-]+$/.test(name) ? path.join(backupDir, name) : null;
}

async function refuseWhileRunning(probe: RunningProbe): Promise<BackupResult | null> {
  const running = await probe();
  if (running === true) return { ok: false, reason: { code: 'stremio-running' } };
  if (running === null) return { ok: false, reason: { code: 'running-unknown' } };
  return null;
}

/** Why a rename failed: another disk (a move would be a copy), a folder in use or protected, or its errno. */
function moveFailure(error: unknown): CacheFolderReason {
  const errno = errorCode(error);
  if (errno === 'EXDEV') return { code: 'cross-device' };
  if (errno === 'EBUSY' || errno === 'EPERM' || errno === 'EACCES') return { code: 'in-use', errno };
  return { code: 'move-failed', errno };
}

async function pathKindNoFollow(target: string): Promise<'exists' | 'none'> {
  try {
    // lstat: a folder the user replaced by a link is moved as the link, never through it.
    await lstat(target);
    return 'exists';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'none' : 'exists';
  }
}

function saveManifest(dir: string, manifest: Manifest, write: (file: string, text: string) => Promise<void>) {
  return write(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
}

async function atomicWrite(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

/**
 * Reads a backup's record and squares it with the disk: an entry left "pending" (a crash, or a record
 * that could not be updated after the move) whose folder is in the backup while its origin is empty is
 * "moved"; a "moved" entry whose folder is gone is not offered again.
 */
async function loadManifest(dir: string): Promise<Manifest | null> {
  let manifest: Manifest;
  try {
    // The record is outside data (any program of this user can plant one): read capped, no link, no pipe.
    const read = await readOutsideFile(path.join(dir, MANIFEST), MAX_MANIFEST_BYTES);
    if (!read.ok) return null;
    const parsed = ManifestSchema.safeParse(JSON.parse(read.data.toString('utf8')));
    if (!parsed.success) return null;
    manifest = parsed.data;
  } catch {
    return null;
  }
  for (const entry of manifest.entries) {
    if (entry.state === 'restored') continue;
    const folder = backedUpFolder(dir, entry.to);
    const inBackup = folder !== null && (await pathKindNoFollow(folder)) === 'exists';
    if (entry.state === 'pending' && inBackup && (await pathKindNoFollow(entry.from)) === 'none') entry.state = 'moved';
    else if (entry.state === 'moved' && !inBackup && folder !== null) entry.state = 'pending';
  }
  return manifest;
}

async function removeEmptyBackup(dir: string): Promise<void> {
  try {
    await rm(path.join(dir, MANIFEST), { force: true });
    await rmdir(dir);
  } catch {
    // An empty backup folder left behind is harmless; it never blocks the next backup.
  }
}

/** Where backups go by default: a folder in the user's home, on the same disk as Stremio's data in usual setups. */
export function defaultBackupParent(home: string): string {
  return path.join(home, 'stremio-trakt-doctor-backups');
}

/** The backups under a parent folder that still hold moved folders, newest first (what "Restore" offers). */
export async function listCacheBackups(
  backupParent: string,
): Promise<{ readonly dir: string; readonly createdAt: string; readonly folders: number }[]> {
  let names: string[];
  try {
    // A parent that is a link lists another program's "backups": none are offered.
    if (await refuseBackupFolder(backupParent, 'parent')) return [];
    names = await readdir(backupParent);
  } catch {
    return [];
  }
  const found = [];
  for (const name of names
    .filter((n) => n.startsWith('stremio-cache-backup-'))
    .sort()
    .reverse()) {
    const dir = path.join(backupParent, name);
    if (await refuseBackupFolder(dir, 'backup')) continue;
    const manifest = await loadManifest(dir);
    const folders = manifest?.entries.filter((e) => e.state === 'moved').length ?? 0;
    if (manifest && folders > 0) found.push({ dir, createdAt: manifest.createdAt, folders });
  }
  return found;
}
