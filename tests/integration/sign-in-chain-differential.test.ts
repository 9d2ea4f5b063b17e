import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_CHECKS } from '../../electron/engine/checks/token';
import { diagnose } from '../kit/diagnose';
import { ReportSchema } from '../../shared/report';
import { contextFor } from '../kit/engine';
import { freePort } from '../kit/free-port';
import { installTokenWorld, type StremioEmulator } from '../kit/emulators/stremio';
import { installTraktOAuth } from '../kit/emulators/trakt-oauth';
import { playBrowser } from '../kit/emulators/trakt-oauth-browser.mjs';
import type { TraktSignInWorld } from '../kit/emulators/trakt-sign-in-worlds';
import { startWorld, type World } from '../kit/world';

const NOW = Date.now();
const WIZARD_CLIENT_ID = 'doctor-test-client-0123456789';
const ACCOUNT = {
  id: '9e3f4a5b6c7d8e9f0a1b2c3d',
  email: 'differential@example.org',
  password: 'differential password',
  authKey: 'differential-auth-key-0123456789ab',
};

// Differential evidence: in the migrated world Stremio's chain shows Trakt's injected challenge; the
// wizard's own sign-in (its own PKCE challenge, real loopback redirect, emulated browser) then passes on
// the same Trakt, which says the account is fine and raises the finding's confidence.
describe('the differential sign-in test as evidence for an injected PKCE challenge', () => {
  let world: World;
  let stremio: StremioEmulator;
  let signIn: TraktSignInWorld;
  let port: number;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    port = await freePort();
    const installed = installTokenWorld(world, 'migrated');
    ({ stremio, signIn } = installed);
    installTraktOAuth(
      world.traktAuth,
      { clientId: WIZARD_CLIENT_ID, redirectUris: [`http://127.0.0.1:${port}/callback`] },
      installed.trakt,
    );
    stremio.addAccount({
      ...ACCOUNT,
      trakt: { access_token: 'differential-trakt-token-0001', created_at: NOW / 1000 - 3600, expires_in: 7 * 86400 },
    });
  });
  afterAll(() => world.close());

  const run = async () => {
    const visits: Promise<unknown>[] = [];
    const ctx = await contextFor(
      world,
      { trakt: { clientId: WIZARD_CLIENT_ID, redirectPort: port } },
      {
        openUrl: async (url) => {
          visits.push(playBrowser(url, { ca: world.ca.caPem, decision: 'approve' }));
        },
      },
    );
    const report = await diagnose(
      ctx,
      {
        steps: ['token'],
        credentials: { kind: 'auth-key', authKey: ACCOUNT.authKey },
        oauth: { mode: 'loopback', onProgress: () => undefined },
      },
      {},
      TOKEN_CHECKS,
    );
    await Promise.all(visits);
    expect(ReportSchema.safeParse(report).success).toBe(true);
    return report;
  };

  it('raises TRAKT_AUTH_PKCE_INJECTED to 0.95 and says the fault lies between Stremio and Trakt', async () => {
    const report = await run();
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    expect(byId['token.oauth-differential']!.verdict).toBe('pass');
    expect(byId['token.pkce-evidence']).toMatchObject({ verdict: 'fail', problems: ['TRAKT_AUTH_PKCE_INJECTED'] });
    const pkce = report.findings.find((f) => f.problem === 'TRAKT_AUTH_PKCE_INJECTED')!;
    expect(pkce.confidence).toBe(0.95);
    expect(pkce.checks).toEqual(['token.auth-redirect', 'token.pkce-evidence']);
    expect(pkce.evidence.join(' ')).toContain("the wizard's own PKCE challenge passed");
  });

  it('without an injected challenge there is nothing to weigh', async () => {
    signIn.world = 'forwarding';
    try {
      const report = await run();
      expect(report.checks.find((c) => c.id === 'token.pkce-evidence')).toMatchObject({
        verdict: 'pass',
        problems: [],
      });
      expect(report.findings.map((f) => f.problem)).not.toContain('TRAKT_AUTH_PKCE_INJECTED');
    } finally {
      signIn.world = 'migrated';
    }
  });
});
