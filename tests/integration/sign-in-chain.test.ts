import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_CHECKS } from '../../electron/engine/checks/token';
import { REVOKED_CHECKS } from '../../electron/engine/checks/revoked';
import type { StremioCredentials } from '../../electron/engine/runtime/credentials';
import { diagnose } from '../kit/diagnose';
import { ReportSchema, type Report } from '../../shared/report';
import { signInChainOf } from '../../shared/check-details/sign-in-chain';
import { installTokenWorld, type StremioEmulator } from '../kit/emulators/stremio';
import { cloudflareBanReply } from '../kit/emulators/cloudflare-pages';
import type { TraktApiEmulator } from '../kit/emulators/trakt-api';
import {
  INJECTED_CHALLENGE,
  installTraktSignInWorlds,
  type TraktSignInWorld,
} from '../kit/emulators/trakt-sign-in-worlds';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const ACCOUNT = {
  id: '7c1d2e3f4a5b6c7d8e9f0a1b',
  email: 'chain.viewer@example.org',
  password: 'chain password 42',
  authKey: 'chain-auth-key-0123456789abcdef01',
};
const TRAKT_TOKEN = 'chain-trakt-token-5566778899aa';
const STREMIO_QUERY = (clientId: string) =>
  `response_type=code&client_id=${clientId}&redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb`;

const check = (report: Report, id: string) => report.checks.find((c) => c.id === id)!;
const finding = (report: Report, code: string) => report.findings.find((f) => f.problem === code);
const hopsOf = (report: Report, id: string) => signInChainOf(check(report, id).details)?.hops ?? [];

