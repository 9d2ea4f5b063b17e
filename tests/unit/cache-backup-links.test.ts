import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  listCacheBackups,
  moveCachesToBackup,
  restoreCacheBackup,
} from '../../electron/engine/clients/stremio/cache-backup';
import { BACKUP_NOW, closed, setupCacheBackupWorld } from '../kit/cache-backup-world';

/**
 * Issue 20 N11: a backup folder that is a link (or whose parent is one) was followed on restore, so another
 * program of the user could swap in a backup of its own — its record, and cache folders holding what it
 * wants Stremio to load — and "Restore" moved those into Stremio's caches. A backup is used only where it
 * really is: a real folder in the real backup folder, each moved-back folder really inside it.
 */
const EVIL = 'planted-service-worker.js';

/** A copy of a real backup elsewhere, every moved cache folder holding a planted file: the attacker's "backup". */
async function plantedCopy(backupDir: string): Promise<string> {
  const elsewhere = path.join(await mkdtemp(path.join(tmpdir(), 'doctor-n11-attacker-')), path.basename(backupDir));
  await cp(backupDir, elsewhere, { recursive: true });
  for (const name of await readdir(elsewhere))
    if (name !== 'backup.json') await writeFile(path.join(elsewhere, name, EVIL), 'self.addEventListener("fetch", …)');
  return elsewhere;
}

/** True when a planted file reached any of Stremio's cache folders. */
async function plantedInStremio(safe: readonly { path: string }[]): Promise<boolean> {
  for (const item of safe) {
    const names = await readdir(item.path).catch(() => [] as string[]);
    if (names.includes(EVIL)) return true;
  }
  return false;
}

describe('restore follows no link to a backup or its folder (issue 20 N11)', () => {
  it('a backup folder swapped for a link to a planted one is neither listed nor restored', async () => {
    const { safe, backupParent } = await setupCacheBackupWorld('doctor-n11-a-');
    const moved = await moveCachesToBackup({ items: safe, backupParent, now: BACKUP_NOW, isStremioRunning: closed });
    if (!moved.ok) throw new Error(moved.reason.code);
    const planted = await plantedCopy(moved.backupDir);
    await rm(moved.backupDir, { recursive: true });
    await symlink(planted, moved.backupDir, 'dir');

    expect(await listCacheBackups(backupParent)).toEqual([]);
    const restored = await restoreCacheBackup(moved.backupDir, closed, safe);
    expect(restored).toEqual({ ok: false, reason: { code: 'backup-not-real' } });
    expect(await plantedInStremio(safe)).toBe(false);
  });

  it('a backup parent swapped for a link to a planted one is neither listed nor restored', async () => {
    const { safe, backupParent } = await setupCacheBackupWorld('doctor-n11-b-');
    const moved = await moveCachesToBackup({ items: safe, backupParent, now: BACKUP_NOW, isStremioRunning: closed });
    if (!moved.ok) throw new Error(moved.reason.code);
    const planted = await plantedCopy(moved.backupDir);
    const attackerParent = path.dirname(planted);
    await rm(backupParent, { recursive: true });
    await symlink(attackerParent, backupParent, 'dir');

    expect(await listCacheBackups(backupParent)).toEqual([]);
    const restored = await restoreCacheBackup(path.join(backupParent, path.basename(planted)), closed, safe);
    expect(restored).toEqual({ ok: false, reason: { code: 'backup-not-real' } });
    expect(await plantedInStremio(safe)).toBe(false);
  });

  it('a real backup still restores (the guard refuses links, not backups)', async () => {
    const { safe, backupParent } = await setupCacheBackupWorld('doctor-n11-c-');
    const moved = await moveCachesToBackup({ items: safe, backupParent, now: BACKUP_NOW, isStremioRunning: closed });
    if (!moved.ok) throw new Error(moved.reason.code);
    expect(await listCacheBackups(backupParent)).toHaveLength(1);
    const restored = await restoreCacheBackup(moved.backupDir, closed, safe);
    expect(restored.ok && restored.entries.filter((e) => e.outcome === 'restored').length).toBeGreaterThan(0);
  });

  it('moving caches refuses a backup parent that is a link (the caches would leave for wherever it points)', async () => {
    const { safe, backupParent } = await setupCacheBackupWorld('doctor-n11-d-');
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'doctor-n11-elsewhere-'));
    await mkdir(path.dirname(backupParent), { recursive: true });
    await symlink(elsewhere, backupParent, 'dir');
    const moved = await moveCachesToBackup({ items: safe, backupParent, now: BACKUP_NOW, isStremioRunning: closed });
    expect(moved).toEqual({ ok: false, reason: { code: 'backup-not-real' } });
    expect(await readdir(elsewhere)).toEqual([]);
  });
});
