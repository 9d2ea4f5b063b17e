import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CacheFixResult, IpcResult } from '../../shared/ipc';
import { resolveConfig } from '../../electron/engine/core/config';
import { createDoctorService } from '../../electron/hosts/service/create-service';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import { QT_PROFILE_BYTES, plantFile, plantProcess, plantQtProfileLinux } from '../fixtures/installs/plant';

const NOW = Date.parse('2026-11-25T09:15:00.000Z');
const BACKUP_ID = 'stremio-cache-backup-2026-11-25T09-15-00Z';

/** A service whose Stremio search is confined to a planted root (which stands in for `/` and the home). */
async function plantedService(options: { running?: boolean } = {}) {
  const root = await mkdtemp(path.join(tmpdir(), 'doctor-cache-ipc-'));
  const planted = await plantQtProfileLinux(root);
  await plantProcess(root, 1, 'systemd', ['/sbin/init']);
  if (options.running) await plantProcess(root, 3121, 'stremio', ['/opt/stremio/stremio']);
  const service = createDoctorService({
    config: resolveConfig({ stremio: { searchRoots: [root] } }),
    platform: {
      openExternal: async () => undefined,
      secretStore: createMemorySecretStore(),
      settings: createMemorySettings(),
    },
    onRunEvent: () => undefined,
    contextOptions: { platform: 'linux', env: {}, now: () => NOW },
  });
  const call = (channel: string, payload: unknown) =>
    dispatchIpc(service.handlers, channel, payload, (t) => service.secrets.redact(t));
  return { root, planted, call };
}

/** Every file under a folder with its SHA-256, by relative path (what "byte-identical" compares). */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return out;
}

const valueOf = (answer: IpcResult<unknown>): CacheFixResult => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as CacheFixResult;
};

