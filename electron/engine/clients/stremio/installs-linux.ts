import path from 'node:path';
import type { StremioInstall } from './install-types';
import { findInstalledDpkgPackage } from './installs-dpkg';
import { pathKind, readTextCapped } from './installs-files';
import type { SearchBase } from './installs-search';
import type { CommandRunner } from './processes-run';
import { debianUpstream, majorOf } from './updater-version';

const FLATPAK_ID = 'com.stremio.Stremio';
const MAX_STATUS_BYTES = 64 * 1024 * 1024;
const MAX_METAINFO_BYTES = 1024 * 1024;

/** Finds the Linux installs: the `.deb` at `/opt/stremio` and the Flatpak `com.stremio.Stremio` (docs/sources.md). */
export async function findLinuxInstalls(
  base: SearchBase,
  run: CommandRunner,
  signal?: AbortSignal,
): Promise<StremioInstall[]> {
  const [deb, flatpak] = await Promise.all([findDeb(base), findFlatpak(base, run, signal)]);
  return [...deb, ...flatpak];
}

async function findDeb(base: SearchBase): Promise<StremioInstall[]> {
  const dir = path.join(base.fsRoot, 'opt', 'stremio');
  const [kind, status] = await Promise.all([
    pathKind(dir),
    readTextCapped(path.join(base.fsRoot, 'var', 'lib', 'dpkg', 'status'), MAX_STATUS_BYTES),
  ]);
  // Package name `stremio`, as in `stremio_4.4.25-1_amd64.deb` (stremio-bugs#185).
  const pkg = status.ok ? findInstalledDpkgPackage(status.text, 'stremio') : null;
  if (kind !== 'dir' && !pkg) return [];
  const version = pkg ? debianUpstream(pkg.version) : null;
  const major = version ? majorOf(version) : null;
  // The .deb is a build of the Qt shell (Stremio 4); a future 5.x package would say so by its version.
  const generation = major !== null && major >= 5 ? 5 : 4;
  const serverJs = path.join(dir, 'server.js');
  const hasServer = (await pathKind(serverJs)) === 'file';
  return [
    {
      kind: 'linux-deb',
      generation,
      label: `Stremio ${generation} (Linux .deb)`,
      location: kind === 'dir' ? dir : 'dpkg package stremio',
      version,
      versionSource: pkg ? 'dpkg status' : null,
      ...(pkg
        ? {}
        : {
            versionProblem: status.ok
              ? 'the dpkg database lists no installed stremio package'
              : status.missing
                ? 'there is no dpkg database (an rpm or hand-made install?)'
                : `the dpkg status file ${status.reason}`,
          }),
      updater: generation === 4 ? 'shell-v4' : 'unknown',
      ...(hasServer ? { serverJs } : {}),
    },
  ];
}

/** Parses `flatpak info <ref>` output (`Version: 1.0.3`, `Installation: system`). */
export function parseFlatpakInfo(stdout: string): { version: string | null; installation: string | null } {
  return {
    version: /^\s*Version:\s*(\S+)/m.exec(stdout)?.[1] ?? null,
    installation: /^\s*Installation:\s*(\S+)/m.exec(stdout)?.[1] ?? null,
  };
}

/** The newest `<release version=…>` of an AppStream metainfo file (releases are listed newest first). */
export function metainfoVersion(xml: string): string | null {
  return /<release\b[^>]*\bversion="([^"]+)"/.exec(xml)?.[1] ?? null;
}

async function findFlatpak(base: SearchBase, run: CommandRunner, signal?: AbortSignal): Promise<StremioInstall[]> {
  const deployments = [
    { installation: 'system', dir: path.join(base.fsRoot, 'var', 'lib', 'flatpak', 'app', FLATPAK_ID) },
    { installation: 'user', dir: path.join(base.home, '.local', 'share', 'flatpak', 'app', FLATPAK_ID) },
  ];
  // By name: flatpak has no fixed home across distributions; the runner looks it up in PATH's absolute folders only.
  const info = base.planted ? null : await run('flatpak', ['info', FLATPAK_ID], signal);
  const fromTool = info?.ok ? parseFlatpakInfo(info.stdout) : null;
  const found: StremioInstall[] = [];
  for (const { installation, dir } of deployments) {
    if ((await pathKind(dir)) !== 'dir') continue;
    const common = {
      kind: 'flatpak' as const,
      generation: 5 as const,
      label: 'Stremio 5 (Flatpak)',
      location: dir,
      updater: 'flatpak' as const,
    };
    if (fromTool?.version && (fromTool.installation === null || fromTool.installation === installation)) {
      found.push({ ...common, version: fromTool.version, versionSource: 'flatpak info' });
      continue;
    }
    const version = await readDeployedVersion(dir);
    found.push(
      version.ok
        ? { ...common, version: version.version, versionSource: 'flatpak metainfo' }
        : { ...common, version: null, versionSource: null, versionProblem: version.reason },
    );
  }
  if (found.length === 0 && fromTool?.version) {
    found.push({
      kind: 'flatpak',
      generation: 5,
      label: 'Stremio 5 (Flatpak)',
      location: `flatpak ${fromTool.installation ?? ''} ${FLATPAK_ID}`.replace(/\s+/g, ' '),
      version: fromTool.version,
      versionSource: 'flatpak info',
      updater: 'flatpak',
    });
  }
  return found;
}

/** Reads the version from the active deployment's AppStream file, without the flatpak tool. */
async function readDeployedVersion(
  appDir: string,
): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  const share = path.join(appDir, 'current', 'active', 'files', 'share');
  for (const file of [
    path.join(share, 'metainfo', `${FLATPAK_ID}.metainfo.xml`),
    path.join(share, 'appdata', `${FLATPAK_ID}.appdata.xml`),
  ]) {
    const read = await readTextCapped(file, MAX_METAINFO_BYTES);
    if (!read.ok) continue;
    const version = metainfoVersion(read.text);
    if (version) return { ok: true, version };
  }
  return { ok: false, reason: 'the deployment has no readable metainfo with a release version' };
}
