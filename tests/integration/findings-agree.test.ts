import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../kit/diagnose';
import { DiagnosisSession } from '../../electron/engine/session/diagnosis-session';
import type { Report } from '../../shared/report';
import type { StepName } from '../../shared/steps';
import { installTokenWorld, type StremioEmulator } from '../kit/emulators/stremio';
import type { TraktApiEmulator } from '../kit/emulators/trakt-api';
import { startProxy } from '../kit/emulators/proxy';
import { contextFor } from '../kit/engine';
import { holdBehindHotelPortal } from '../kit/hotel-portal';
import { startWorld, TRAKT_ORIGIN_HEADERS, type World } from '../kit/world';

// docs/architecture.md "Findings agree": each world below made two checks contradict each other before the
// session reconciled them (a critical finding next to the pass that disproves it, a verdict another check's
// evidence refutes). Each test names the contradiction and asserts the reconciled report.

const ACCOUNT = {
  id: '5e6f7a8b9c0d1e2f3a4b5c6d',
  email: 'agree.viewer@example.org',
  password: 'agree password 123',
  authKey: 'agree-auth-key-00112233445566778899',
};
const TOKEN = 'agree-trakt-token-0123456789';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('findings agree across checks (the session reconciles them)', () => {
  let world: World;
  let stremio: StremioEmulator;
  let trakt: TraktApiEmulator;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1000 });
    ({ stremio, trakt } = installTokenWorld(world, 'forwarding'));
  });
  afterAll(() => world.close());
  afterEach(() => {
    world.captivePortal.route('GET', '/generate_204', { status: 204 });
    world.traktWeb.fallback({
      status: 200,
      headers: { ...TRAKT_ORIGIN_HEADERS, 'content-type': 'text/html' },
      body: '<!doctype html><title>Trakt</title>',
    });
    for (const host of ['trakt.tv', 'api.trakt.tv', 'auth.trakt.tv'])
      world.dns(host, { kind: 'records', a: ['127.0.0.1'] });
  });

  /** A Trakt link made `createdAgoMs` before the real time, lasting `lifetimeMs`; Trakt accepts it unless refused. */
  const link = (createdAgoMs: number, lifetimeMs = 7 * DAY, refused = false) => {
    stremio.addAccount({
      ...ACCOUNT,
      trakt: {
        access_token: TOKEN,
        created_at: Math.floor((Date.now() - createdAgoMs) / 1000),
        expires_in: Math.floor(lifetimeMs / 1000),
      },
    });
    trakt.grant(TOKEN, { username: 'agree_user' });
    if (refused) trakt.revoke(TOKEN);
  };

  const run = async (steps: StepName[], options: { env?: Record<string, string>; clockOffsetMs?: number } = {}) => {
    const offset = options.clockOffsetMs ?? 0;
    const ctx = await contextFor(world, {}, { env: options.env ?? {}, now: () => Date.now() + offset });
    return diagnose(ctx, { steps, credentials: { kind: 'auth-key', authKey: ACCOUNT.authKey } });
  };
  const check = (report: Report, id: string) => report.checks.find((c) => c.id === id)!;
  const finding = (report: Report, code: string) => report.findings.find((f) => f.problem === code);

  it('a redirected portal probe while every service answers over trusted TLS is a warning, not critical', async () => {
    world.captivePortal.route('GET', '/generate_204', {
      status: 302,
      headers: { location: 'http://login.hotel.example/portal' },
      body: '<html>Please log in</html>',
    });
    const report = await run(['connectivity']);
    // Before: "Critical: a sign-in page blocks the internet" next to "Pass — all 5 hosts answer".
    expect(check(report, 'connectivity.summary').verdict).toBe('pass');
    expect(check(report, 'connectivity.tls').verdict).toBe('pass');
    expect(finding(report, 'CAPTIVE_PORTAL')).toMatchObject({ severity: 'warning' });
    expect(finding(report, 'CAPTIVE_PORTAL')!.evidence[0]).toMatch(
      /answered 302 .*; yet every service answered over trusted TLS/,
    );
    expect(check(report, 'connectivity.captive-portal')).toMatchObject({
      verdict: 'warn',
      problems: ['CAPTIVE_PORTAL'],
      message: { key: 'checks-connectivity:captive-portal.servicesAnswer' },
    });
    expect(report.findings.filter((f) => f.severity === 'critical')).toEqual([]);
  });

  it('a portal stays critical when a service does not answer (the evidence does not clear it)', async () => {
    world.captivePortal.route('GET', '/generate_204', { status: 511, body: 'Accept the terms' });
    world.dns('auth.trakt.tv', { kind: 'nxdomain' });
    const report = await run(['connectivity']);
    expect(finding(report, 'CAPTIVE_PORTAL')).toMatchObject({ severity: 'critical' });
    expect(check(report, 'connectivity.captive-portal').verdict).toBe('fail');
  });

  it('a portal that holds every service is the one critical finding: the blocked connections are its effect', async () => {
    const signIn = holdBehindHotelPortal(world);
    try {
      const report = await run(['connectivity']);
      expect(check(report, 'connectivity.tcp').verdict).toBe('fail');
      // Before: TCP_BLOCKED ("allow the hosts in your firewall") as critical as the portal, and ranked first.
      expect(report.findings.filter((f) => f.severity === 'critical').map((f) => f.problem)).toEqual([
        'CAPTIVE_PORTAL',
      ]);
      expect(finding(report, 'TCP_BLOCKED')).toMatchObject({ severity: 'warning' });
      expect(finding(report, 'TCP_BLOCKED')!.evidence[0]).toMatch(/a captive portal on this network holds connections/);
    } finally {
      signIn();
    }
  });

  it('DNS filtered on this computer but every filtered host answers over trusted TLS through the proxy: a warning, and the verdict does not count them as failing', async () => {
    const proxy = await startProxy();
    try {
      for (const host of ['trakt.tv', 'api.trakt.tv', 'auth.trakt.tv'])
        world.dns(host, { kind: 'records', a: ['0.0.0.0'] }, 'system');
      const url = `http://127.0.0.1:${proxy.port}`;
      const report = await run(['connectivity'], { env: { https_proxy: url, http_proxy: url } });
      // Before: critical DNS_FILTERED and "3 of 5 hosts have a problem" next to "All 5 hosts answered".
      expect(check(report, 'connectivity.http')).toMatchObject({ verdict: 'pass' });
      expect(finding(report, 'DNS_FILTERED')).toMatchObject({ severity: 'warning' });
      expect(check(report, 'connectivity.dns')).toMatchObject({
        verdict: 'warn',
        message: { key: 'checks-connectivity:dns.filteredBehindProxy' },
      });
      expect(check(report, 'connectivity.summary').summary).toBe(
        'All 5 hosts answer through the proxy, though DNS on this computer is filtered for trakt.tv, api.trakt.tv, and auth.trakt.tv.',
      );
    } finally {
      await proxy.close();
    }
  });

  it('DNS filtered without a proxy stays critical: nothing reached the filtered hosts', async () => {
    for (const host of ['trakt.tv', 'api.trakt.tv', 'auth.trakt.tv'])
      world.dns(host, { kind: 'records', a: ['0.0.0.0'] }, 'system');
    const report = await run(['connectivity']);
    expect(finding(report, 'DNS_FILTERED')).toMatchObject({ severity: 'critical' });
    expect(check(report, 'connectivity.dns').verdict).toBe('fail');
  });

  it("Cloudflare blocks the probe of trakt.tv's home page while Trakt's sign-in on trakt.tv answers: a warning", async () => {
    link(HOUR);
    world.traktWeb.fallback({
      status: 403,
      headers: { server: 'cloudflare', 'cf-ray': '8f3a1b2c4d5e6f70-AMS', 'content-type': 'text/html' },
      body: '<!doctype html><title>Attention Required! | Cloudflare</title>',
    });
    const report = await run(['connectivity', 'token']);
    // Before: critical "Trakt's firewall blocks this connection" next to "reaches Trakt's sign-in page" (a pass).
    expect(check(report, 'token.auth-redirect').verdict).toBe('pass');
    expect(finding(report, 'CLOUDFLARE_BLOCKED')).toMatchObject({ severity: 'warning' });
    expect(check(report, 'connectivity.http')).toMatchObject({
      verdict: 'warn',
      summary: "Cloudflare blocked the probe of trakt.tv, but Trakt's sign-in on the same host answered.",
    });
  });

  it('Trakt refuses (401) a link valid by time: no "valid" pass and no "expires soon" finding beside the refusal', async () => {
    link(7 * DAY - 2 * HOUR, 7 * DAY, true);
    const report = await run(['token', 'revoked']);
    expect(finding(report, 'TRAKT_TOKEN_REVOKED')).toMatchObject({ severity: 'critical' });
    // Before: TRAKT_TOKEN_EXPIRING ("re-authenticate when it expires") and a token check that only warned of it.
    expect(finding(report, 'TRAKT_TOKEN_EXPIRING')).toBeUndefined();
    expect(check(report, 'token.trakt-token')).toMatchObject({
      verdict: 'warn',
      problems: [],
      message: { key: 'checks-token:trakt-token.validButRefused' },
    });
    link(HOUR, 7 * DAY, true);
    const valid = await run(['token', 'revoked']);
    // Before: "Trakt is linked and valid until … (6 days left)" as a pass.
    expect(check(valid, 'token.trakt-token').verdict).toBe('warn');
    expect(check(valid, 'token.trakt-token').summary).toMatch(/but Trakt refuses it \(see Revoked access\)\.$/);
  });

  it('a clock days ahead makes a valid link look expired: the clock is the critical finding, the expiry is not one', async () => {
    link(HOUR);
    const report = await run(['connectivity', 'token', 'revoked'], { clockOffsetMs: 8 * DAY });
    // Before: critical TRAKT_TOKEN_EXPIRED ("authenticate again", which cannot help while the clock is wrong).
    expect(finding(report, 'TRAKT_TOKEN_EXPIRED')).toBeUndefined();
    const clock = finding(report, 'CLOCK_SKEW')!;
    expect(clock.severity).toBe('critical');
    expect(clock.evidence.join('\n')).toMatch(/looks expired only by this computer's clock/);
    expect(check(report, 'token.trakt-token')).toMatchObject({
      verdict: 'warn',
      problems: [],
      message: { key: 'checks-token:trakt-token.expiredByClock' },
    });
    expect(report.findings[0]!.problem).toBe('CLOCK_SKEW');
  });

  it('a clock behind makes an expired link look valid and Trakt refuses it: one finding, the expiry, not a revocation', async () => {
    // Expired 5 minutes ago by the servers' (real) clock; this computer's clock is 10 minutes behind.
    link(7 * DAY + 5 * 60_000);
    trakt.revoke(TOKEN);
    const report = await run(['connectivity', 'token', 'revoked'], { clockOffsetMs: -10 * 60_000 });
    expect(finding(report, 'TRAKT_TOKEN_REVOKED')).toBeUndefined();
    expect(finding(report, 'TRAKT_TOKEN_EXPIRING')).toBeUndefined();
    const expired = finding(report, 'TRAKT_TOKEN_EXPIRED')!;
    expect(expired.severity).toBe('critical');
    expect(expired.checks).toEqual(expect.arrayContaining(['token.trakt-token', 'revoked.users-settings']));
    expect(check(report, 'token.trakt-token')).toMatchObject({
      verdict: 'fail',
      message: { key: 'checks-token:trakt-token.expiredByServersClock' },
    });
    expect(check(report, 'revoked.users-settings').summary).toMatch(/The link has expired \(see the Token step\)/);
    expect(check(report, 'revoked.users-settings').summary).not.toMatch(/not expired by time/);
  });

  it('an expired link and an earlier 401 in the same session: the expiry explains the refusal', async () => {
    link(HOUR, 7 * DAY, true);
    const first = await contextFor(world, {}, { now: () => Date.now() });
    const session = new DiagnosisSession({ records: first });
    const credentials = { kind: 'auth-key' as const, authKey: ACCOUNT.authKey };
    await session.run(first, { kind: 'steps', steps: ['token', 'revoked'] }, { credentials });
    // A week later the Token step is run again alone: the link has expired by time; Revoked keeps its 401.
    const later = await contextFor(
      world,
      {},
      { now: () => Date.now() + 8 * DAY, secrets: first.secrets, records: { trace: first.trace, log: first.log } },
    );
    const report = await session.run(later, { kind: 'steps', steps: ['token'] }, { credentials });
    expect(check(report, 'revoked.users-settings').verdict).toBe('fail');
    // Before: TRAKT_TOKEN_EXPIRED and TRAKT_TOKEN_REVOKED ("refuses the link although it has not expired").
    expect(report.findings.map((f) => f.problem)).not.toContain('TRAKT_TOKEN_REVOKED');
    expect(finding(report, 'TRAKT_TOKEN_EXPIRED')!.evidence.join('\n')).toMatch(
      /401 .*; the link had expired, which is why Trakt refuses it/,
    );
    expect(check(report, 'revoked.users-settings').problems).toEqual(['TRAKT_TOKEN_EXPIRED']);
  });
});
