import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../shared/report';
import { installTokenWorld, type StremioEmulator } from '../kit/emulators/stremio';
import type { TraktApiEmulator } from '../kit/emulators/trakt-api';
import { runCli } from '../kit/run-cli';
import { startWorld, type World } from '../kit/world';

const ACCOUNT = { id: '6a7b8c9d0e1f2a3b4c5d6e7f', email: 'cli.viewer@example.org', password: 'cli password 123', authKey: 'cli-auth-key-abcdef0123456789abcd' };

describe('the Token and Revoked steps through the CLI', () => {
  let world: World;
  let stremio: StremioEmulator;
  let trakt: TraktApiEmulator;
  let cfg: string;
  beforeAll(async () => {
    world = await startWorld();
    ({ stremio, trakt } = installTokenWorld(world));
    // The CLI runs on the real clock: a link issued an hour ago for 7 days is valid.
    stremio.addAccount({ ...ACCOUNT, trakt: { access_token: 'cli-trakt-token-0000111122223333', created_at: Math.floor(Date.now() / 1000) - 3600, expires_in: 7 * 86400 } });
    trakt.grant('cli-trakt-token-0000111122223333', { username: 'cli_user', vip: true });
    cfg = await world.writeConfig();
  });
  afterAll(() => world.close());

  it('without credentials the steps are skipped with the reason, and --auth-url is still analysed (exit 1, corrected link printed)', async () => {
    const pasted = `${world.traktApi.origin}/auth/signin?utm_source=stremio`;
    const run = await runCli(['diagnose', '--config', cfg, '--steps', 'token,revoked', '--auth-url', pasted]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[SKIP] Stremio account: Not signed in');
    expect(run.stdout).toContain('AUTH_URL_WRONG_HOST');
    // /auth/signin is the website's page: corrected on the website host, its parameter kept.
    expect(run.stdout).toContain(`→ Open the corrected sign-in link: ${world.traktWeb.origin}/auth/signin?utm_source=stremio`);
    expect(run.stderr).toMatch(/SKIP\s+revoked\.users-settings/);
  });

  it('STREMIO_AUTH_KEY: the JSON report carries the link state and Trakt\'s answer', async () => {
    const run = await runCli(['diagnose', '--json', '--config', cfg, '--steps', 'revoked'], { STREMIO_AUTH_KEY: ACCOUNT.authKey });
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    expect(byId['token.trakt-token']).toMatchObject({ verdict: 'pass' });
    expect(byId['revoked.users-settings']).toMatchObject({ verdict: 'pass', details: { account: { username: 'cli_user', vip: true } } });
    expect(report.findings.map((f) => f.problem)).toContain('AUTH_URL_WRONG_HOST');
    expect(run.code).toBe(1);
  });

  it('STREMIO_EMAIL + STREMIO_PASSWORD with a wrong password: STREMIO_AUTH_INVALID, exit 1', async () => {
    const run = await runCli(['diagnose', '--json', '--config', cfg, '--steps', 'token'], { STREMIO_EMAIL: ACCOUNT.email, STREMIO_PASSWORD: 'wrong' });
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    expect(report.findings[0]).toMatchObject({ problem: 'STREMIO_AUTH_INVALID', severity: 'critical' });
    expect(run.code).toBe(1);
  });
});
