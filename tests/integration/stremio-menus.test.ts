import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_CHECKS } from '../../electron/engine/checks/token';
import { VERSION_CHECKS } from '../../electron/engine/checks/version';
import { diagnose } from '../kit/diagnose';
import { ReportSchema, type Finding, type Report } from '../../shared/report';
import { installTokenWorld, type StremioEmulator } from '../kit/emulators/stremio';
import { serveStremioUpdater, serveWizardRelease } from '../kit/emulators/stremio-updater';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';
import { plantMacApp, plantWindowsShellNg, plantWindowsV4 } from '../fixtures/installs/plant';

// Fix steps name the menus of the Stremio the Version step found: Settings → Trakt Scrobbling in Stremio 4 and 5,
// Settings → Integrations → Trakt in Stremio 6 (Stremio/stremio-bugs#2625, 6.0.1-beta.04), both when none was found.

const ACCOUNT = {
  id: '64b2f0a1c3d4e5f6a7b8c9d0',
  email: 'menus.viewer@example.org',
  password: 'menus password 42',
  authKey: 'menus-auth-key-0123456789abcdef01',
};
const NOW = Date.parse('2026-11-25T10:00:00Z');

describe('fix steps speak the Stremio the Version step found', () => {
  let world: World;
  let stremio: StremioEmulator;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    ({ stremio } = installTokenWorld(world));
    serveStremioUpdater(world.stremioWeb);
    serveWizardRelease(world.wizardReleases, 'not-found');
    // Linked with a 7-day link that expired a week ago: TRAKT_TOKEN_EXPIRED, whose fix logs out and links again.
    stremio.addAccount({
      ...ACCOUNT,
      trakt: { access_token: 'menus-trakt-token-0001', created_at: NOW / 1000 - 14 * 86400, expires_in: 7 * 86400 },
    });
  });
  afterAll(() => world.close());

  const run = async (
    plant: (root: string) => Promise<unknown>,
    platform: NodeJS.Platform,
    locale = 'en',
  ): Promise<Report> => {
    const root = await mkdtemp(path.join(tmpdir(), 'doctor-menus-'));
    await plant(root);
    const ctx = await contextFor(world, { stremio: { searchRoots: [root] } }, { platform, locale, now: () => NOW });
    const report = await diagnose(
      ctx,
      { steps: ['version', 'token'], credentials: { kind: 'auth-key', authKey: ACCOUNT.authKey } },
      {},
      [...VERSION_CHECKS, ...TOKEN_CHECKS],
    );
    expect(ReportSchema.safeParse(report).success).toBe(true);
    return report;
  };
  const expired = (report: Report): Finding => report.findings.find((f) => f.problem === 'TRAKT_TOKEN_EXPIRED')!;
  const nothing = async () => undefined;

  it('Stremio 5 on Windows: Settings → Trakt Scrobbling → Log out, then Authenticate; never Integrations', async () => {
    const report = await run((root) => plantWindowsShellNg(root, '5.0.20'), 'win32');
    expect(report.checks.find((c) => c.id === 'version.installs')?.details).toMatchObject({ stremioMenus: '4-5' });
    const finding = expired(report);
    expect(finding.stremioMenus).toBe('4-5');
    expect(finding.fix.steps[0]).toBe(
      'In Stremio, log out of Trakt and link it again: Settings → Trakt Scrobbling → Log out, then Authenticate. If your Stremio account has several profiles, do this on the main profile: only it can link Trakt.',
    );
    expect(JSON.stringify(finding)).not.toContain('Integrations');
  });

  it('Stremio 6 (6.0.1 on Windows, 6.0.1-beta.04 on macOS): Settings → Integrations → Trakt; never Trakt Scrobbling', async () => {
    for (const report of [
      await run((root) => plantWindowsShellNg(root, '6.0.1'), 'win32'),
      await run((root) => plantMacApp(root, 5, '6.0.1-beta.04'), 'darwin'),
    ]) {
      const finding = expired(report);
      expect(finding.stremioMenus).toBe('6');
      expect(finding.fix.steps[0]).toBe(
        'In Stremio, log out of Trakt and link it again: Settings → Integrations → Trakt. If your Stremio account has several profiles, do this on the main profile: only it can link Trakt.',
      );
      expect(JSON.stringify(finding.fix)).not.toContain('Trakt Scrobbling');
    }
  });

  it('none found (or Stremio 4 and 6 side by side): both menus, each named with its version', async () => {
    const both =
      'In Stremio, log out of Trakt and link it again: Settings → Trakt Scrobbling → Log out, then Authenticate in Stremio 4 and 5; Settings → Integrations → Trakt in Stremio 6.';
    const none = await run(nothing, 'win32');
    expect(none.findings.map((f) => f.problem)).toContain('STREMIO_NOT_FOUND');
    expect(expired(none)).not.toHaveProperty('stremioMenus');
    expect(expired(none).fix.steps[0]).toContain(both);
    const mixed = await run(async (root) => {
      await plantWindowsV4(root, '4.4.168');
      await plantWindowsShellNg(root, '6.0.1');
    }, 'win32');
    expect(mixed.checks.find((c) => c.id === 'version.installs')?.details).toMatchObject({ stremioMenus: null });
    expect(expired(mixed).fix.steps[0]).toContain(both);
  });

  it('in the run’s language, with Stremio’s own words (German): Stremio 5 and Stremio 6', async () => {
    const five = expired(await run((root) => plantWindowsShellNg(root, '5.0.20'), 'win32', 'de'));
    expect(five.fix.steps[0]).toBe(
      'Melden Sie Trakt in Stremio ab und verknüpfen Sie es neu: Einstellungen → Trakt Scrobbling → Abmelden, dann Authentifizieren. Hat Ihr Stremio-Konto mehrere Profile, tun Sie das im Hauptprofil: Nur dieses kann Trakt verknüpfen.',
    );
    const six = expired(await run((root) => plantWindowsShellNg(root, '6.0.1'), 'win32', 'de'));
    expect(six.fix.steps[0]).toContain('Einstellungen → Integrationen → Trakt.');
    expect(six.fix.steps[0]).not.toContain('Trakt Scrobbling');
  });
});
