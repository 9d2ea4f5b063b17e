import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VERSION_CHECKS } from '../../electron/engine/checks/version';
import type { EngineContext } from '../../electron/engine/runtime/context';
import { diagnose } from '../kit/diagnose';
import { ReportSchema, type Report } from '../../shared/report';
import { contextFor } from '../kit/engine';
import { serveStremioUpdater, serveWizardRelease } from '../kit/emulators/stremio-updater';
import { startWorld, type World } from '../kit/world';
import { plantDeb, plantFlatpak, plantMacApp, plantWindowsShellNg, plantWindowsV4 } from '../fixtures/installs/plant';

describe('version step against the emulated updater', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
  });
  afterAll(() => world.close());
  beforeEach(() => {
    world.stremioWeb.fault = 'normal';
    serveStremioUpdater(world.stremioWeb);
    serveWizardRelease(world.wizardReleases, 'not-found');
  });

  const newRoot = () => mkdtemp(path.join(tmpdir(), 'doctor-version-'));
  const run = async (
    root: string,
    platform: NodeJS.Platform,
    probeMs?: number,
  ): Promise<{ report: Report; ctx: EngineContext }> => {
    const ctx = await contextFor(
      world,
      { stremio: { searchRoots: [root] }, ...(probeMs ? { timeouts: { probeMs } } : {}) },
      { platform },
    );
    const report = await diagnose(ctx, { steps: ['version'] }, {}, VERSION_CHECKS);
    expect(ReportSchema.safeParse(report).success).toBe(true);
    // Paths are shown, the user's home folder never is (docs/architecture.md "Bundle").
    expect(JSON.stringify(report)).not.toContain(root);
    return { report, ctx };
  };
  const check = (report: Report, id: string) => report.checks.find((c) => c.id === id)!;
  const codes = (report: Report) => report.findings.map((f) => f.problem).sort();
  const updaterRequests = () => world.stremioWeb.requests.filter((r) => r.path === '/updater/check');

  it('says STREMIO_NOT_FOUND (info) when nothing is installed, and asks no updater', async () => {
    const before = updaterRequests().length;
    const { report } = await run(await newRoot(), 'win32');
    expect(check(report, 'version.installs')).toMatchObject({ verdict: 'warn', problems: ['STREMIO_NOT_FOUND'] });
    expect(check(report, 'version.stremio-update').verdict).toBe('skipped');
    expect(report.findings).toEqual([expect.objectContaining({ problem: 'STREMIO_NOT_FOUND', severity: 'info' })]);
    expect(updaterRequests().length).toBe(before);
  });

  it('finds an outdated Stremio 5 on Windows through ?product=stremio-shell-ng', async () => {
    const root = await newRoot();
    await plantWindowsShellNg(root, '5.0.20');
    const before = updaterRequests().length;
    const { report } = await run(root, 'win32');
    expect(check(report, 'version.installs')).toMatchObject({ verdict: 'pass', problems: [] });
    const update = check(report, 'version.stremio-update');
    expect(update).toMatchObject({ verdict: 'warn', problems: ['STREMIO_OUTDATED'] });
    expect(update.details.installs).toEqual([
      expect.objectContaining({
        installed: '5.0.20',
        latest: '5.0.26',
        status: 'outdated',
        location: '[redacted home-path]/AppData/Local/Programs/Stremio',
      }),
    ]);
    const finding = report.findings.find((f) => f.problem === 'STREMIO_OUTDATED')!;
    expect(finding).toMatchObject({
      severity: 'warning',
      fix: { action: { kind: 'open-url', url: 'https://www.stremio.com/downloads' } },
    });
    expect(finding.evidence[0]).toContain('5.0.20 is older than 5.0.26');
    const sent = updaterRequests().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query.get('product')).toBe('stremio-shell-ng');
    expect(sent[0]!.headers['user-agent']).toMatch(/^stremio-trakt-doctor\//);
  });

  it('passes a current Stremio 5, and does not call a beta newer than the updater outdated', async () => {
    const current = await newRoot();
    await plantWindowsShellNg(current, '5.0.26');
    const { report } = await run(current, 'win32');
    expect(check(report, 'version.stremio-update')).toMatchObject({ verdict: 'pass', problems: [] });
    const beta = await newRoot();
    await plantWindowsShellNg(beta, '5.0.30');
    const { report: betaReport } = await run(beta, 'win32');
    expect(check(betaReport, 'version.stremio-update').details.installs).toEqual([
      expect.objectContaining({ status: 'newer-than-updater' }),
    ]);
    expect(codes(betaReport)).toEqual([]);
  });

  it('flags Stremio 4 as unmaintained and asks the v4 form with shellVersion and serverSum', async () => {
    const root = await newRoot();
    const dir = await plantWindowsV4(root, '4.4.168');
    const before = updaterRequests().length;
    const { report } = await run(root, 'win32');
    expect(codes(report)).toEqual(['STREMIO_OUTDATED', 'STREMIO_V4_UNMAINTAINED']);
    expect(report.findings.find((f) => f.problem === 'STREMIO_V4_UNMAINTAINED')!.evidence[0]).toContain(
      'Stremio 4 (Windows) 4.4.168',
    );
    const sent = updaterRequests().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query.get('shellVersion')).toBe('4.4.168');
    const sum = createHash('sha256')
      .update(await readFile(path.join(dir, 'server.js')))
      .digest('hex');
    expect(sent[0]!.query.get('serverSum')).toBe(sum);
  });

  it('a current Stremio 4 is still unmaintained, but not outdated', async () => {
    const root = await newRoot();
    await plantMacApp(root, 4, '4.4.181');
    const { report } = await run(root, 'darwin');
    expect(codes(report)).toEqual(['STREMIO_V4_UNMAINTAINED']);
    expect(check(report, 'version.stremio-update')).toMatchObject({ verdict: 'pass' });
  });

  it('on Linux: the .deb goes to the v4 updater, the Flatpak is left to Flathub', async () => {
    const root = await newRoot();
    await plantDeb(root, '4.4.168-1');
    await plantFlatpak(root, '1.2.0');
    const { report } = await run(root, 'linux');
    expect(check(report, 'version.installs').details.installs).toEqual([
      expect.objectContaining({ label: 'Stremio 4 (Linux .deb)', version: '4.4.168', versionSource: 'dpkg status' }),
      expect.objectContaining({ label: 'Stremio 5 (Flatpak)', version: '1.2.0', updateChannel: 'flatpak' }),
    ]);
    expect(check(report, 'version.stremio-update').details.installs).toEqual([
      expect.objectContaining({ status: 'outdated' }),
      expect.objectContaining({ status: 'flatpak' }),
    ]);
    expect(codes(report)).toEqual(['STREMIO_OUTDATED', 'STREMIO_V4_UNMAINTAINED']);
  });

  it('asks no updater for a Flatpak (Flathub updates it), and warns when a version cannot be read', async () => {
    const flatpak = await newRoot();
    await plantFlatpak(flatpak, '1.2.0');
    const before = updaterRequests().length;
    const { report } = await run(flatpak, 'linux');
    expect(check(report, 'version.stremio-update')).toMatchObject({
      verdict: 'pass',
      summary: expect.stringContaining('Stremio 5 (Flatpak): updated by Flatpak from Flathub'),
    });
    expect(updaterRequests().length).toBe(before);
    expect(codes(report)).toEqual([]);

    const unversioned = await newRoot();
    await plantWindowsShellNg(unversioned, null);
    const { report: unknownReport } = await run(unversioned, 'win32');
    expect(check(unknownReport, 'version.stremio-update')).toMatchObject({
      verdict: 'warn',
      problems: [],
      summary: expect.stringContaining('its version could not be read (the exe carries no version resource)'),
    });
  });

  describe('UPDATE_CHECK_FAILED, classified and bounded', () => {
    const failing = async (reason: RegExp, setup: () => void, probeMs?: number) => {
      const root = await newRoot();
      await plantWindowsShellNg(root, '5.0.20');
      setup();
      const started = Date.now();
      const { report } = await run(root, 'win32', probeMs);
      const update = check(report, 'version.stremio-update');
      expect(update).toMatchObject({ verdict: 'error', problems: ['UPDATE_CHECK_FAILED'] });
      expect(update.summary).toMatch(reason);
      expect(codes(report)).toEqual(['UPDATE_CHECK_FAILED']);
      expect(report.findings[0]).toMatchObject({ severity: 'info' });
      return Date.now() - started;
    };

    it('garbage instead of JSON', async () => {
      await failing(/not JSON \(\d+ characters starting "<html>/, () =>
        serveStremioUpdater(world.stremioWeb, undefined, {
          status: 200,
          headers: { 'content-type': 'text/html' },
          body: '<html><body>Checking your browser…</body></html>',
        }),
      );
    });

    it('JSON without a version', async () => {
      await failing(/no usable "version"/, () =>
        serveStremioUpdater(world.stremioWeb, undefined, { status: 200, body: { error: 'unknown product' } }),
      );
    });

    it('a 30 MB answer is cut at 64 KiB, not read', async () => {
      const huge = `{"version":"5.0.26","versionDesc":"${'x'.repeat(30 * 1024 * 1024)}"}`;
      const ms = await failing(/larger than 64\.0 KiB/, () =>
        serveStremioUpdater(world.stremioWeb, undefined, { status: 200, body: huge }),
      );
      expect(ms).toBeLessThan(5000);
    });

    it('a 502 from the updater', async () => {
      await failing(/HTTP 502/, () =>
        serveStremioUpdater(world.stremioWeb, undefined, { status: 502, body: '<html>Bad gateway</html>' }),
      );
    });

    it('a black-holed updater costs one probe timeout', async () => {
      const ms = await failing(
        /no answer \(timeout/,
        () => {
          world.stremioWeb.fault = 'blackhole';
        },
        400,
      );
      expect(ms).toBeLessThan(2500);
    });
  });

  describe("the wizard's own version (info only, never a failure)", () => {
    it('says when a newer release exists', async () => {
      serveWizardRelease(world.wizardReleases, { tag: 'v9.1.0' });
      const { report, ctx } = await run(await newRoot(), 'linux');
      expect(check(report, 'version.wizard-update')).toMatchObject({
        verdict: 'warn',
        problems: [],
        details: { current: ctx.version, latest: 'v9.1.0' },
      });
      expect(report.findings.map((f) => f.problem)).toEqual(['STREMIO_NOT_FOUND']);
      const sent = world.wizardReleases.requests.at(-1)!;
      expect(sent.headers.accept).toBe('application/vnd.github+json');
    });

    it('passes when this is the latest release', async () => {
      const ctx = await contextFor(world);
      serveWizardRelease(world.wizardReleases, { tag: `v${ctx.version}` });
      const { report } = await run(await newRoot(), 'linux');
      expect(check(report, 'version.wizard-update')).toMatchObject({ verdict: 'pass' });
    });

    it.each([
      ['not-found', /no release is published yet/],
      ['rate-limited', /rate limit/],
    ] as const)('is skipped, not failed, when GitHub answers %s', async (answer, why) => {
      serveWizardRelease(world.wizardReleases, answer);
      const { report } = await run(await newRoot(), 'linux');
      const wizard = check(report, 'version.wizard-update');
      expect(wizard.verdict).toBe('skipped');
      expect(wizard.summary).toMatch(why);
      expect(report.untested.map((u) => u.check)).toContain('version.wizard-update');
    });

    it('is skipped when GitHub cannot be reached at all', async () => {
      world.wizardReleases.fault = 'reset';
      try {
        const { report } = await run(await newRoot(), 'linux');
        expect(check(report, 'version.wizard-update')).toMatchObject({ verdict: 'skipped', problems: [] });
      } finally {
        world.wizardReleases.fault = 'normal';
      }
    });
  });
});
