import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StremioCredentials } from '../../electron/engine/runtime/credentials';
import { REVOKED_CHECKS } from '../../electron/engine/checks/revoked';
import { TOKEN_CHECKS } from '../../electron/engine/checks/token';
import { diagnose } from '../kit/diagnose';
import { ReportSchema, type Report } from '../../shared/report';
import { PROBLEMS, TRAKT_CONNECTED_APPS_URL } from '../../shared/problems';
import { installTokenWorld, type StremioEmulator } from '../kit/emulators/stremio';
import type { TraktApiEmulator } from '../kit/emulators/trakt-api';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const HOUR = 3600;
const ACCOUNT = {
  id: '5f1e0c9a8b7d6e5f4a3b2c1d',
  email: 'viewer@example.org',
  password: 'correct horse battery',
  authKey: 'stremio-auth-key-0123456789abcdef0123',
};
const TRAKT_TOKEN = 'trakt-token-9f8e7d6c5b4a39281706';

const linkFor = (createdAgoHours: number, lifetimeHours: number) => ({
  access_token: TRAKT_TOKEN,
  created_at: NOW / 1000 - createdAgoHours * HOUR,
  expires_in: lifetimeHours * HOUR,
});
const check = (report: Report, id: string) => report.checks.find((c) => c.id === id)!;
const finding = (report: Report, code: string) => report.findings.find((f) => f.problem === code);

