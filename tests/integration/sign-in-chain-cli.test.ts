import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../shared/report';
import { signInChainOf } from '../../shared/check-details/sign-in-chain';
import { installTokenWorld } from '../kit/emulators/stremio';
import type { SignInWorld, TraktSignInWorld } from '../kit/emulators/trakt-sign-in-worlds';
import { runCli } from '../kit/run-cli';
import { startWorld, type World } from '../kit/world';

const ACCOUNT = {
  id: '0f4a5b6c7d8e9f0a1b2c3d4e',
  email: 'chain.cli@example.org',
  password: 'chain cli password',
  authKey: 'chain-cli-auth-key-0123456789abcd',
};
const ENV = { STREMIO_AUTH_KEY: ACCOUNT.authKey };

// Each sign-in world through the built CLI: the codes in --json, the exit status (1 with a critical
// finding), and the hops in the text report.
describe('the sign-in chain through the CLI', () => {
  let world: World;
  let signIn: TraktSignInWorld;
  let cfg: string;
  beforeAll(async () => {
    world = await startWorld();
    const installed = installTokenWorld(world);
    signIn = installed.signIn;
    installed.stremio.addAccount({
      ...ACCOUNT,
      trakt: {
        access_token: 'chain-cli-trakt-token-0123456',
        created_at: Math.floor(Date.now() / 1000) - 3600,
        expires_in: 7 * 86400,
      },
    });
    cfg = await world.writeConfig();
  });
  afterAll(() => world.close());

  it.each([
    ['legacy', ['AUTH_URL_WRONG_HOST'], 1],
    ['forwarding', [], 0],
    ['migrated', ['TRAKT_AUTH_PKCE_INJECTED'], 1],
    ['migrated-500', ['TRAKT_AUTH_SERVER_ERROR', 'TRAKT_AUTH_PKCE_INJECTED'], 1],
    ['rejected', ['TRAKT_AUTH_REJECTED'], 1],
    ['pkce-required', ['TRAKT_AUTH_PKCE_INJECTED'], 1],
  ] as const)('%s world: --json codes %j, exit %i', async (name: SignInWorld, codes, exit) => {
    signIn.world = name;
    const run = await runCli(['diagnose', '--json', '--config', cfg, '--steps', 'token'], ENV);
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    const redirect = report.checks.find((c) => c.id === 'token.auth-redirect')!;
    expect(redirect.problems).toEqual(codes);
    expect(report.findings.map((f) => f.problem).sort()).toEqual([...codes].sort());
    expect(signInChainOf(redirect.details)?.hops[0]).toMatchObject({ host: 'www.strem.io', path: '/trakt/auth/<id>' });
    expect(run.code).toBe(exit);
    expect(run.stdout).not.toContain(ACCOUNT.id);
  });

  it('the text report prints every hop with its status and what changed', async () => {
    signIn.world = 'migrated';
    const run = await runCli(['diagnose', '--config', cfg, '--steps', 'token'], ENV);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/1\. www\.strem\.io\/trakt\/auth\/<id> → 302 \(\d+ ms\)\n/);
    expect(run.stdout).toMatch(
      /2\. api\.trakt\.tv\/oauth\/authorize → 301 \(\d+ ms\) — moved from www\.strem\.io to api\.trakt\.tv/,
    );
    expect(run.stdout).toMatch(
      /3\. trakt\.tv\/oauth\/authorize → 307 \(\d+ ms\) — moved from api\.trakt\.tv to trakt\.tv/,
    );
    expect(run.stdout).toMatch(
      /4\. trakt\.tv\/api\/auth\/oauth2\/authorize → 200 \(\d+ ms\) — Trakt added a PKCE challenge the sign-in link did not carry; added scope; Trakt's sign-in page/,
    );
    expect(run.stdout).toContain("ends: Trakt's sign-in page at trakt.tv/api/auth/oauth2/authorize");
    expect(run.stdout).toContain('TRAKT_AUTH_PKCE_INJECTED');
  });
});
