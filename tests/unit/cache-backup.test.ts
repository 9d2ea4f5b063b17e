import { mkdir, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupFolderName,
  listCacheBackups,
  moveCachesToBackup,
  restoreCacheBackup,
} from '../../electron/engine/clients/stremio/cache-backup';
import { candidateDataLocations, type DataItem } from '../../electron/engine/clients/stremio/data-locations';
import { QT_PROFILE_BYTES, plantFile } from '../fixtures/installs/plant';
import { BACKUP_NOW, bytesAt, closed, setupCacheBackupWorld } from '../kit/cache-backup-world';

const NOW = BACKUP_NOW;
const setup = () => setupCacheBackupWorld('doctor-backup-');

describe('moving the safe caches to a dated backup (docs/architecture.md "Fixes")', () => {
  it('names backups by their time', () => {
    expect(backupFolderName(NOW)).toBe('stremio-cache-backup-2026-11-25T09-15-00Z');
  });

  it('moves only the HTTP, GPU and Service Worker caches, and restores them byte for byte', async () => {
    const { planted, safe, backupParent } = await setup();
    const result = await moveCachesToBackup({ items: safe, backupParent, now: NOW, isStremioRunning: closed });
    if (!result.ok) throw new Error(result.reason.code);
    expect(result.backupDir).toBe(path.join(backupParent, 'stremio-cache-backup-2026-11-25T09-15-00Z'));
    expect(
      result.entries
        .filter((e) => e.outcome === 'moved')
        .map((e) => e.from)
        .sort(),
    ).toEqual([planted.gpuCache, planted.httpCache, planted.serviceWorker].sort());
    // What logs the user out, and the server's data, stay where they are.
    expect(await bytesAt(planted.localStorage)).toBe(QT_PROFILE_BYTES.localStorage);
    expect(await bytesAt(path.join(planted.server, 'stremio-cache'))).toBe(QT_PROFILE_BYTES.torrentCache);
    expect(await bytesAt(planted.httpCache)).toBeNull();
    // Nothing was deleted: every moved byte is in the backup.
    expect(await bytesAt(result.backupDir)).toBeGreaterThanOrEqual(
      QT_PROFILE_BYTES.httpCache + QT_PROFILE_BYTES.gpuCache + QT_PROFILE_BYTES.serviceWorker,
    );
    expect(await listCacheBackups(backupParent)).toEqual([
      { dir: result.backupDir, createdAt: NOW.toISOString(), folders: 3 },
    ]);

    const restored = await restoreCacheBackup(result.backupDir, closed, safe);
    expect(restored.ok && restored.entries.map((e) => e.outcome)).toEqual(['restored', 'restored', 'restored']);
    expect(await bytesAt(planted.httpCache)).toBe(QT_PROFILE_BYTES.httpCache);
    expect(await bytesAt(planted.gpuCache)).toBe(QT_PROFILE_BYTES.gpuCache);
    expect(await bytesAt(planted.serviceWorker)).toBe(QT_PROFILE_BYTES.serviceWorker);
    expect(await readFile(path.join(planted.httpCache, 'f_00000a'), 'utf8')).toBe('a'.repeat(100_000));
    expect(await listCacheBackups(backupParent)).toEqual([]);
  });

  it('refuses while Stremio runs, or when that cannot be told, and moves nothing', async () => {
    const { planted, safe, backupParent } = await setup();
    expect(
      await moveCachesToBackup({ items: safe, backupParent, now: NOW, isStremioRunning: async () => true }),
    ).toEqual({ ok: false, reason: { code: 'stremio-running' } });
    expect(
      await moveCachesToBackup({ items: safe, backupParent, now: NOW, isStremioRunning: async () => null }),
    ).toEqual({ ok: false, reason: { code: 'running-unknown' } });
    expect(await bytesAt(planted.httpCache)).toBe(QT_PROFILE_BYTES.httpCache);
    await expect(readdir(backupParent)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses Local Storage and the torrent cache: not caches the wizard may move', async () => {
    const { items, planted, backupParent } = await setup();
    const localStorage = items.find((i) => i.kind === 'local-storage')!;
    const forged: DataItem = { ...localStorage, safeToClear: true };
    expect(await moveCachesToBackup({ items: [forged], backupParent, now: NOW, isStremioRunning: closed })).toEqual({
      ok: false,
      reason: { code: 'not-a-cache-kind' },
    });
    const torrent = items.find((i) => i.kind === 'torrent-cache')!;
    expect(await moveCachesToBackup({ items: [torrent], backupParent, now: NOW, isStremioRunning: closed })).toEqual({
      ok: false,
      reason: { code: 'not-a-cache-kind' },
    });
    expect(await bytesAt(planted.localStorage)).toBe(QT_PROFILE_BYTES.localStorage);
  });

  it('skips absent folders and leaves no empty backup behind', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'doctor-backup-'));
    const safe = candidateDataLocations({ searchRoots: [root], platform: 'linux', env: {} })
      .flatMap((l) => l.items)
      .filter((i) => i.safeToClear);
    const backupParent = path.join(root, 'backups');
    const result = await moveCachesToBackup({ items: safe, backupParent, now: NOW, isStremioRunning: closed });
    expect(result.ok && result.entries.every((e) => e.outcome === 'absent')).toBe(true);
    expect(await readdir(backupParent)).toEqual([]);
  });

  it('never overwrites a cache Stremio rebuilt since the backup', async () => {
    const { planted, safe, backupParent } = await setup();
    const result = await moveCachesToBackup({ items: safe, backupParent, now: NOW, isStremioRunning: closed });
    if (!result.ok) throw new Error(result.reason.code);
    await plantFile(path.join(planted.gpuCache, 'data_0'), 77);
    const restored = await restoreCacheBackup(result.backupDir, closed, safe);
    if (!restored.ok) throw new Error(restored.reason.code);
    expect(restored.entries.find((e) => e.kind === 'gpu-cache')).toMatchObject({
      outcome: 'refused',
      reason: { code: 'exists-again' },
    });
    expect(await bytesAt(planted.gpuCache)).toBe(77);
    // The old GPU cache is still in the backup, offered again.
    expect(await listCacheBackups(backupParent)).toEqual([expect.objectContaining({ folders: 1 })]);
  });

  it('refuses to restore while Stremio runs, and from a folder that is not a backup', async () => {
    const { safe, backupParent } = await setup();
    const result = await moveCachesToBackup({ items: safe, backupParent, now: NOW, isStremioRunning: closed });
    if (!result.ok) throw new Error(result.reason.code);
    expect(await restoreCacheBackup(result.backupDir, async () => true, safe)).toEqual({
      ok: false,
      reason: { code: 'stremio-running' },
    });
    const other = path.join(backupParent, 'not-a-backup');
    await mkdir(other);
    // A code, never a sentence naming the folder (docs/i18n.md: the window says it, without the path).
    expect(await restoreCacheBackup(other, closed, safe)).toEqual({ ok: false, reason: { code: 'not-our-backup' } });
  });

  it('moves back only folders inside the backup, whatever its record says', async () => {
    const { root, safe, backupParent } = await setup();
    const result = await moveCachesToBackup({ items: safe, backupParent, now: NOW, isStremioRunning: closed });
    if (!result.ok) throw new Error(result.reason.code);
    const victim = path.join(root, 'Documents', 'photos');
    await plantFile(path.join(victim, 'a.jpg'), 123);
    const file = path.join(result.backupDir, 'backup.json');
    const manifest = JSON.parse(await readFile(file, 'utf8')) as {
      entries: { from: string; to: string; state: string }[];
    };
    const [first, second] = manifest.entries.filter((e) => e.state === 'moved');
    first!.to = victim;
    first!.from = path.join(root, 'elsewhere');
    second!.to = path.join(result.backupDir, '..');
    await writeFile(file, JSON.stringify(manifest));
    const restored = await restoreCacheBackup(result.backupDir, closed, safe);
    if (!restored.ok) throw new Error(restored.reason.code);
    expect(restored.entries.map((e) => [e.outcome, e.reason?.code])).toEqual([
      ['refused', 'outside-cache'],
      ['refused', 'outside-backup'],
      ['restored', undefined],
    ]);
    expect(await bytesAt(victim)).toBe(123);
    expect(await bytesAt(path.join(root, 'elsewhere'))).toBeNull();
    expect(await bytesAt(backupParent)).not.toBeNull();
  });

  it('restores a backup folder the user moved elsewhere (folders are found by name inside it)', async () => {
    const { root, planted, safe, backupParent } = await setup();
    const result = await moveCachesToBackup({ items: safe, backupParent, now: NOW, isStremioRunning: closed });
    if (!result.ok) throw new Error(result.reason.code);
    const movedTo = path.join(root, 'kept-backup');
    await rename(result.backupDir, movedTo);
    const restored = await restoreCacheBackup(movedTo, closed, safe);
    expect(restored.ok && restored.entries.map((e) => e.outcome)).toEqual(['restored', 'restored', 'restored']);
    expect(await bytesAt(planted.httpCache)).toBe(QT_PROFILE_BYTES.httpCache);
  });

  it('does not write into an existing backup of the same second', async () => {
    const { safe, planted, backupParent } = await setup();
    const gpu = safe.filter((i) => i.path === planted.gpuCache);
    const http = safe.filter((i) => i.path === planted.httpCache);
    expect(await moveCachesToBackup({ items: gpu, backupParent, now: NOW, isStremioRunning: closed })).toMatchObject({
      ok: true,
      entries: [{ outcome: 'moved' }],
    });
    expect(await moveCachesToBackup({ items: http, backupParent, now: NOW, isStremioRunning: closed })).toMatchObject({
      ok: false,
      reason: { code: 'backup-dir-failed', errno: 'EEXIST' },
    });
  });
});
