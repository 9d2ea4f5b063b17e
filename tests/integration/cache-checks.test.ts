import { chmod, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { locationsCheck } from '../../electron/engine/checks/cache/locations';
import { installsCheck } from '../../electron/engine/checks/version/installs';
import { streamingServerCheck } from '../../electron/engine/checks/cache/streaming-server';
import { stremioRunningCheck } from '../../electron/engine/checks/cache/stremio-running';
import { diagnose } from '../kit/diagnose';
import { ReportSchema, type Report } from '../../shared/report';
import { contextFor } from '../kit/engine';
import { streamingServerSettings } from '../kit/emulators/stremio-updater';
import { startWorld, type World } from '../kit/world';
import {
  QT_PROFILE_BYTES,
  asUnprivileged,
  plantDeb,
  plantProcess,
  plantQtProfileLinux,
  plantWebView2Profile,
} from '../fixtures/installs/plant';

/** This suite's checks (the cached-profile check has its own tests: it needs a signed-in account). */
const CACHE_CHECKS = [installsCheck, locationsCheck, stremioRunningCheck, streamingServerCheck];

describe('cache step against planted data and the emulated streaming server', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
  });
  afterAll(() => world.close());
  beforeEach(() => {
    world.streamingServer.fault = 'normal';
  });

  const newRoot = async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'doctor-cache-'));
    await plantProcess(root, 1, 'systemd', ['/sbin/init']);
    return root;
  };
  const run = async (root: string, platform: NodeJS.Platform = 'linux'): Promise<Report> => {
    world.streamingServer.route('GET', '/settings', streamingServerSettings(root));
    const ctx = await contextFor(world, { stremio: { searchRoots: [root] } }, { platform });
    const report = await diagnose(ctx, { steps: ['cache'] }, {}, CACHE_CHECKS);
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(JSON.stringify(report)).not.toContain(root);
    return report;
  };
  const check = (report: Report, id: string) => report.checks.find((c) => c.id === id)!;

  it('locates the Stremio 4 folders on Linux and sizes what is safe to clear', async () => {
    const root = await newRoot();
    await plantQtProfileLinux(root);
    const report = await run(root);
    const locations = check(report, 'cache.locations');
    expect(locations.verdict).toBe('pass');
    const safeBytes = QT_PROFILE_BYTES.httpCache + QT_PROFILE_BYTES.gpuCache + QT_PROFILE_BYTES.serviceWorker;
    expect(locations.details.safeToClear).toEqual({
      folders: 3,
      bytes: safeBytes,
      items: [
        {
          shell: 'stremio-4',
          kind: 'gpu-cache',
          path: '[redacted home-path]/.local/share/Smart Code ltd/Stremio/QtWebEngine/Default/GPUCache',
          bytes: QT_PROFILE_BYTES.gpuCache,
        },
        {
          shell: 'stremio-4',
          kind: 'service-worker-cache',
          path: '[redacted home-path]/.local/share/Smart Code ltd/Stremio/QtWebEngine/Default/Service Worker/CacheStorage',
          bytes: QT_PROFILE_BYTES.serviceWorker,
        },
        {
          shell: 'stremio-4',
          kind: 'http-cache',
          path: '[redacted home-path]/.cache/Smart Code ltd/Stremio/QtWebEngine/Default/Cache',
          bytes: QT_PROFILE_BYTES.httpCache,
        },
      ],
    });
    expect(locations.details.folders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          label: 'Streaming server data',
          path: '[redacted home-path]/.stremio-server',
          complete: true,
          items: expect.arrayContaining([
            expect.objectContaining({
              kind: 'torrent-cache',
              safeToClear: false,
              bytes: QT_PROFILE_BYTES.torrentCache,
            }),
          ]),
        }),
        expect.objectContaining({
          label: 'Stremio 4 web profile',
          items: expect.arrayContaining([expect.objectContaining({ kind: 'local-storage', safeToClear: false })]),
        }),
      ]),
    );
    expect(locations.summary).toContain('356.4 KiB in 3 cache folders can be cleared safely');
    expect(report.findings.map((f) => f.problem)).toEqual(['STREMIO_NOT_FOUND']);
  });

  it('locates the Stremio 5 WebView2 profile on Windows', async () => {
    const root = await newRoot();
    await plantWebView2Profile(root);
    const report = await run(root, 'win32');
    expect(check(report, 'cache.locations').details.safeToClear).toMatchObject({
      folders: 2,
      bytes: 8192 + 4096,
      items: [{ shell: 'stremio-5' }, { shell: 'stremio-5' }],
    });
  });

  it('finds no folders on a clean machine, and the server still answers', async () => {
    const report = await run(await newRoot());
    expect(check(report, 'cache.locations')).toMatchObject({
      verdict: 'pass',
      summary: 'No Stremio data folders were found on this computer.',
    });
    const server = check(report, 'cache.streaming-server');
    expect(server).toMatchObject({ verdict: 'pass', problems: [] });
    expect(server.details).toMatchObject({
      serverVersion: '4.20.11',
      cacheRoot: '[redacted home-path]/.stremio-server',
      appPath: '[redacted home-path]/.stremio-server',
    });
    expect(check(report, 'cache.stremio-running')).toMatchObject({ verdict: 'pass', problems: [] });
  });

  it('says STREMIO_RUNNING when a Stremio process is in the process table', async () => {
    const root = await newRoot();
    await plantProcess(root, 3121, 'stremio', ['/opt/stremio/stremio']);
    await plantProcess(root, 3150, 'stremio-runtime', ['/opt/stremio/stremio-runtime', '/opt/stremio/server.js']);
    const report = await run(root);
    expect(check(report, 'cache.stremio-running')).toMatchObject({
      verdict: 'warn',
      problems: ['STREMIO_RUNNING'],
      details: {
        stremioProcesses: [
          { pid: 3121, name: 'stremio' },
          { pid: 3150, name: 'stremio-runtime' },
        ],
      },
    });
    expect(report.findings.find((f) => f.problem === 'STREMIO_RUNNING')).toMatchObject({
      severity: 'info',
      fix: expect.objectContaining({ action: { kind: 'rerun-step', step: 'cache', label: 'Run Cache again' } }),
    });
  });

  describe('STREAMING_SERVER_DOWN (only while Stremio runs: the shells start the server)', () => {
    const down = async (setup: () => void, reason: RegExp) => {
      const root = await newRoot();
      await plantDeb(root, '4.4.168-1');
      await plantProcess(root, 3121, 'stremio', ['/opt/stremio/stremio']);
      const ctx = await contextFor(world, { stremio: { searchRoots: [root] } }, { platform: 'linux' });
      setup();
      const started = Date.now();
      const report = await diagnose(ctx, { steps: ['cache'] }, {}, CACHE_CHECKS);
      const server = check(report, 'cache.streaming-server');
      expect(server).toMatchObject({ verdict: 'warn', problems: ['STREAMING_SERVER_DOWN'] });
      expect(server.summary).toMatch(reason);
      expect(report.findings.filter((f) => f.problem === 'STREAMING_SERVER_DOWN').map((f) => f.severity)).toEqual([
        'info',
      ]);
      return Date.now() - started;
    };

    it('is not claimed when Stremio is closed or not installed', async () => {
      world.streamingServer.fault = 'reset';
      const closed = await newRoot();
      await plantDeb(closed, '4.4.168-1');
      const closedReport = await diagnose(
        await contextFor(world, { stremio: { searchRoots: [closed] } }, { platform: 'linux' }),
        { steps: ['cache'] },
        {},
        CACHE_CHECKS,
      );
      expect(check(closedReport, 'cache.streaming-server')).toMatchObject({
        verdict: 'pass',
        problems: [],
        summary: expect.stringContaining('Stremio is closed'),
      });
      const none = await newRoot();
      const noneReport = await diagnose(
        await contextFor(world, { stremio: { searchRoots: [none] } }, { platform: 'linux' }),
        { steps: ['cache'] },
        {},
        CACHE_CHECKS,
      );
      expect(check(noneReport, 'cache.streaming-server')).toMatchObject({
        verdict: 'pass',
        problems: [],
        summary: expect.stringContaining('no Stremio app is installed'),
      });
      expect(noneReport.findings.map((f) => f.problem)).toEqual(['STREMIO_NOT_FOUND']);
    });

    it('when nothing listens (connection reset)', async () => {
      await down(() => {
        world.streamingServer.fault = 'reset';
      }, /no answer \(tcp/);
    });

    it('when the port answers garbage bytes', async () => {
      await down(() => {
        world.streamingServer.fault = 'garbage';
      }, /no answer/);
    });

    it('when something else answers on the port', async () => {
      await down(
        () =>
          world.streamingServer.route('GET', '/settings', {
            status: 200,
            body: { status: 'ok', name: 'some other service' },
          }),
        /not with Stremio's settings/,
      );
    });

    it('when the server answers an error', async () => {
      await down(
        () => world.streamingServer.route('GET', '/settings', { status: 500, body: 'Internal Server Error' }),
        /HTTP 500/,
      );
    });

    it('within the loopback budget when the server hangs', async () => {
      const ms = await down(() => {
        world.streamingServer.fault = 'blackhole';
      }, /timeout/);
      expect(ms).toBeLessThan(3000);
    });
  });

  it('survives a symlink loop and an unreadable folder inside a cache', async () => {
    const root = await newRoot();
    const planted = await plantQtProfileLinux(root);
    await symlink('..', path.join(planted.gpuCache, 'loop'));
    await symlink(path.join(planted.profile, 'loop-b'), path.join(planted.profile, 'loop-a'));
    await symlink(path.join(planted.profile, 'loop-a'), path.join(planted.profile, 'loop-b'));
    await chmod(root, 0o755);
    await chmod(path.join(planted.serviceWorker, '2a1f'), 0o000);
    world.streamingServer.route('GET', '/settings', streamingServerSettings(root));
    const ctx = await contextFor(world, { stremio: { searchRoots: [root] } }, { platform: 'linux' });
    try {
      const report = await asUnprivileged(() => diagnose(ctx, { steps: ['cache'] }, {}, CACHE_CHECKS));
      const locations = check(report, 'cache.locations');
      expect(locations.verdict).toBe('pass');
      const profile = (
        locations.details.folders as {
          label: string;
          linksNotFollowed?: number;
          unreadableFolders?: number;
          complete: boolean;
          items: { kind: string; bytes: number; unreadableFolders?: number }[];
        }[]
      ).find((f) => f.label === 'Stremio 4 web profile')!;
      expect(profile).toMatchObject({ complete: true, linksNotFollowed: 3, unreadableFolders: 1 });
      expect(profile.items.find((i) => i.kind === 'service-worker-cache')).toMatchObject({
        bytes: 0,
        unreadableFolders: 1,
      });
    } finally {
      await chmod(path.join(planted.serviceWorker, '2a1f'), 0o755);
    }
  });
});
