import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  listCacheBackups,
  moveCachesToBackup,
  restoreCacheBackup,
} from '../../electron/engine/clients/stremio/cache-backup';
import { plantFile, QT_PROFILE_BYTES } from '../fixtures/installs/plant';
import { BACKUP_NOW, bytesAt, closed, setupCacheBackupWorld } from '../kit/cache-backup-world';

const NOW = BACKUP_NOW;
const setup = () => setupCacheBackupWorld('doctor-backup-guard-');

type Record = { entries: { kind: string; from: string; to: string; state: string }[] };
const readRecord = async (dir: string) => JSON.parse(await readFile(path.join(dir, 'backup.json'), 'utf8')) as Record;
/** The record's entries for folders that were moved (the search also names folders this profile does not have). */
const movedEntries = (record: Record) => record.entries.filter((e) => e.state === 'moved');
/** The outcomes of a result, without the folders that were absent to begin with. */
const outcomes = (entries: readonly { outcome: string }[]) =>
  entries.map((e) => e.outcome).filter((o) => o !== 'absent');
const writeRecord = (dir: string, record: Record) => writeFile(path.join(dir, 'backup.json'), JSON.stringify(record));

describe('restore trusts no destination from a backup record (L1)', () => {
  it('restores only into a location the app derives: a planted record naming another folder moves nothing there', async () => {
    const { root, safe, backupParent } = await setup();
    const moved = await moveCachesToBackup({ items: safe, backupParent, now: NOW, isStremioRunning: closed });
    if (!moved.ok) throw new Error(moved.reason.code);
    const record = await readRecord(moved.backupDir);
    const target = path.join(root, '.config', 'autostart', 'evil');
    movedEntries(record)[0]!.from = target;
    await writeRecord(moved.backupDir, record);
    const restored = await restoreCacheBackup(moved.backupDir, closed, safe);
    if (!restored.ok) throw new Error(restored.reason.code);
    expect(outcomes(restored.entries)).toEqual(['refused', 'restored', 'restored']);
    expect(restored.entries.find((e) => e.outcome === 'refused')?.reason).toEqual({ code: 'outside-cache' });
    expect(await bytesAt(target)).toBeNull();
  });

  it('restores only safe kinds: a record dressing Local Storage up as a cache (or naming it outright) is refused', async () => {
    const { planted, safe, backupParent } = await setup();
    const moved = await moveCachesToBackup({ items: safe, backupParent, now: NOW, isStremioRunning: closed });
    if (!moved.ok) throw new Error(moved.reason.code);
    // The user's Local Storage is gone (signed out): a planted backup would put its own sign-in there.
    await rm(planted.localStorage, { recursive: true });
    const record = await readRecord(moved.backupDir);
    const [first, second] = movedEntries(record);
    first!.from = planted.localStorage;
    second!.kind = 'local-storage';
    second!.from = planted.localStorage;
    await writeRecord(moved.backupDir, record);
    const restored = await restoreCacheBackup(moved.backupDir, closed, safe);
    if (!restored.ok) throw new Error(restored.reason.code);
    expect(outcomes(restored.entries)).toEqual(['refused', 'refused', 'restored']);
    expect(await bytesAt(planted.localStorage)).toBeNull();
  });

  it('restores only directories: a link or a file in the backup is never moved into Stremio', async () => {
    const { root, safe, backupParent } = await setup();
    const moved = await moveCachesToBackup({ items: safe, backupParent, now: NOW, isStremioRunning: closed });
    if (!moved.ok) throw new Error(moved.reason.code);
    const [first, second] = movedEntries(await readRecord(moved.backupDir));
    const elsewhere = path.join(root, 'elsewhere');
    await plantFile(path.join(elsewhere, 'x'), 10);
    const firstFolder = path.join(moved.backupDir, path.basename(first!.to));
    const secondFolder = path.join(moved.backupDir, path.basename(second!.to));
    await rm(firstFolder, { recursive: true });
    await symlink(elsewhere, firstFolder);
    await rm(secondFolder, { recursive: true });
    await writeFile(secondFolder, 'not a folder');
    const restored = await restoreCacheBackup(moved.backupDir, closed, safe);
    if (!restored.ok) throw new Error(restored.reason.code);
    expect(outcomes(restored.entries)).toEqual(['refused', 'refused', 'restored']);
    expect(restored.entries.filter((e) => e.outcome === 'refused').map((e) => e.reason)).toEqual([
      { code: 'not-a-folder' },
      { code: 'not-a-folder' },
    ]);
    expect(await bytesAt(first!.from)).toBeNull();
    expect(await bytesAt(second!.from)).toBeNull();
  });
});

