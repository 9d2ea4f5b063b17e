import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listCacheBackups } from '../../electron/engine/clients/stremio/cache-backup';
import { readLocalProfiles } from '../../electron/engine/clients/stremio/local-profiles';
import { buildLogFile, localStorageKey, localStorageValue } from '../fixtures/profiles/leveldb-writer';
import { coreProfile, plantLocalStorage, WEBVIEW2_LEVELDB } from '../fixtures/profiles/stremio-profile';

/**
 * Issue 20 N4: the LevelDB reader and the backup record used `stat` + `readFile`, so a FIFO named
 * `000003.log` (or `backup.json`) hung discovery — and, a few calls later, libuv's whole thread pool —
 * and a link was read wherever it pointed (`/dev/zero`: without bound). Every read of outside data goes
 * through one capped, no-follow, regular-file reader: these plants are refused at once.
 */
const ORIGIN = 'https://web.stremio.com';
const USER = { _id: '5f1e0c9a8b7d6e5f4a3b2c1d', email: 'local@example.org', trakt: null };
const fifos: string[] = [];

/** A named pipe nobody writes to (mkfifo: Linux and macOS, where the tests run). */
function plantFifo(file: string): void {
  execFileSync('mkfifo', [file]);
  fifos.push(file);
}

/** Resolves with the work's result, or rejects when it has not settled within `ms` (a hang). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms).unref(),
    ),
  ]);
}

afterEach(() => {
  // Releases any reader a hang left blocked in open(): a writer that connects and leaves at once.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader was waiting (ENXIO): nothing to release.
    }
  }
});

async function profileRoot(): Promise<{ root: string; leveldb: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'doctor-n4-'));
  const leveldb = await plantLocalStorage(
    root,
    WEBVIEW2_LEVELDB,
    ORIGIN,
    coreProfile({ authKey: 'planted-auth-key-0123456789ab', user: USER }),
  );
  return { root, leveldb };
}

describe('outside files are read capped, without following links, regular files only (issue 20 N4)', () => {
  it('a FIFO named like a LevelDB log does not hang discovery, nor the thread pool after it', async () => {
    const { root, leveldb } = await profileRoot();
    plantFifo(path.join(leveldb, '000005.log'));
    const search = { searchRoots: [root], platform: 'linux' as const, env: {} };
    // Five discoveries at once: more than libuv's four threads would all be stuck in open().
    const found = await within(3000, Promise.all(Array.from({ length: 5 }, () => readLocalProfiles(search))));
    for (const profiles of found) {
      expect(profiles).toHaveLength(1);
      expect(profiles[0]!.stored.kind).toBe('unreadable');
    }
    // The pool still serves other file reads.
    await within(2000, readFile(path.join(leveldb, '000004.log')));
  });

  it('a LevelDB file that is a link is not followed (here: to another profile that would be read as this one)', async () => {
    const { root, leveldb } = await profileRoot();
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'doctor-n4-elsewhere-'));
    const foreign = path.join(elsewhere, 'foreign.log');
    const profile = coreProfile({ authKey: 'FOREIGN-auth-key-0123456789', user: USER });
    await writeFile(
      foreign,
      buildLogFile([
        { seq: 99, writes: [{ key: localStorageKey(ORIGIN, 'profile'), value: localStorageValue(profile) }] },
      ]),
    );
    await symlink(foreign, path.join(leveldb, '000009.log'));
    const [found] = await readLocalProfiles({ searchRoots: [root], platform: 'linux', env: {} });
    expect(found!.stored.kind).toBe('unreadable');
    expect(JSON.stringify(found)).not.toContain('FOREIGN-auth-key');
  });

  it('a link to /dev/zero is refused before a byte is read', async () => {
    const { root, leveldb } = await profileRoot();
    await symlink('/dev/zero', path.join(leveldb, '000007.ldb'));
    const [found] = await within(3000, readLocalProfiles({ searchRoots: [root], platform: 'linux', env: {} }));
    expect(found!.stored.kind).toBe('unreadable');
  });

  it('a FIFO planted as a backup record does not hang the backup list', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'doctor-n4-backups-'));
    const backup = path.join(parent, 'stremio-cache-backup-2026-11-25T09-15-00Z');
    await mkdir(path.join(backup, '1-http-cache'), { recursive: true });
    plantFifo(path.join(backup, 'backup.json'));
    expect(await within(3000, listCacheBackups(parent))).toEqual([]);
    await rm(parent, { recursive: true, force: true });
  });
});