describe('the cache fix through the IPC service (docs/architecture.md "Fixes")', () => {
  it('moves the safe caches to a dated backup, lists it, and restores every file byte for byte', async () => {
    const { root, planted, call } = await plantedService();
    const before = {
      http: await fingerprint(planted.httpCache),
      gpu: await fingerprint(planted.gpuCache),
      sw: await fingerprint(planted.serviceWorker),
      profile: await fingerprint(planted.profile),
    };
    const signIn = await fingerprint(planted.localStorage);

    const moved = valueOf(await call('cache:move-to-backup', {}));
    if (!moved.done) throw new Error(moved.refusal);
    expect(moved.backup).toEqual({ id: BACKUP_ID, location: `~/stremio-trakt-doctor-backups/${BACKUP_ID}` });
    expect(moved.folders).toEqual([
      {
        kind: 'gpu-cache',
        path: '~/.local/share/Smart Code ltd/Stremio/QtWebEngine/Default/GPUCache',
        outcome: 'moved',
        bytes: QT_PROFILE_BYTES.gpuCache,
      },
      {
        kind: 'service-worker-cache',
        path: '~/.local/share/Smart Code ltd/Stremio/QtWebEngine/Default/Service Worker/CacheStorage',
        outcome: 'moved',
        bytes: QT_PROFILE_BYTES.serviceWorker,
      },
      {
        kind: 'http-cache',
        path: '~/.cache/Smart Code ltd/Stremio/QtWebEngine/Default/Cache',
        outcome: 'moved',
        bytes: QT_PROFILE_BYTES.httpCache,
      },
    ]);
    expect(JSON.stringify(moved)).not.toContain(root);
    await expect(readdir(planted.httpCache)).rejects.toMatchObject({ code: 'ENOENT' });
    // Local Storage (the sign-in) never moves.
    expect(await fingerprint(planted.localStorage)).toEqual(signIn);

    expect(await call('cache:list-backups', {})).toEqual({
      ok: true,
      value: {
        backups: [
          {
            id: BACKUP_ID,
            location: `~/stremio-trakt-doctor-backups/${BACKUP_ID}`,
            createdAt: new Date(NOW).toISOString(),
            folders: 3,
          },
        ],
      },
    });

    const restored = valueOf(await call('cache:restore', {}));
    if (!restored.done) throw new Error(restored.refusal);
    expect(restored).toMatchObject({ action: 'restored', backup: { id: BACKUP_ID } });
    expect(restored.folders.map((f) => [f.kind, f.outcome, f.bytes])).toEqual([
      ['gpu-cache', 'restored', QT_PROFILE_BYTES.gpuCache],
      ['service-worker-cache', 'restored', QT_PROFILE_BYTES.serviceWorker],
      ['http-cache', 'restored', QT_PROFILE_BYTES.httpCache],
    ]);
    expect({
      http: await fingerprint(planted.httpCache),
      gpu: await fingerprint(planted.gpuCache),
      sw: await fingerprint(planted.serviceWorker),
      profile: await fingerprint(planted.profile),
    }).toEqual(before);
    expect(await call('cache:list-backups', {})).toEqual({ ok: true, value: { backups: [] } });
    expect(valueOf(await call('cache:restore', {}))).toEqual({ done: false, refusal: 'no-backup' });
  });

  it('refuses while a Stremio process runs and moves nothing', async () => {
    const { root, planted, call } = await plantedService({ running: true });
    const before = await fingerprint(planted.httpCache);
    // The refusal is the whole answer: the window says it, no sentence rides along.
    expect(valueOf(await call('cache:move-to-backup', {}))).toEqual({ done: false, refusal: 'stremio-running' });
    expect(await fingerprint(planted.httpCache)).toEqual(before);
    await expect(readdir(path.join(root, 'stremio-trakt-doctor-backups'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses to move when the process list cannot be read, and moves nothing', async () => {
    const { root, planted, call } = await plantedService();
    const before = await fingerprint(planted.gpuCache);
    await rm(path.join(root, 'proc'), { recursive: true });
    await writeFile(path.join(root, 'proc'), 'not a folder');
    expect(valueOf(await call('cache:move-to-backup', {}))).toEqual({ done: false, refusal: 'cannot-tell' });
    expect(await fingerprint(planted.gpuCache)).toEqual(before);
  });

  it('refuses to restore while Stremio runs again, and when the process list cannot be read', async () => {
    const { root, planted, call } = await plantedService();
    expect(valueOf(await call('cache:move-to-backup', {})).done).toBe(true);
    await plantProcess(root, 4242, 'stremio-runtime', ['/opt/stremio/stremio-runtime', 'server.js']);
    expect(valueOf(await call('cache:restore', { backup: BACKUP_ID }))).toMatchObject({
      done: false,
      refusal: 'stremio-running',
    });
    await rm(path.join(root, 'proc'), { recursive: true });
    await writeFile(path.join(root, 'proc'), 'not a folder');
    expect(valueOf(await call('cache:restore', { backup: BACKUP_ID }))).toMatchObject({
      done: false,
      refusal: 'cannot-tell',
    });
    await expect(readdir(planted.gpuCache)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a backup name the service did not list, without touching anything', async () => {
    const { root, planted, call } = await plantedService();
    expect(valueOf(await call('cache:move-to-backup', {})).done).toBe(true);
    for (const forged of [
      path.join(root, 'stremio-trakt-doctor-backups', BACKUP_ID),
      `../${BACKUP_ID}`,
      'stremio-cache-backup-2020-01-01T00-00-00Z',
      '..',
    ]) {
      expect(await call('cache:restore', { backup: forged })).toEqual({
        ok: false,
        error: {
          code: 'NOT_ALLOWED',
          message: 'that is not a cache backup this app made',
          reason: 'notAppCacheBackup',
        },
      });
    }
    // Paths from the renderer are not part of the contract at all.
    expect(await call('cache:move-to-backup', { paths: [planted.localStorage] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    await expect(readdir(planted.gpuCache)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(planted.localStorage)).toEqual(['leveldb']);
  });

  it('never overwrites a cache Stremio rebuilt since: that folder stays in the backup, offered again', async () => {
    const { root, planted, call } = await plantedService();
    expect(valueOf(await call('cache:move-to-backup', {})).done).toBe(true);
    await plantFile(path.join(planted.gpuCache, 'data_0'), 77);
    const restored = valueOf(await call('cache:restore', { backup: BACKUP_ID }));
    if (!restored.done) throw new Error(restored.refusal);
    expect(restored.folders.find((f) => f.kind === 'gpu-cache')).toEqual({
      kind: 'gpu-cache',
      path: '~/.local/share/Smart Code ltd/Stremio/QtWebEngine/Default/GPUCache',
      outcome: 'refused',
      reason: { code: 'exists-again' },
    });
    expect(JSON.stringify(restored)).not.toContain(root);
    expect((await readFile(path.join(planted.gpuCache, 'data_0'))).length).toBe(77);
    expect(await call('cache:list-backups', {})).toMatchObject({
      ok: true,
      value: { backups: [{ id: BACKUP_ID, folders: 1 }] },
    });
  });

  it('says there is nothing to move when no safe cache exists', async () => {
    const { planted, call } = await plantedService();
    for (const dir of [planted.httpCache, planted.gpuCache, planted.serviceWorker]) await rm(dir, { recursive: true });
    expect(valueOf(await call('cache:move-to-backup', {}))).toEqual({ done: false, refusal: 'nothing-to-move' });
  });
});
