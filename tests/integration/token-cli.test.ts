import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../shared/report';
import { installTokenWorld, userBody, type StremioEmulator } from '../kit/emulators/stremio';
import type { TraktApiEmulator } from '../kit/emulators/trakt-api';
import { coreProfile, plantLocalStorage, WEBVIEW2_LEVELDB } from '../fixtures/profiles/stremio-profile';
import { runCli } from '../kit/run-cli';
import { startWorld, type World } from '../kit/world';

const ACCOUNT = {
  id: '6a7b8c9d0e1f2a3b4c5d6e7f',
  email: 'cli.viewer@example.org',
  password: 'cli password 123',
  authKey: 'cli-auth-key-abcdef0123456789abcd',
};

describe('the Token and Revoked steps through the CLI', () => {
  let world: World;
  let stremio: StremioEmulator;
  let trakt: TraktApiEmulator;
  let cfg: string;
  beforeAll(async () => {
    world = await startWorld();
    ({ stremio, trakt } = installTokenWorld(world));
    // The CLI runs on the real clock: a link issued an hour ago for 7 days is valid.
    stremio.addAccount({
      ...ACCOUNT,
      trakt: {
        access_token: 'cli-trakt-token-0000111122223333',
        created_at: Math.floor(Date.now() / 1000) - 3600,
        expires_in: 7 * 86400,
      },
    });
    trakt.grant('cli-trakt-token-0000111122223333', { username: 'cli_user', vip: true });
    cfg = await world.writeConfig();
  });
  afterAll(() => world.close());

  it('without credentials the steps are skipped with the reason, and --auth-url is still followed (exit 1, hops printed)', async () => {
    const pasted = 'https://api.trakt.tv/auth/signin?utm_source=stremio';
    const run = await runCli(['diagnose', '--config', cfg, '--steps', 'token,revoked', '--auth-url', pasted]);
    expect(run.code).toBe(1);
    // Said once, under "Not tested", with the checks it held back.
    expect(run.stdout).toContain(
      '  • Not signed in: no Stremio credentials were given, so the Trakt link on the account cannot be read.',
    );
    expect(run.stdout).toMatch(/\n {4}Token: Stremio account, /);
    expect(run.stdout).toContain('AUTH_URL_WRONG_HOST');
    expect(run.stdout).toContain('1. api.trakt.tv/auth/signin → 400');
    // No client_id and return address of Stremio's: analysed, never offered as a one-click fix.
    expect(run.stdout).not.toContain('→ Open the corrected sign-in link:');
    expect(run.stderr).toMatch(/SKIP\s+revoked\.users-settings/);
  });

  it("STREMIO_AUTH_KEY: the JSON report carries the link state and Trakt's answer", async () => {
    const run = await runCli(['diagnose', '--json', '--config', cfg, '--steps', 'revoked'], {
      STREMIO_AUTH_KEY: ACCOUNT.authKey,
    });
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    expect(byId['token.trakt-token']).toMatchObject({ verdict: 'pass' });
    expect(byId['revoked.users-settings']).toMatchObject({
      verdict: 'pass',
      details: { account: { vip: true } },
    });
    // The Revoked step reads Stremio's client_id itself: it does not pull in Trakt's whole sign-in chain.
    expect(report.checks.map((c) => c.id)).not.toContain('token.auth-redirect');
    expect(report.findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('STREMIO_EMAIL + STREMIO_PASSWORD with a wrong password: STREMIO_AUTH_INVALID, exit 1', async () => {
    const run = await runCli(['diagnose', '--json', '--config', cfg, '--steps', 'token'], {
      STREMIO_EMAIL: ACCOUNT.email,
      STREMIO_PASSWORD: 'wrong',
    });
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    expect(report.findings[0]).toMatchObject({ problem: 'STREMIO_AUTH_INVALID', severity: 'critical' });
    expect(run.code).toBe(1);
  });

  describe('every code of the two steps, through the built CLI', () => {
    const TOKEN = 'cli-trakt-token-0000111122223333';
    const nowS = () => Math.floor(Date.now() / 1000);
    const reset = () => {
      stremio.authRedirect = { kind: 'api-host' };
      trakt.state = { kind: 'normal' };
      trakt.approvedClientIds.add(stremio.traktClientId);
      trakt.grant(TOKEN, { username: 'cli_user', vip: true });
      stremio.addAccount({
        ...ACCOUNT,
        trakt: { access_token: TOKEN, created_at: nowS() - 3600, expires_in: 7 * 86400 },
      });
    };
    const withLink = (createdAgo: number, lifetime: number) => () =>
      stremio.addAccount({
        ...ACCOUNT,
        trakt: { access_token: TOKEN, created_at: nowS() - createdAgo, expires_in: lifetime },
      });
    const cases: ReadonlyArray<readonly [string, () => unknown, Readonly<Record<string, string>> | null]> = [
      ['STREMIO_NOT_SIGNED_IN', () => undefined, {}],
      ['STREMIO_AUTH_INVALID', () => undefined, { STREMIO_AUTH_KEY: 'revoked-auth-key-000000000000' }],
      ['TRAKT_NOT_LINKED', () => stremio.addAccount({ ...ACCOUNT, trakt: null }), null],
      ['TRAKT_TOKEN_EXPIRED', withLink(3 * 86400, 86400), null],
      ['TRAKT_TOKEN_EXPIRING', withLink(20 * 3600, 86400), null],
      ['AUTH_URL_WRONG_HOST', () => undefined, null],
      ['AUTH_REDIRECT_FAILED', () => (stremio.authRedirect = { kind: 'status', status: 504 }), null],
      ['TRAKT_TOKEN_REVOKED', () => trakt.revoke(TOKEN), null],
      ['TRAKT_APP_UNAPPROVED', () => trakt.approvedClientIds.delete(stremio.traktClientId), null],
      ['CLOUDFLARE_BLOCKED', () => (trakt.state = { kind: 'cloudflare-block' }), null],
      ['TRAKT_ACCOUNT_LOCKED', () => trakt.grant(TOKEN, { username: 'cli_user', locked: true }), null],
      ['TRAKT_ACCOUNT_DEACTIVATED', () => trakt.grant(TOKEN, { username: 'cli_user', deactivated: true }), null],
      ['TRAKT_VIP_REQUIRED', () => (trakt.state = { kind: 'vip-only' }), null],
      ['TRAKT_ACCOUNT_LIMIT', () => (trakt.state = { kind: 'account-limit' }), null],
      ['TRAKT_RATE_LIMITED', () => (trakt.state = { kind: 'rate-limited', retryAfter: '60' }), null],
    ];
    it.each(cases)('%s', async (code, arrange, env) => {
      reset();
      arrange();
      const run = await runCli(
        ['diagnose', '--json', '--config', cfg, '--steps', 'token,revoked'],
        env ?? { STREMIO_AUTH_KEY: ACCOUNT.authKey },
      );
      const report = ReportSchema.parse(JSON.parse(run.stdout));
      expect(report.findings.map((f) => f.problem)).toContain(code);
      expect(run.code).toBe(report.findings.some((f) => f.severity === 'critical') ? 1 : 0);
    });

    it('CACHED_PROFILE_STALE (the profile Stremio stored under the search root)', async () => {
      reset();
      await plantLocalStorage(
        world.home,
        WEBVIEW2_LEVELDB,
        'https://web.stremio.com',
        coreProfile({
          authKey: ACCOUNT.authKey,
          user: userBody({
            ...ACCOUNT,
            trakt: { access_token: 'old', created_at: nowS() - 9 * 86400, expires_in: 86400 },
          }),
        }),
      );
      const run = await runCli(['diagnose', '--json', '--config', cfg, '--steps', 'cache'], {
        STREMIO_AUTH_KEY: ACCOUNT.authKey,
      });
      const report = ReportSchema.parse(JSON.parse(run.stdout));
      expect(report.checks.find((c) => c.id === 'cache.cached-profile')).toMatchObject({
        verdict: 'warn',
        problems: ['CACHED_PROFILE_STALE'],
      });
    });
  });
});