describe('a backup record that cannot be written (L2)', () => {
  it('after a move: reported as moved (never "nothing moved"), and the backup stays listed and restorable', async () => {
    const { planted, safe, backupParent } = await setup();
    let writes = 0;
    const moved = await moveCachesToBackup({
      items: safe,
      backupParent,
      now: NOW,
      isStremioRunning: closed,
      // The first record (before any move) is written; every update after a move fails (disk full).
      writeRecord: async (file, text) => {
        if (++writes > 1) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        await writeFile(file, text);
      },
    });
    if (!moved.ok) throw new Error(moved.reason.code);
    expect(outcomes(moved.entries)).toEqual(['moved', 'moved', 'moved']);
    for (const entry of moved.entries.filter((e) => e.outcome === 'moved'))
      expect(entry.reason).toEqual({ code: 'record-update-failed', errno: 'ENOSPC' });
    expect(await bytesAt(planted.httpCache)).toBeNull();
    expect(await listCacheBackups(backupParent)).toEqual([
      expect.objectContaining({ dir: moved.backupDir, folders: 3 }),
    ]);
    const restored = await restoreCacheBackup(moved.backupDir, closed, safe);
    expect(restored.ok && outcomes(restored.entries)).toEqual(['restored', 'restored', 'restored']);
    expect(await bytesAt(planted.httpCache)).toBe(QT_PROFILE_BYTES.httpCache);
  });

  it('before any move: refused as a whole, nothing moved, no backup folder left', async () => {
    const { planted, safe, backupParent } = await setup();
    const moved = await moveCachesToBackup({
      items: safe,
      backupParent,
      now: NOW,
      isStremioRunning: closed,
      writeRecord: async () => {
        throw Object.assign(new Error('read-only'), { code: 'EROFS' });
      },
    });
    expect(moved).toEqual({ ok: false, reason: { code: 'record-write-failed', errno: 'EROFS' } });
    expect(await bytesAt(planted.httpCache)).toBe(QT_PROFILE_BYTES.httpCache);
    expect(await listCacheBackups(backupParent)).toEqual([]);
    await mkdir(backupParent, { recursive: true });
    expect(await bytesAt(path.join(backupParent, 'stremio-cache-backup-2026-11-25T09-15-00Z'))).toBeNull();
  });

  it('a record left "pending" by a crash still lists and restores the folders that really are in the backup', async () => {
    const { planted, safe, backupParent } = await setup();
    const moved = await moveCachesToBackup({ items: safe, backupParent, now: NOW, isStremioRunning: closed });
    if (!moved.ok) throw new Error(moved.reason.code);
    const record = await readRecord(moved.backupDir);
    for (const entry of record.entries) entry.state = 'pending';
    await writeRecord(moved.backupDir, record);
    expect(await listCacheBackups(backupParent)).toEqual([expect.objectContaining({ folders: 3 })]);
    const restored = await restoreCacheBackup(moved.backupDir, closed, safe);
    expect(restored.ok && outcomes(restored.entries)).toEqual(['restored', 'restored', 'restored']);
    expect(await bytesAt(planted.gpuCache)).toBe(QT_PROFILE_BYTES.gpuCache);
  });
});

describe('a folder that cannot be moved', () => {
  it('is "failed" with its errno as a code, stays where it was, and the others still move', async () => {
    const { planted, safe, backupParent } = await setup();
    let planting = true;
    const moved = await moveCachesToBackup({
      items: safe,
      backupParent,
      now: NOW,
      isStremioRunning: closed,
      // Before anything moves, something fills the first folder's place in the backup: its rename is refused.
      writeRecord: async (file, text) => {
        if (planting) {
          planting = false;
          const record = JSON.parse(text) as Record;
          const first = record.entries.find((e) => e.from === planted.gpuCache)!;
          await plantFile(path.join(first.to, 'in-the-way'), 1);
        }
        await writeFile(file, text);
      },
    });
    if (!moved.ok) throw new Error(moved.reason.code);
    expect(moved.entries.find((e) => e.from === planted.gpuCache)).toMatchObject({
      outcome: 'failed',
      reason: { code: 'move-failed', errno: expect.stringMatching(/^E[A-Z]+$/) },
    });
    expect(outcomes(moved.entries)).toEqual(['failed', 'moved', 'moved']);
    expect(await bytesAt(planted.gpuCache)).toBe(QT_PROFILE_BYTES.gpuCache);
  });
});
