import { chmod, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measurePath, walkBudget } from '../../electron/engine/clients/stremio/data-locations-size';
import { asUnprivileged, plantFile } from '../fixtures/installs/plant';

const newDir = () => mkdtemp(path.join(tmpdir(), 'doctor-walk-'));
const roomy = () => walkBudget(100_000, 10_000);

describe('bounded folder walk', () => {
  it('sums file sizes and counts files and folders', async () => {
    const dir = await newDir();
    await plantFile(path.join(dir, 'Cache', 'Cache_Data', 'data_0'), 8192);
    await plantFile(path.join(dir, 'Cache', 'Cache_Data', 'f_000001'), 1000);
    await plantFile(path.join(dir, 'GPUCache', 'index'), 24);
    expect(await measurePath(dir, roomy())).toEqual({
      exists: true,
      bytes: 9216,
      files: 3,
      folders: 4,
      unreadable: 0,
      links: 0,
      complete: true,
    });
    expect(await measurePath(path.join(dir, 'Cache'), roomy())).toMatchObject({ bytes: 9192, files: 2 });
    expect(await measurePath(path.join(dir, 'GPUCache', 'index'), roomy())).toMatchObject({
      exists: true,
      bytes: 24,
      files: 1,
    });
    expect(await measurePath(path.join(dir, 'missing'), roomy())).toEqual({ exists: false });
  });

  it('does not follow a symlink loop inside the tree, and classifies a looping top-level link', async () => {
    const dir = await newDir();
    await plantFile(path.join(dir, 'a', 'b', 'entry'), 100);
    await symlink('..', path.join(dir, 'a', 'b', 'up'));
    await symlink(dir, path.join(dir, 'a', 'root'));
    const size = await measurePath(dir, roomy());
    expect(size).toEqual({ exists: true, bytes: 100, files: 1, folders: 3, unreadable: 0, links: 2, complete: true });

    await symlink('self', path.join(dir, 'self'));
    expect(await measurePath(path.join(dir, 'self'), roomy())).toEqual({
      exists: false,
      reason: 'cannot be looked at (ELOOP)',
      code: 'ELOOP',
    });
  });

  it('follows a top-level link (a stremio-cache moved elsewhere, stremio-shell#136)', async () => {
    const dir = await newDir();
    await plantFile(path.join(dir, 'big-disk', 'stremio-cache', 'piece'), 4096);
    await mkdir(path.join(dir, '.stremio-server'));
    await symlink(path.join(dir, 'big-disk', 'stremio-cache'), path.join(dir, '.stremio-server', 'stremio-cache'));
    expect(await measurePath(path.join(dir, '.stremio-server', 'stremio-cache'), roomy())).toMatchObject({
      bytes: 4096,
      files: 1,
      complete: true,
    });
  });

  it('stops at the entry cap and says so', async () => {
    const dir = await newDir();
    await Promise.all(Array.from({ length: 300 }, (_, i) => plantFile(path.join(dir, `f${i}`), 10)));
    const budget = walkBudget(120, 10_000);
    const size = await measurePath(dir, budget);
    expect(size).toMatchObject({ exists: true, files: 120, bytes: 1200, complete: false, stoppedBy: 'entries' });
    // The budget is shared: the next walk has nothing left.
    expect(await measurePath(dir, budget)).toMatchObject({ files: 0, complete: false, stoppedBy: 'entries' });
  });

  it('stops at the deadline and when aborted', async () => {
    const dir = await newDir();
    await plantFile(path.join(dir, 'x'), 1);
    expect(await measurePath(dir, walkBudget(1000, -1))).toMatchObject({ complete: false, stoppedBy: 'time' });
    const controller = new AbortController();
    controller.abort();
    expect(await measurePath(dir, walkBudget(1000, 10_000, controller.signal))).toMatchObject({
      complete: false,
      stoppedBy: 'aborted',
    });
  });

  it('counts an unreadable folder instead of failing', async () => {
    const dir = await newDir();
    await plantFile(path.join(dir, 'readable', 'f'), 50);
    await plantFile(path.join(dir, 'locked', 'secret'), 5000);
    await chmod(dir, 0o755);
    await chmod(path.join(dir, 'readable'), 0o755);
    await chmod(path.join(dir, 'readable', 'f'), 0o644);
    await chmod(path.join(dir, 'locked'), 0o000);
    const size = await asUnprivileged(() => measurePath(dir, roomy()));
    expect(size).toEqual({ exists: true, bytes: 50, files: 1, folders: 3, unreadable: 1, links: 0, complete: true });
  });
});