// Trakt's sign-in as it answered at different times ("worlds"), each followed by the real engine from
// Stremio's start link: the emulated servers name the real hosts in every Location, the config gives
// each endpoint a test port, and the engine maps one to the other by host name.
describe('the sign-in chain in each world, through the engine', () => {
  let world: World;
  let stremio: StremioEmulator;
  let trakt: TraktApiEmulator;
  let signIn: TraktSignInWorld;
  const withKey: StremioCredentials = { kind: 'auth-key', authKey: ACCOUNT.authKey };

  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    ({ stremio, trakt, signIn } = installTokenWorld(world));
  });
  afterAll(() => world.close());
  beforeEach(() => {
    signIn.world = 'legacy';
    stremio.authRedirect = { kind: 'api-host' };
    stremio.addAccount({
      ...ACCOUNT,
      trakt: { access_token: TRAKT_TOKEN, created_at: NOW / 1000 - 3600, expires_in: 7 * 86400 },
    });
    trakt.grant(TRAKT_TOKEN, { username: 'chain_watcher' });
  });

  const run = async (credentials?: StremioCredentials, authUrl?: string) => {
    const ctx = await contextFor(world, {}, { now: () => NOW });
    const report = await diagnose(
      ctx,
      { steps: ['token', 'revoked'], ...(credentials ? { credentials } : {}), ...(authUrl ? { authUrl } : {}) },
      {},
      [...TOKEN_CHECKS, ...REVOKED_CHECKS],
    );
    expect(ReportSchema.safeParse(report).success).toBe(true);
    // The account id in Stremio's start link is personal: never in the report.
    expect(JSON.stringify(report)).not.toContain(ACCOUNT.id);
    return report;
  };

  it('legacy: the API host answers 400 → AUTH_URL_WRONG_HOST, the corrected link offered only after it reached the sign-in page', async () => {
    const authBefore = world.traktAuth.requests.length;
    const report = await run(withKey);
    const redirect = check(report, 'token.auth-redirect');
    expect(redirect).toMatchObject({ verdict: 'fail', problems: ['AUTH_URL_WRONG_HOST'] });
    expect(hopsOf(report, 'token.auth-redirect').map((h) => [h.host, h.path, h.status])).toEqual([
      ['www.strem.io', '/trakt/auth/<id>', 302],
      ['api.trakt.tv', '/oauth/authorize', 302],
      ['api.trakt.tv', '/auth/signin', 400],
    ]);
    const action = finding(report, 'AUTH_URL_WRONG_HOST')!.fix.action;
    expect(action).toEqual({
      kind: 'open-url',
      url: `https://auth.trakt.tv/oauth/authorize?${STREMIO_QUERY(stremio.traktClientId)}`,
      label: 'Open the corrected sign-in link',
    });
    // The corrected link was really followed before it was offered.
    expect(world.traktAuth.requests.slice(authBefore).map((r) => r.path)).toEqual(['/oauth/authorize']);
    expect(redirect.details.verification).toMatchObject({ tried: [{ works: true }] });
    expect(redirect.summary).toContain('checked just now');
    expect(check(report, 'revoked.users-settings').verdict).toBe('pass');
  });

  it('forwarding: the API host forwards to the sign-in page → pass, a note and no finding', async () => {
    signIn.world = 'forwarding';
    const report = await run(withKey);
    const redirect = check(report, 'token.auth-redirect');
    expect(redirect).toMatchObject({ verdict: 'pass', problems: [] });
    expect(hopsOf(report, 'token.auth-redirect').map((h) => [h.host, h.status, h.page])).toEqual([
      ['www.strem.io', 302, 'redirect'],
      ['api.trakt.tv', 301, 'redirect'],
      ['trakt.tv', 302, 'redirect'],
      ['trakt.tv', 200, 'sign-in'],
    ]);
    expect(redirect.details.notes).toEqual([expect.stringContaining('trakt/trakt-api#887')]);
    expect(report.findings.filter((f) => f.checks?.includes('token.auth-redirect'))).toEqual([]);
  });

  it('migrated: Trakt adds its own PKCE challenge → TRAKT_AUTH_PKCE_INJECTED, no sign-in link offered', async () => {
    signIn.world = 'migrated';
    const report = await run(withKey);
    expect(check(report, 'token.auth-redirect')).toMatchObject({
      verdict: 'fail',
      problems: ['TRAKT_AUTH_PKCE_INJECTED'],
    });
    const hops = hopsOf(report, 'token.auth-redirect');
    expect(hops.map((h) => [h.host, h.path, h.status])).toEqual([
      ['www.strem.io', '/trakt/auth/<id>', 302],
      ['api.trakt.tv', '/oauth/authorize', 301],
      ['trakt.tv', '/oauth/authorize', 307],
      ['trakt.tv', '/api/auth/oauth2/authorize', 200],
    ]);
    expect(hops[3]!.change).toContain('Trakt added a PKCE challenge');
    expect(hops[3]!.parameters).toEqual(expect.arrayContaining(['code_challenge', 'scope']));
    expect(hops[3]!).toMatchObject({ page: 'sign-in', server: 'cloudflare', xRuntime: '0.012345' });
    const pkce = finding(report, 'TRAKT_AUTH_PKCE_INJECTED')!;
    expect(pkce).toMatchObject({ severity: 'critical', confidence: 0.8 });
    expect(pkce.fix.action).toBeUndefined();
    expect(pkce.fix.steps.join(' ')).toMatch(/Nothing on this computer fixes it.*bundle/s);
    expect(finding(report, 'AUTH_URL_WRONG_HOST')).toBeUndefined();
    // A ready-to-paste report for Stremio: the hops and what they mean, no account id.
    const reportText = String(check(report, 'token.auth-redirect').details.reportText);
    expect(reportText).toContain('4. trakt.tv/api/auth/oauth2/authorize → 200');
    expect(reportText).toContain('without a code_verifier');
    // The injected value is Trakt's, not a secret of the user's; only parameter names are reported anyway.
    expect(JSON.stringify(report)).not.toContain(INJECTED_CHALLENGE);
  });

  it('migrated with a 500 at the new endpoint → TRAKT_AUTH_SERVER_ERROR naming the hop (and the injection seen on the way)', async () => {
    signIn.world = 'migrated-500';
    const report = await run(withKey);
    const redirect = check(report, 'token.auth-redirect');
    expect(redirect.verdict).toBe('fail');
    expect(redirect.problems).toEqual(['TRAKT_AUTH_SERVER_ERROR', 'TRAKT_AUTH_PKCE_INJECTED']);
    expect(finding(report, 'TRAKT_AUTH_SERVER_ERROR')!.evidence[0]).toContain(
      'HTTP 500 at trakt.tv/api/auth/oauth2/authorize',
    );
    expect(redirect.summary).toContain('trakt.tv/api/auth/oauth2/authorize');
  });

  it("rejected: error=invalid_client back at Stremio's callback → TRAKT_AUTH_REJECTED quoting Trakt, the callback never requested", async () => {
    signIn.world = 'rejected';
    const before = world.stremioWeb.requests.length;
    const report = await run(withKey);
    expect(check(report, 'token.auth-redirect')).toMatchObject({ verdict: 'fail', problems: ['TRAKT_AUTH_REJECTED'] });
    const rejected = finding(report, 'TRAKT_AUTH_REJECTED')!;
    expect(rejected.evidence[0]).toContain('error=invalid_client');
    expect(rejected.evidence[0]).toContain('Client authentication failed');
    const hops = hopsOf(report, 'token.auth-redirect');
    expect(hops.at(-1)).toMatchObject({ host: 'www.strem.io', path: '/trakt/auth_cb', status: null });
    // Only Stremio's start link was requested (by this check and, for the client_id, the Revoked step).
    expect(new Set(world.stremioWeb.requests.slice(before).map((r) => r.path))).toEqual(
      new Set([`/trakt/auth/${ACCOUNT.id}`]),
    );
  });

  it('Cloudflare’s temporary ban at Trakt’s sign-in (error 1015) → CLOUDFLARE_BLOCKED in the wording that says wait', async () => {
    signIn.world = 'forwarding';
    world.traktWeb.route('GET', '/oauth/authorize', cloudflareBanReply('trakt.tv', 'a3524673ecccc521-FRA'));
    try {
      const report = await run(withKey);
      expect(check(report, 'token.auth-redirect')).toMatchObject({ verdict: 'fail', problems: ['CLOUDFLARE_BLOCKED'] });
      const blocked = finding(report, 'CLOUDFLARE_BLOCKED')!;
      expect(blocked.variant).toBe('temporary');
      expect(blocked.evidence[0]).toContain(
        'Cloudflare\'s temporary ban (error 1015, "banned you temporarily"; cf-ray a3524673ecccc521-FRA, no x-runtime)',
      );
      expect(hopsOf(report, 'token.auth-redirect').at(-1)).toMatchObject({ host: 'trakt.tv', status: 429 });
    } finally {
      signIn = installTraktSignInWorlds(world);
    }
  });

  it('a Stremio that sends its own challenge is healthy in the migrated world', async () => {
    signIn.world = 'migrated';
    stremio.authRedirect = { kind: 'api-host', challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' };
    const report = await run(withKey);
    expect(check(report, 'token.auth-redirect')).toMatchObject({ verdict: 'pass', problems: [] });
    expect(check(report, 'token.auth-redirect').details).toMatchObject({ sentChallenge: true });
    expect(report.findings.map((f) => f.problem)).not.toContain('TRAKT_AUTH_PKCE_INJECTED');
  });

  it('a pasted legacy address in the migrated world: the injection, not the 400 of old', async () => {
    signIn.world = 'migrated';
    const pasted = `api.trakt.tv/oauth/authorize?${STREMIO_QUERY(stremio.traktClientId)}`;
    const report = await run(undefined, pasted);
    expect(check(report, 'token.pasted-url')).toMatchObject({
      verdict: 'fail',
      problems: ['TRAKT_AUTH_PKCE_INJECTED'],
    });
    expect(hopsOf(report, 'token.pasted-url').map((h) => h.host)).toEqual(['api.trakt.tv', 'trakt.tv', 'trakt.tv']);
    expect(finding(report, 'AUTH_URL_WRONG_HOST')).toBeUndefined();
  });

  it('"pkce is required" back at Stremio → TRAKT_AUTH_PKCE_INJECTED evidence quoting it, a plain rejection also possible', async () => {
    signIn.world = 'migrated';
    const pasted = `https://trakt.tv/api/auth/oauth2/authorize?${STREMIO_QUERY(stremio.traktClientId)}&scope=public+offline_access`;
    const report = await run(undefined, pasted);
    expect(check(report, 'token.pasted-url')).toMatchObject({
      verdict: 'fail',
      problems: ['TRAKT_AUTH_PKCE_INJECTED'],
    });
    const pkce = finding(report, 'TRAKT_AUTH_PKCE_INJECTED')!;
    expect(pkce.evidence[0]).toContain(
      'error=invalid_request error_description="pkce is required when requesting offline_access scope"',
    );
    expect(pkce).toMatchObject({ variant: 'required', confidence: 0.8, alsoPossible: ['TRAKT_AUTH_REJECTED'] });
    expect(finding(report, 'TRAKT_AUTH_REJECTED')).toBeUndefined();
  });

  it("Stremio's link in the pkce-required world: the same requirement, its own wording and report text", async () => {
    signIn.world = 'pkce-required';
    const report = await run(withKey);
    expect(check(report, 'token.auth-redirect')).toMatchObject({
      verdict: 'fail',
      problems: ['TRAKT_AUTH_PKCE_INJECTED'],
    });
    const pkce = finding(report, 'TRAKT_AUTH_PKCE_INJECTED')!;
    expect(pkce.variant).toBe('required');
    expect(pkce.explanation).toContain('Trakt demands a PKCE challenge');
    expect(pkce.fix.steps[2]).toContain(
      "Trakt answers error=invalid_request 'pkce is required when requesting offline_access scope'",
    );
    const hops = hopsOf(report, 'token.auth-redirect');
    expect(hops.at(-1)).toMatchObject({ host: 'www.strem.io', path: '/trakt/auth_cb', status: null });
    expect(report.findings.map((f) => f.problem)).not.toContain('TRAKT_AUTH_REJECTED');
  });

  it('a pasted 400 address of another app: analysed, never offered as a one-click fix', async () => {
    const pasted = `https://api.trakt.tv/oauth/authorize?response_type=code&client_id=another-app-0001&redirect_uri=https%3A%2F%2Fexample.org%2Fcb`;
    const authBefore = world.traktAuth.requests.length;
    const report = await run(undefined, pasted);
    expect(check(report, 'token.pasted-url')).toMatchObject({ verdict: 'fail', problems: ['AUTH_URL_WRONG_HOST'] });
    expect(finding(report, 'AUTH_URL_WRONG_HOST')!.fix.action).toBeUndefined();
    expect(check(report, 'token.pasted-url').details.verification).toMatchObject({
      notTried: expect.stringContaining("Stremio's own client_id"),
    });
    expect(world.traktAuth.requests.length).toBe(authBefore);
  });

  it('legacy with both corrected hosts failing: the 400 is reported and no link is offered', async () => {
    world.traktAuth.fault = 'reset';
    world.traktWeb.route('GET', '/oauth/authorize', { status: 503, body: 'Service Unavailable' });
    try {
      const report = await run(withKey);
      const wrongHost = finding(report, 'AUTH_URL_WRONG_HOST')!;
      expect(wrongHost.fix.action).toBeUndefined();
      const verification = check(report, 'token.auth-redirect').details.verification as {
        tried: { url: string; works: boolean }[];
      };
      expect(verification.tried.map((t) => [new URL(t.url).host, t.works])).toEqual([
        ['auth.trakt.tv', false],
        ['trakt.tv', false],
      ]);
      expect(check(report, 'token.auth-redirect').summary).toContain('none is offered');
    } finally {
      world.traktAuth.fault = 'normal';
      signIn = installTraktSignInWorlds(world);
    }
  });
});