describe('Token and Revoked-access steps against emulated Stremio and Trakt', () => {
  let world: World;
  let stremio: StremioEmulator;
  let trakt: TraktApiEmulator;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    ({ stremio, trakt } = installTokenWorld(world));
  });
  afterAll(() => world.close());
  beforeEach(() => {
    stremio.authRedirect = { kind: 'api-host' };
    stremio.apiMode = 'normal';
    trakt.state = { kind: 'normal' };
    stremio.addAccount({ ...ACCOUNT, trakt: linkFor(24, 7 * 24) });
    trakt.grant(TRAKT_TOKEN, { username: 'sofa_watcher' });
  });

  const run = async (credentials?: StremioCredentials, authUrl?: string, nowMs = NOW) => {
    const ctx = await contextFor(world, {}, { now: () => nowMs });
    const report = await diagnose(
      ctx,
      { steps: ['token', 'revoked'], ...(credentials ? { credentials } : {}), ...(authUrl ? { authUrl } : {}) },
      {},
      [...TOKEN_CHECKS, ...REVOKED_CHECKS],
    );
    expect(ReportSchema.safeParse(report).success).toBe(true);
    return report;
  };
  const withKey: StremioCredentials = { kind: 'auth-key', authKey: ACCOUNT.authKey };

  it('without credentials: STREMIO_NOT_SIGNED_IN and every dependent check skipped with that reason', async () => {
    const report = await run();
    expect(check(report, 'token.stremio-account')).toMatchObject({
      verdict: 'skipped',
      problems: ['STREMIO_NOT_SIGNED_IN'],
    });
    for (const id of ['token.trakt-token', 'token.auth-redirect', 'revoked.users-settings']) {
      expect(check(report, id).verdict).toBe('skipped');
      expect(check(report, id).summary).toContain('Stremio account');
    }
    expect(finding(report, 'STREMIO_NOT_SIGNED_IN')).toMatchObject({ severity: 'info' });
    expect(stremio.apiRequests('login')).toHaveLength(0);
  });

  it("a wrong password → STREMIO_AUTH_INVALID with Stremio's message; a bad auth key too", async () => {
    const wrong = await run({ kind: 'password', email: ACCOUNT.email, password: 'not the password' });
    expect(check(wrong, 'token.stremio-account')).toMatchObject({
      verdict: 'fail',
      problems: ['STREMIO_AUTH_INVALID'],
    });
    expect(check(wrong, 'token.stremio-account').summary).toContain('Wrong passphrase');
    expect(finding(wrong, 'STREMIO_AUTH_INVALID')).toMatchObject({ severity: 'critical' });
    const sent = JSON.parse(stremio.apiRequests('login').at(-1)!.body) as Record<string, unknown>;
    expect(sent).toEqual({ type: 'Login', email: ACCOUNT.email, password: 'not the password', facebook: false });
    const badKey = await run({ kind: 'auth-key', authKey: 'expired-auth-key-000000000000' });
    expect(check(badKey, 'token.stremio-account').problems).toEqual(['STREMIO_AUTH_INVALID']);
    expect(JSON.parse(stremio.apiRequests('getUser').at(-1)!.body)).toEqual({
      type: 'GetUser',
      authKey: 'expired-auth-key-000000000000',
    });
  });

  it("a healthy account on today's Stremio: valid link, AUTH_URL_WRONG_HOST with the corrected link, Trakt accepts the token", async () => {
    const report = await run({ kind: 'password', email: ACCOUNT.email, password: ACCOUNT.password });
    expect(check(report, 'token.trakt-token')).toMatchObject({ verdict: 'pass' });
    expect(check(report, 'token.trakt-token').summary).toMatch(/valid until .*\(6 days left\)/);
    expect(check(report, 'token.trakt-token').details).toMatchObject({
      token: 'present',
      expiresAt: '2026-12-01T10:00:00.000Z',
      lifetimeHours: 168,
    });
    const wrongHost = finding(report, 'AUTH_URL_WRONG_HOST')!;
    expect(wrongHost.severity).toBe('critical');
    const corrected = new URL(wrongHost.fix.action!.kind === 'open-url' ? wrongHost.fix.action!.url : '');
    // Links shown to the user carry the real host name, never the test port.
    expect(corrected.origin).toBe('https://auth.trakt.tv');
    expect(corrected.pathname).toBe('/oauth/authorize');
    expect(Object.fromEntries(corrected.searchParams)).toEqual({
      response_type: 'code',
      client_id: stremio.traktClientId,
      redirect_uri: 'https://www.strem.io/trakt/auth_cb',
    });
    expect(wrongHost.fix.action).toMatchObject({ kind: 'open-url', label: 'Open the corrected sign-in link' });
    expect(check(report, 'revoked.users-settings')).toMatchObject({ verdict: 'pass', problems: [] });
    expect(check(report, 'revoked.users-settings').details).toMatchObject({
      account: { vip: false, limits: { listCount: 2 } },
    });
    // Trakt was asked with Stremio's client_id, as seen in its own redirect.
    expect(trakt.settingsRequests().at(-1)!.headers['trakt-api-key']).toBe(stremio.traktClientId);
  });

  it('Stremio fixed the host: the redirect check passes', async () => {
    stremio.authRedirect = { kind: 'auth-host' };
    const report = await run(withKey);
    expect(check(report, 'token.auth-redirect')).toMatchObject({ verdict: 'pass', problems: [] });
    expect(finding(report, 'AUTH_URL_WRONG_HOST')).toBeUndefined();
  });

  it('not linked → TRAKT_NOT_LINKED, and the revoked step has nothing to test', async () => {
    stremio.addAccount({ ...ACCOUNT, trakt: null });
    const report = await run(withKey);
    expect(check(report, 'token.trakt-token')).toMatchObject({ verdict: 'warn', problems: ['TRAKT_NOT_LINKED'] });
    expect(check(report, 'revoked.users-settings')).toMatchObject({ verdict: 'skipped' });
    expect(check(report, 'revoked.users-settings').summary).toContain('not linked');
  });

  it('a malformed user.trakt is read like Stremio reads it (absent), never guessed', async () => {
    stremio.addAccount({ ...ACCOUNT, trakt: { access_token: 42, created_at: 'yesterday' } });
    const report = await run(withKey);
    expect(check(report, 'token.trakt-token')).toMatchObject({
      verdict: 'warn',
      problems: ['TRAKT_NOT_LINKED'],
      details: { unreadable: true },
    });
  });

  it('expired 3 days ago → TRAKT_TOKEN_EXPIRED saying how long ago; Trakt is not asked', async () => {
    stremio.addAccount({ ...ACCOUNT, trakt: linkFor(24 * 4, 24) });
    const before = trakt.settingsRequests().length;
    const report = await run(withKey);
    expect(check(report, 'token.trakt-token')).toMatchObject({
      verdict: 'fail',
      problems: ['TRAKT_TOKEN_EXPIRED'],
      details: { token: 'expired' },
    });
    expect(check(report, 'token.trakt-token').summary).toContain('expired 3 days ago');
    expect(finding(report, 'TRAKT_TOKEN_EXPIRED')!.evidence[0]).toContain('expired 3 days ago');
    expect(check(report, 'token.trakt-token').details.sources).toEqual(
      expect.arrayContaining([expect.stringContaining('stremio-bugs/issues/1389')]),
    );
    expect(check(report, 'revoked.users-settings').verdict).toBe('skipped');
    expect(trakt.settingsRequests().length).toBe(before);
  });

  it('expired, made before Trakt’s OAuth migration → TRAKT_TOKEN_EXPIRED says it can never be renewed, with both dates', async () => {
    // A 7-day link Stremio stored on 2026-07-01 (trakt-api#888: such refresh tokens can no longer be exchanged).
    const made = Date.parse('2026-07-01T18:30:00Z') / 1000;
    stremio.addAccount({
      ...ACCOUNT,
      trakt: { access_token: TRAKT_TOKEN, created_at: made, expires_in: 7 * 24 * HOUR },
    });
    const report = await run(withKey);
    const token = check(report, 'token.trakt-token');
    expect(token).toMatchObject({
      verdict: 'fail',
      problems: ['TRAKT_TOKEN_EXPIRED'],
      details: { preMigration: true },
    });
    expect(token.summary).toBe(
      'The Trakt link expired 139 days ago (on Jul 8, 2026, 6:30 PM). It was made on Jul 1, 2026, before Trakt moved its sign-in to a new system on Jul 23, 2026: Trakt can never renew it. Authenticate again once: the new link does not have that problem.',
    );
    const expired = finding(report, 'TRAKT_TOKEN_EXPIRED')!;
    expect(expired.variant).toBe('preMigration');
    expect(expired.evidence[0]).toContain(
      "made 2026-07-01, before Trakt's OAuth migration of 2026-07-23: a refresh token that old can no longer be exchanged (trakt/trakt-api#888)",
    );
    expect(expired.explanation).toContain('before Trakt moved its sign-in to a new system on July 23, 2026');
    expect(expired.explanation).toContain('that fixes it for good');
    expect(expired.fix.title).toBe('Authenticate again, once');
    // Not the advice from before the migration: "if it expires again within 1–7 days, Stremio did not renew it".
    expect(expired.fix.steps.join(' ')).not.toContain('1–7 days');
    expect(token.summary).not.toContain('1–7 days');

    // A link of the migration day itself is not called pre-migration (no source gives the hour).
    const sameDay = Date.parse('2026-07-23T08:00:00Z') / 1000;
    stremio.addAccount({
      ...ACCOUNT,
      trakt: { access_token: TRAKT_TOKEN, created_at: sameDay, expires_in: 7 * 24 * HOUR },
    });
    const later = finding(await run(withKey), 'TRAKT_TOKEN_EXPIRED')!;
    expect(later).not.toHaveProperty('variant');
    expect(later.explanation).toBe(PROBLEMS.TRAKT_TOKEN_EXPIRED.explanation);
  });

  it('expiring in 5 hours → TRAKT_TOKEN_EXPIRING', async () => {
    stremio.addAccount({ ...ACCOUNT, trakt: linkFor(19, 24) });
    const report = await run(withKey);
    expect(check(report, 'token.trakt-token')).toMatchObject({ verdict: 'warn', problems: ['TRAKT_TOKEN_EXPIRING'] });
    // The summary says durations in Intl's short units ({{left, duration}}); the evidence line keeps English words.
    expect(check(report, 'token.trakt-token').summary).toContain('only 5 hr left');
    expect(finding(report, 'TRAKT_TOKEN_EXPIRING')!.evidence[0]).toContain('expires in 5 hours');
    expect(finding(report, 'TRAKT_TOKEN_EXPIRING')!.severity).toBe('info');
  });

  it.each([
    ['a 500 from Stremio', { kind: 'status', status: 500, body: 'Internal Server Error' }, /HTTP 500/],
    ['a 404 "not found"', { kind: 'status', status: 404 }, /HTTP 404/],
    ['no redirect at all', { kind: 'no-redirect' }, /without redirecting/],
    ['a Location that is not a URL', { kind: 'location', location: 'http://[::1' }, /not a web address/],
    ['a redirect loop', { kind: 'loop' }, /loop/],
    [
      'a redirect to an unrelated page',
      { kind: 'location', location: 'https://www.stremio.com/login' },
      /instead of Trakt/,
    ],
    [
      'a 30 MB page instead of a redirect',
      { kind: 'status', status: 200, body: 'x'.repeat(30 * 1024 * 1024) },
      /without redirecting/,
    ],
  ] as const)('%s → AUTH_REDIRECT_FAILED', async (_what, behaviour, summary) => {
    stremio.authRedirect = behaviour;
    const started = Date.now();
    const report = await run(withKey);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(check(report, 'token.auth-redirect')).toMatchObject({ verdict: 'fail', problems: ['AUTH_REDIRECT_FAILED'] });
    expect(check(report, 'token.auth-redirect').summary).toMatch(summary);
    // Without Stremio's client_id, Trakt cannot be asked honestly.
    expect(check(report, 'revoked.users-settings')).toMatchObject({ verdict: 'skipped' });
  });

  it('a black-holed api.strem.io: the account check could not complete (no verdict on the account), dependents skipped', async () => {
    world.stremioApi.fault = 'blackhole';
    try {
      const started = Date.now();
      const report = await run(withKey);
      expect(Date.now() - started).toBeLessThan(1500 + 2500);
      expect(check(report, 'token.stremio-account')).toMatchObject({
        verdict: 'error',
        problems: [],
        details: { failedLayer: 'timeout' },
      });
      expect(report.findings.map((f) => f.problem)).not.toContain('STREMIO_AUTH_INVALID');
      expect(check(report, 'revoked.users-settings').verdict).toBe('skipped');
    } finally {
      world.stremioApi.fault = 'normal';
    }
  });

  it('a black-holed www.strem.io costs one probe timeout and blames no layer it did not reach', async () => {
    world.stremioWeb.fault = 'blackhole';
    try {
      const started = Date.now();
      const report = await run(withKey);
      expect(Date.now() - started).toBeLessThan(1500 + 2500);
      expect(check(report, 'token.auth-redirect')).toMatchObject({
        verdict: 'error',
        problems: [],
        details: { failedLayer: 'timeout' },
      });
      expect(check(report, 'token.trakt-token').verdict).toBe('pass');
    } finally {
      world.stremioWeb.fault = 'normal';
    }
  });

  it('revoked on Trakt (401 with a link valid by time) → TRAKT_TOKEN_REVOKED with the re-link steps and connected apps', async () => {
    trakt.revoke(TRAKT_TOKEN);
    const report = await run(withKey);
    expect(check(report, 'revoked.users-settings')).toMatchObject({
      verdict: 'fail',
      problems: ['TRAKT_TOKEN_REVOKED'],
    });
    const revoked = finding(report, 'TRAKT_TOKEN_REVOKED')!;
    expect(revoked.fix.action).toMatchObject({ kind: 'open-url', url: TRAKT_CONNECTED_APPS_URL });
    expect(revoked.fix.steps.join(' ')).toMatch(/revoke.*Log out.*Authenticate.*Sync now/s);
    expect(revoked.evidence[0]).toContain('401');
  });

  it('a 401 on a link valid by time but made before the OAuth migration → TRAKT_TOKEN_REVOKED: re-authenticate once', async () => {
    // 2026-07-28: a 7-day link made on 2026-07-22 is still valid by time, and Trakt answers 401 (trakt-api#922).
    const nowMs = Date.parse('2026-07-28T10:00:00Z');
    const made = Date.parse('2026-07-22T09:00:00Z') / 1000;
    stremio.addAccount({
      ...ACCOUNT,
      trakt: { access_token: TRAKT_TOKEN, created_at: made, expires_in: 7 * 24 * HOUR },
    });
    trakt.revoke(TRAKT_TOKEN);
    const report = await run(withKey, undefined, nowMs);
    expect(check(report, 'revoked.users-settings')).toMatchObject({
      verdict: 'fail',
      problems: ['TRAKT_TOKEN_REVOKED'],
    });
    const revoked = finding(report, 'TRAKT_TOKEN_REVOKED')!;
    expect(revoked.variant).toBe('preMigration');
    expect(revoked.evidence[0]).toMatch(
      /→ 401 from Trakt's server.*the link was made 2026-07-22, before Trakt's OAuth migration of 2026-07-23/,
    );
    expect(revoked.explanation).toContain('made before Trakt moved its sign-in to a new system on July 23, 2026');
    expect(revoked.explanation).toContain('that fixes it for good');
  });

  it('Cloudflare’s temporary ban on /users/settings (error 1015, 429) → CLOUDFLARE_BLOCKED “temporary”, not Trakt’s rate limit', async () => {
    trakt.state = { kind: 'cloudflare-ban' };
    const report = await run(withKey);
    expect(check(report, 'revoked.users-settings')).toMatchObject({
      verdict: 'fail',
      problems: ['CLOUDFLARE_BLOCKED'],
      details: { status: 429, responder: 'cloudflare', answer: 'cloudflare-blocked' },
    });
    const blocked = finding(report, 'CLOUDFLARE_BLOCKED')!;
    expect(blocked.evidence[0]).toBe(
      `revoked.users-settings: GET /users/settings → 429 from Cloudflare's edge (no Trakt server headers) (Cloudflare's temporary ban, error 1015, "banned you temporarily", Retry-After 600, cf-ray 9ef469ee4fdf9d70-AMS, no x-runtime)`,
    );
    expect(blocked).toMatchObject({ variant: 'temporary', fix: { title: 'Wait, then try again' } });
    expect(finding(report, 'TRAKT_RATE_LIMITED')).toBeUndefined();
  });

  it.each([
    ['an origin 403', () => trakt.approvedClientIds.delete(stremio.traktClientId), 'TRAKT_APP_UNAPPROVED', 'fail'],
    ['a Cloudflare 403', () => (trakt.state = { kind: 'cloudflare-block' }), 'CLOUDFLARE_BLOCKED', 'fail'],
    [
      'a locked account',
      () => trakt.grant(TRAKT_TOKEN, { username: 'x', locked: true }),
      'TRAKT_ACCOUNT_LOCKED',
      'fail',
    ],
    [
      'a deactivated account',
      () => trakt.grant(TRAKT_TOKEN, { username: 'x', deactivated: true }),
      'TRAKT_ACCOUNT_DEACTIVATED',
      'fail',
    ],
    ['426', () => (trakt.state = { kind: 'vip-only' }), 'TRAKT_VIP_REQUIRED', 'warn'],
    ['420', () => (trakt.state = { kind: 'account-limit' }), 'TRAKT_ACCOUNT_LIMIT', 'warn'],
    [
      '429',
      () =>
        (trakt.state = {
          kind: 'rate-limited',
          retryAfter: '30',
          xRatelimit: '{"name":"AUTHED_API_GET_LIMIT","period":300,"limit":1000,"remaining":0}',
        }),
      'TRAKT_RATE_LIMITED',
      'warn',
    ],
  ] as const)('%s → its problem code', async (_what, arrange, code, verdict) => {
    arrange();
    try {
      const report = await run(withKey);
      expect(check(report, 'revoked.users-settings')).toMatchObject({ verdict, problems: [code] });
      expect(finding(report, code)).toBeDefined();
    } finally {
      trakt.approvedClientIds.add(stremio.traktClientId);
    }
  });

  it('the pasted address of the 400 page is analysed without any account: the corrected link is the template (issue 20 N1)', async () => {
    const pasted = `${world.traktApi.origin}/oauth/authorize?response_type=code&client_id=${stremio.traktClientId}&redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb&prompt=login`;
    const report = await run(undefined, pasted);
    expect(check(report, 'token.pasted-url')).toMatchObject({ verdict: 'fail', problems: ['AUTH_URL_WRONG_HOST'] });
    const action = finding(report, 'AUTH_URL_WRONG_HOST')!.fix.action!;
    expect(action.kind === 'open-url' && action.url).toBe(
      `https://auth.trakt.tv/oauth/authorize?response_type=code&client_id=${stremio.traktClientId}&redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb`,
    );
  });

  it("pasted garbage and Stremio's callback page are classified, not guessed", async () => {
    const garbage = await run(undefined, 'not a url at all');
    expect(check(garbage, 'token.pasted-url')).toMatchObject({ verdict: 'warn', problems: [] });
    const callback = await run(undefined, `${world.stremioWeb.origin}/trakt/auth_cb?code=one-time-code-abcdef123456`);
    expect(check(callback, 'token.pasted-url')).toMatchObject({ verdict: 'fail', problems: ['AUTH_REDIRECT_FAILED'] });
    expect(JSON.stringify(callback)).not.toContain('one-time-code-abcdef123456');
  });

  it.each([
    ['garbage JSON', 'garbage', 'error', []],
    ['a 30 MB body', 'huge', 'error', []],
    ['a 502 outage page', 'outage', 'error', ['SERVICE_OUTAGE']],
  ] as const)('api.strem.io answering %s is classified, bounded in time', async (_what, mode, verdict, problems) => {
    stremio.apiMode = mode;
    const started = Date.now();
    const report = await run(withKey);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(check(report, 'token.stremio-account')).toMatchObject({ verdict, problems });
    expect(check(report, 'token.trakt-token').verdict).toBe('skipped');
  });
});
