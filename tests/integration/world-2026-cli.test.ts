import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTokenWorld, type StremioEmulator } from '../kit/emulators/stremio';
import type { TraktApiEmulator } from '../kit/emulators/trakt-api';
import { serveStremioUpdater, serveWizardRelease } from '../kit/emulators/stremio-updater';
import { runCli } from '../kit/run-cli';
import { startWorld, type World } from '../kit/world';
import { plantDeb } from '../fixtures/installs/plant';

// Trakt's and Stremio's changes since July 2026 through the built CLI (the CLI runs on Linux and the real clock):
// the fix names the menus of the Stremio found, and a link older than Trakt's OAuth migration is explained as such.

const ACCOUNT = {
  id: '6b7c8d9e0f1a2b3c4d5e6f70',
  email: 'cli.world@example.org',
  password: 'cli world password',
  authKey: 'cli-world-auth-key-0123456789abcd',
};

describe('the world since July 2026, through the CLI', () => {
  let world: World;
  let stremio: StremioEmulator;
  let trakt: TraktApiEmulator;
  beforeAll(async () => {
    world = await startWorld();
    ({ stremio, trakt } = installTokenWorld(world));
    serveStremioUpdater(world.stremioWeb);
    serveWizardRelease(world.wizardReleases, 'not-found');
    stremio.addAccount({ ...ACCOUNT, trakt: null });
  });
  afterAll(() => world.close());

  /** Runs `diagnose --steps version,token` with a Linux .deb of `debVersion` planted (none: nothing installed). */
  const diagnoseWith = async (debVersion: string | null, extra: readonly string[] = []) => {
    const root = await mkdtemp(path.join(tmpdir(), 'doctor-cli-menus-'));
    if (debVersion) await plantDeb(root, debVersion);
    const cfg = await world.writeConfig({ stremio: { searchRoots: [root] } });
    return runCli(['diagnose', '--config', cfg, '--steps', 'version,token', ...extra], {
      STREMIO_AUTH_KEY: ACCOUNT.authKey,
    });
  };
  /** The fix lines the text report prints under TRAKT_NOT_LINKED. */
  const linkStep = (stdout: string) => {
    const from = stdout.indexOf('TRAKT_NOT_LINKED');
    expect(from, stdout).toBeGreaterThan(-1);
    return /\n\s+1\) (.*)/.exec(stdout.slice(from))?.[1] ?? '';
  };

  it('TRAKT_NOT_LINKED names Stremio 5’s menu, Stremio 6’s (here in French), or both when no Stremio was found', async () => {
    const [five, six, none] = await Promise.all([
      diagnoseWith('5.0.1-1'),
      diagnoseWith('6.0.1-1', ['--lang', 'fr']),
      diagnoseWith(null),
    ]);
    expect(linkStep(five.stdout)).toBe(
      'In Stremio, link Trakt and approve Stremio on Trakt in the browser that opens: Settings → Trakt Scrobbling → Authenticate. If your Stremio account has several profiles, do this on the main profile: only it can link Trakt.',
    );
    // Stremio 6: the translated "Intégrations" (stremio-translations has no word for it yet), never Stremio 5's menu.
    expect(linkStep(six.stdout)).toBe(
      'Dans Stremio, liez Trakt et approuvez Stremio sur Trakt dans le navigateur qui s’ouvre : Réglages → Intégrations → Trakt. Si votre compte Stremio a plusieurs profils, faites-le sur le profil principal : lui seul peut lier Trakt.',
    );
    expect(linkStep(none.stdout)).toContain(
      'Settings → Trakt Scrobbling → Authenticate in Stremio 4 and 5; Settings → Integrations → Trakt in Stremio 6.',
    );
  });

  it('Cloudflare’s temporary ban (error 1015): the text report says temporary, wait, and stop other Trakt tools', async () => {
    const token = 'cli-world-trakt-ban-0002';
    stremio.addAccount({
      ...ACCOUNT,
      trakt: { access_token: token, created_at: Math.floor(Date.now() / 1000) - 3600, expires_in: 7 * 86400 },
    });
    trakt.grant(token, { username: 'cli_world' });
    trakt.state = { kind: 'cloudflare-ban' };
    try {
      const cfg = await world.writeConfig();
      const run = await runCli(['diagnose', '--config', cfg, '--steps', 'revoked', '--lang', 'es'], {
        STREMIO_AUTH_KEY: ACCOUNT.authKey,
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('CLOUDFLARE_BLOCKED');
      expect(run.stdout).toContain('error 1015, "banned you temporarily", Retry-After 600');
      expect(run.stdout).toContain('Espere y vuelva a intentarlo');
      expect(run.stdout).toContain('Espere: el bloqueo es temporal y se levanta solo.');
      expect(run.stdout).toContain('detenga otras herramientas de Trakt en esta red');
      expect(run.stdout).not.toContain('TRAKT_RATE_LIMITED');
    } finally {
      trakt.state = { kind: 'normal' };
      stremio.addAccount({ ...ACCOUNT, trakt: null });
    }
  });

  it('a link made before the OAuth migration: "can never be renewed", with its date and the migration date', async () => {
    // Made 2026-07-01 for 7 days: long expired on the real clock, and older than Trakt's OAuth migration.
    stremio.addAccount({
      ...ACCOUNT,
      trakt: {
        access_token: 'cli-world-trakt-0001',
        created_at: Date.parse('2026-07-01T12:00:00Z') / 1000,
        expires_in: 7 * 86400,
      },
    });
    try {
      const root = await mkdtemp(path.join(tmpdir(), 'doctor-cli-menus-'));
      const cfg = await world.writeConfig({ stremio: { searchRoots: [root] } });
      const text = await runCli(['diagnose', '--config', cfg, '--steps', 'token'], {
        STREMIO_AUTH_KEY: ACCOUNT.authKey,
      });
      expect(text.stdout).toContain("made 2026-07-01, before Trakt's OAuth migration of 2026-07-23");
      expect(text.code).toBe(1);
      expect(text.stdout).toContain(
        'This link was made before Trakt moved its sign-in to a new system on July 23, 2026. Trakt no longer renews links that old (trakt-api#888), so this one can never be renewed and stays expired.',
      );
      expect(text.stdout).toContain('Once is enough');
      expect(text.stdout).not.toContain('Stremio did not renew it');
    } finally {
      stremio.addAccount({ ...ACCOUNT, trakt: null });
    }
  });
});
