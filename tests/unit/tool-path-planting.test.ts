import { chmod, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findInstalls } from '../../electron/engine/clients/stremio/installs';
import { runCommand } from '../../electron/engine/clients/stremio/processes-run';
import { openUrlWith } from '../../electron/engine/runtime/open-url';
import { childProcessEnv } from '../../electron/engine/core/system-tools';

/**
 * Issue 20 N12: `flatpak` and `xdg-open` ran by bare name, so with an empty element in `PATH` (`PATH=:/usr/bin`,
 * a trailing `:`, `::`) — which POSIX reads as the current folder — a `flatpak` planted in the folder the
 * app was started from ran (CWE-427). Tools are looked up only in the absolute folders of `PATH`.
 */
const PLANTED_TOOLS = ['flatpak', 'xdg-open'];
let plantDir: string;
let emptyDir: string;
const saved = { cwd: process.cwd(), path: process.env.PATH };

beforeEach(async () => {
  plantDir = await mkdtemp(path.join(tmpdir(), 'doctor-n12-cwd-'));
  emptyDir = await mkdtemp(path.join(tmpdir(), 'doctor-n12-bin-'));
  for (const tool of PLANTED_TOOLS) {
    const file = path.join(plantDir, tool);
    // It leaves a mark when it runs, and answers like the real tool would not.
    await writeFile(file, `#!/bin/sh\necho ran > "${path.join(plantDir, `${tool}.ran`)}"\necho "Version: 6.6.6"\n`);
    await chmod(file, 0o755);
  }
  process.chdir(plantDir);
});
afterEach(() => {
  process.chdir(saved.cwd);
  process.env.PATH = saved.path;
});

const ran = async () => (await readdir(plantDir)).filter((name) => name.endsWith('.ran'));

describe.runIf(process.platform !== 'win32')('no tool runs from the current folder (issue 20 N12)', () => {
  it.each([
    ['a leading empty element', () => `:${emptyDir}`],
    ['a trailing empty element', () => `${emptyDir}:`],
    ['an empty element in between', () => `${emptyDir}::/nonexistent`],
    ['a relative element', () => `.:${emptyDir}`],
  ])('flatpak (install detection) with %s in PATH', async (_name, pathValue) => {
    process.env.PATH = pathValue();
    const installs = await findInstalls({ searchRoots: null, platform: 'linux', env: process.env, run: runCommand });
    expect(await ran()).toEqual([]);
    expect(JSON.stringify(installs)).not.toContain('6.6.6');
  });

  it('xdg-open (the browser opener) with an empty element in PATH', async () => {
    process.env.PATH = `:${emptyDir}`;
    await openUrlWith('https://trakt.tv/', undefined, 'linux').catch(() => undefined);
    // A started child may need a moment to leave its mark.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await ran()).toEqual([]);
  });
});

describe('childProcessEnv keeps only the absolute folders of PATH (issue 20 N12)', () => {
  it('on POSIX', () => {
    expect(childProcessEnv({ PATH: ':/usr/bin::bin:./x:/bin:', HOME: '/h' }, 'linux')).toEqual({
      PATH: '/usr/bin:/bin',
      HOME: '/h',
    });
  });
  it('on Windows, in any spelling of the name', () => {
    expect(childProcessEnv({ Path: 'C:\\Windows\\System32;;.;tools;D:\\bin;' }, 'win32')).toEqual({
      Path: 'C:\\Windows\\System32;D:\\bin',
    });
  });
});
