import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import https from 'node:https';
import type { AnyCheck } from '../../electron/engine/runtime/check';
import { oauthDifferentialCheck } from '../../electron/engine/checks/token/oauth-differential';
import type { EngineContext } from '../../electron/engine/runtime/context';
import { diagnose } from '../kit/diagnose';
import { startLoopbackServer } from '../../electron/engine/clients/oauth/loopback-server';
import type { OAuthMode, OAuthProgress } from '../../electron/engine/runtime/oauth-types';
import { requestDeviceCode } from '../../electron/engine/clients/oauth/trakt-oauth-client';
import type { ConfigFile } from '../../electron/engine/core/config';
import { contextFor } from '../kit/engine';
import { checkSummaryText } from '../../shared/i18n/report-text';
import { createTranslator } from '../../shared/i18n/translator';
import { freePort } from '../kit/free-port';
import type { TraktApiEmulator } from '../kit/emulators/trakt-api';
import { installTraktOAuth, installTraktSignIn, type TraktOAuthEmulator } from '../kit/emulators/trakt-oauth';
import { playBrowser, type VisitedPage } from '../kit/emulators/trakt-oauth-browser.mjs';
import { startWorld, TRAKT_ORIGIN_HEADERS, type World } from '../kit/world';

const CLIENT_ID = 'doctor-test-client-0123456789';
const CHECKS: readonly AnyCheck[] = [oauthDifferentialCheck];

describe('differential Trakt sign-in test against the emulated Trakt', () => {
  let world: World;
  let api: TraktApiEmulator;
  let auth: TraktOAuthEmulator;
  let port: number;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());
  beforeEach(async () => {
    port = await freePort();
    ({ api, auth } = installTraktSignIn(world, CLIENT_ID, port));
    world.traktAuth.requests.length = 0;
  });

  /** Runs the test as the engine does, with a browser that does `decision` on the Trakt page. */
  async function run(
    options: {
      mode?: OAuthMode;
      slowDownMs?: number;
      decision?: 'approve' | 'deny' | 'none';
      forge?: number;
      config?: ConfigFile;
      delayMs?: number;
      signal?: AbortSignal;
      locale?: string;
    } = {},
  ) {
    const visits: Promise<VisitedPage[]>[] = [];
    const progress: OAuthProgress[] = [];
    const ctx: EngineContext = await contextFor(
      world,
      { trakt: { clientId: CLIENT_ID, redirectPort: port }, ...options.config },
      {
        ...(options.locale ? { locale: options.locale } : {}),
        openUrl: async (url) => {
          visits.push(
            new Promise((r) => setTimeout(r, options.delayMs ?? 0)).then(() =>
              playBrowser(url, {
                ca: world.ca.caPem,
                decision: options.decision ?? 'approve',
                forge: options.forge ?? 0,
              }),
            ),
          );
        },
      },
    );
    const report = await diagnose(
      ctx,
      {
        steps: ['token'],
        oauth: {
          mode: options.mode ?? 'auto',
          onProgress: (p) => progress.push(p),
          slowDownMs: options.slowDownMs ?? 100,
        },
      },
      options.signal ? { signal: options.signal } : {},
      CHECKS,
    );
    const pages = (await Promise.all(visits)).flat();
    return { report, check: report.checks[0]!, progress, pages, ctx };
  }

  it('signs in with PKCE S256 and state, reads /users/settings, revokes the token, and passes', async () => {
    const { report, check, progress, pages } = await run();
    expect(check.id).toBe('token.oauth-differential');
    expect(check.verdict).toBe('pass');
    expect(check.summary).toContain("Stremio's side");
    expect(check.details).toMatchObject({
      mode: 'loopback',
      // The username names the person: never kept (issue 20 N2).
      settings: { status: 200, vip: false },
      revoked: true,
    });
    // Verified by the emulator, not only by the client.
    expect(auth.checks).toMatchObject({ authorizeAccepted: 1, pkceVerified: 1, pkceFailed: 0, nonJsonRefused: 0 });
    const authorize = auth.authorizeRequests[0]!;
    expect(authorize.codeChallengeMethod).toBe('S256');
    expect(authorize.redirectUri).toBe(`http://127.0.0.1:${port}/callback`);
    expect(Buffer.from(authorize.state ?? '', 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    // Token exchange as JSON with code_verifier, no client_secret; revoke at once.
    const exchange = world.traktAuth.requests.find((r) => r.path === '/oauth/token')!;
    expect(exchange.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(exchange.body) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['client_id', 'code', 'code_verifier', 'grant_type', 'redirect_uri']);
    expect(auth.issuedTokens).toHaveLength(1);
    expect(auth.revokedTokens).toEqual(auth.issuedTokens);
    expect(api.settingsRequests()[0]!.headers.authorization).toBe(`Bearer ${auth.issuedTokens[0]}`);
    // The browser landed on the wizard's page.
    expect(pages.at(-1)).toMatchObject({ status: 200 });
    expect(pages.at(-1)!.body).toContain('return to Stremio Trakt Doctor');
    expect(progress.map((p) => p.phase)).toEqual([
      'starting',
      'waiting-for-browser',
      'exchanging',
      'verifying',
      'revoking',
      'finished',
    ]);
    // No secret leaves the engine: not the state, the code, the verifier or the tokens.
    const text = JSON.stringify(report);
    for (const secret of [authorize.state!, body.code!, body.code_verifier!, auth.issuedTokens[0]!])
      expect(text).not.toContain(secret);
    expect(report.findings).toEqual([]);
  });

  it('reports OAUTH_DENIED when the user presses "No"', async () => {
    const { check, report } = await run({ decision: 'deny' });
    expect(check.verdict).toBe('warn');
    expect(check.problems).toEqual(['OAUTH_DENIED']);
    expect(report.findings[0]).toMatchObject({ problem: 'OAUTH_DENIED', severity: 'warning' });
    expect(auth.issuedTokens).toEqual([]);
  });

  it('asks what the browser showed when no callback arrives (Trakt rejected the redirect URI)', async () => {
    auth = installTraktOAuth(
      world.traktAuth,
      { clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1:41287/callback'] },
      api,
    );
    const { check, pages } = await run({ config: { timeouts: { oauthMs: 1200 } } });
    expect(pages[0]).toMatchObject({ status: 400 });
    expect(pages[0]!.body).toContain("The requested redirect uri is malformed or doesn't match client redirect URI.");
    expect(check.verdict).toBe('warn');
    expect(check.details).toMatchObject({ noCallback: true, askUser: 'what-did-the-browser-show' });
    expect(check.summary).toContain("doesn't match client redirect URI");
  });

  it('rejects forged callbacks (OAUTH_STATE_MISMATCH evidence) and still completes the real one', async () => {
    const { check, report, pages } = await run({ forge: 3 });
    expect(pages.filter((p) => p.url.includes('forged-')).map((p) => p.status)).toEqual([400, 400, 400]);
    expect(check.verdict).toBe('pass');
    expect(check.problems).toEqual(['OAUTH_STATE_MISMATCH']);
    expect(report.findings[0]!.evidence[0]).toContain('3 request(s)');
    // Anyone can reach the loopback port (a web page too): a mismatch is possible interference, not a critical certainty.
    expect(report.findings[0]!.evidence[0]).toContain('possible interference');
    expect(report.findings[0]!.severity).not.toBe('critical');
    expect(auth.revokedTokens).toHaveLength(1);
  });

  it.each([
    [{ status: 400, body: { error: 'invalid_grant', error_description: 'session not found' } }, 'OAUTH_INVALID_GRANT'],
    [
      {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Client authentication failed due to unknown client.' },
      },
      'OAUTH_INVALID_CLIENT',
    ],
    [
      { status: 400, body: { error: 'invalid_request', error_description: 'client_id is required' } },
      'OAUTH_INVALID_REQUEST',
    ],
  ])('maps a token-exchange answer %j to %s', async (reply, code) => {
    world.traktAuth.route('POST', '/oauth/token', { ...reply, headers: TRAKT_ORIGIN_HEADERS });
    const { check, report } = await run();
    expect(check.verdict).toBe('fail');
    expect(check.problems).toEqual([code]);
    expect(check.summary).toContain('fails too');
    expect(report.findings[0]!.evidence[0]).toContain(`POST /oauth/token → ${reply.status}`);
  });

  it('maps a refused fresh token on /users/settings with the shared classifier, and still revokes', async () => {
    api.state = { kind: 'vip-only' };
    const { check } = await run();
    expect(check.verdict).toBe('fail');
    expect(check.problems).toEqual(['TRAKT_VIP_REQUIRED']);
    expect(check.details).toMatchObject({ revoked: true, settings: { status: 426 } });
    expect(auth.revokedTokens).toHaveLength(1);
  });

  // docs/i18n.md: the test's verdicts are messages, nesting the shared reading of Trakt's answer, said in the run's
  // language and again in another one.
  it("says a refused fresh token in German, nesting the classifier's reading, and keeps the message", async () => {
    api.state = { kind: 'vip-only' };
    const { check } = await run({ locale: 'de' });
    expect(check.verdict).toBe('fail');
    expect(check.summary).toBe(
      'Angemeldet, aber Trakt lehnt das gerade ausgestellte Token ab: Trakt antwortet, dass dafür ein VIP-Konto nötig ist (426). Das Test-Token wurde wieder widerrufen.',
    );
    expect(check.message).toEqual({
      key: 'common:join.sentences',
      params: {
        first: {
          key: 'checks-token:oauth-differential.tokenRefused',
          params: { reason: { key: 'checks-revoked:users-settings.vipRequired' } },
        },
        rest: { key: 'checks-token:oauth-differential.revoked' },
      },
    });
    expect(checkSummaryText(check, await createTranslator('en'))).toBe(
      'Signed in, but Trakt refuses the fresh token: Trakt answers that this needs a VIP account (426). The test token was revoked again.',
    );
  });

  it('says a pass in French with the sign-in mode as a nested message', async () => {
    const { check } = await run({ locale: 'fr' });
    expect(check.verdict).toBe('pass');
    expect(check.summary).toContain('redirection du navigateur');
    expect(check.summary).toContain('Le jeton de test a de nouveau été révoqué.');
    expect(check.summary).not.toMatch(/sign-in|Stremio's side/);
  });

  it("says why the loopback port could not be opened, from its errno, in the run's language", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const english = await run({ mode: 'loopback' });
      expect(english.check.verdict).toBe('warn');
      expect(english.check.problems).toEqual(['LOOPBACK_UNAVAILABLE']);
      expect(english.check.summary).toBe(
        `The sign-in test could not receive the browser's reply: port ${port} on 127.0.0.1 is already in use by another program. Use the device-code sign-in instead.`,
      );
      const spanish = await run({ mode: 'loopback', locale: 'es' });
      expect(spanish.check.summary).toBe(
        `La prueba de inicio de sesión no pudo recibir la respuesta del navegador: otro programa ya está usando el puerto ${port} en 127.0.0.1. Use en su lugar el inicio de sesión con código de dispositivo.`,
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('falls back to the device code when the loopback port is taken, and reports LOOPBACK_UNAVAILABLE', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      auth.deviceInterval = 0.05;
      auth.activateOnVisit = 'approve';
      const { check, progress, report } = await run();
      expect(check.verdict).toBe('pass');
      expect(check.problems).toEqual(['LOOPBACK_UNAVAILABLE']);
      expect(check.details).toMatchObject({ mode: 'device', loopback: { available: false } });
      const waiting = progress.find((p) => p.phase === 'waiting-for-device')!;
      expect(waiting.userCode).toBe(auth.userCodes[0]);
      expect(waiting.verificationUrl).toBe(`${world.traktAuth.origin}/activate`);
      expect(report.findings[0]).toMatchObject({ problem: 'LOOPBACK_UNAVAILABLE', severity: 'warning' });
      const poll = world.traktAuth.requests.find((r) => r.path === '/oauth/device/token')!;
      expect(Object.keys(JSON.parse(poll.body) as object).sort()).toEqual(['client_id', 'code']);
      expect(auth.revokedTokens).toEqual(auth.issuedTokens);
    } finally {
      blocker.close();
    }
  });

  it('device flow: waits through 400 pending, slows down on 429, and ends on 418 denied', async () => {
    auth.deviceInterval = 0.05;
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise((r) => setTimeout(r, 10));
    };
    const started = run({ mode: 'device', slowDownMs: 400 });
    await until(() => auth.devicePollStatuses.includes(400));
    // Trakt now wants slower polls than it said: 429 "slow down" must lengthen the interval, not end the flow.
    auth.deviceInterval = 0.4;
    await until(
      () =>
        auth.devicePollStatuses.lastIndexOf(400) > auth.devicePollStatuses.indexOf(429) &&
        auth.devicePollStatuses.includes(429),
    );
    auth.decideDevice(auth.userCodes[0]!, false);
    const { check } = await started;
    expect(auth.devicePollStatuses[0]).toBe(400);
    expect(auth.devicePollStatuses).toContain(429);
    expect(auth.devicePollStatuses.at(-1)).toBe(418);
    expect(check.verdict).toBe('warn');
    expect(check.problems).toEqual(['OAUTH_DENIED']);
  });

  it.each([
    [404, 'fail', ['OAUTH_INVALID_GRANT']],
    [409, 'fail', ['OAUTH_INVALID_GRANT']],
    [410, 'warn', []],
  ] as const)('device flow: %i ends the wait as %s', async (status, verdict, problems) => {
    auth.deviceInterval = 0.05;
    world.traktAuth.route('POST', '/oauth/device/token', { status, headers: TRAKT_ORIGIN_HEADERS, body: '' });
    const { check } = await run({ mode: 'device' });
    expect(check.verdict).toBe(verdict);
    expect(check.problems).toEqual(problems);
  });

  it('device flow: an expires_in or interval no timer can hold is bounded, not a thrown date or a tight polling loop', async () => {
    auth.deviceExpiresIn = 1e300;
    auth.deviceInterval = 1e10;
    const ctx = await contextFor(world, { trakt: { clientId: CLIENT_ID, redirectPort: port } });
    const requested = await requestDeviceCode(ctx, { clientId: CLIENT_ID });
    expect(requested.ok && { expiresIn: requested.device.expiresIn, interval: requested.device.interval }).toEqual({
      expiresIn: 1800,
      interval: 60,
    });
    auth.deviceInterval = 0.05;
    auth.activateOnVisit = 'approve';
    const { check, progress } = await run({ mode: 'device' });
    expect(check.verdict).toBe('pass');
    const waitUntil = Date.parse(progress.find((p) => p.phase === 'waiting-for-device')!.waitUntil!);
    expect(waitUntil - Date.now()).toBeLessThanOrEqual(1800 * 1000);
  });

  it('device flow: opens only the verification_url Trakt returns, never the dead PIN page; every OAuth call on the OAuth host', async () => {
    auth.deviceInterval = 0.05;
    auth.activateOnVisit = 'approve';
    for (const host of [world.traktApi, world.traktWeb]) host.requests.length = 0;
    const { check, progress, pages } = await run({ mode: 'device' });
    expect(check.verdict).toBe('pass');
    // Opened: exactly the activation page of the device-code answer (auth host), nothing built by the wizard.
    expect(progress.find((p) => p.phase === 'waiting-for-device')!.verificationUrl).toBe(
      `${world.traktAuth.origin}/activate`,
    );
    expect(pages.map((p) => new URL(p.url).pathname)).not.toContainEqual(expect.stringMatching(/^\/pin/));
    // Device code, polling, token and revoke: all on the OAuth host (trakt-api e03137a: "Do not use the API hostname").
    const oauthPaths = world.traktAuth.requests.map((r) => r.path).filter((p) => p.startsWith('/oauth/'));
    expect(oauthPaths).toEqual(expect.arrayContaining(['/oauth/device/code', '/oauth/device/token', '/oauth/revoke']));
    for (const other of [world.traktApi, world.traktWeb])
      expect(other.requests.filter((r) => r.path.startsWith('/oauth/'))).toEqual([]);

    // An answer naming Trakt's old PIN page (trakt.tv/pin/<id>, a 404 since July 2026: trakt-api#867) on a Trakt host.
    world.traktAuth.route('POST', '/oauth/device/code', {
      status: 200,
      headers: TRAKT_ORIGIN_HEADERS,
      body: {
        device_code: 'device-code-pin-0123456789',
        user_code: 'PIN12345',
        verification_url: `${world.traktWeb.origin}/pin/4242`,
        expires_in: 600,
        interval: 0.05,
      },
    });
    world.traktAuth.route('POST', '/oauth/device/token', { status: 418, headers: TRAKT_ORIGIN_HEADERS, body: '' });
    const pin = await run({ mode: 'device' });
    expect(pin.progress.find((p) => p.phase === 'waiting-for-device')).not.toHaveProperty('verificationUrl');
    expect(pin.pages).toEqual([]);
  });

  it.each([
    'https://trakt.tv.evil.example/activate',
    'http://auth.trakt.tv/activate',
    'javascript:alert(1)//auth.trakt.tv',
  ])(
    'device flow: a verification_url off the configured Trakt hosts (%s) is neither shown nor opened',
    async (foreign) => {
      world.traktAuth.route('POST', '/oauth/device/code', {
        status: 200,
        headers: TRAKT_ORIGIN_HEADERS,
        body: {
          device_code: 'device-code-0123456789',
          user_code: 'ABCD1234',
          verification_url: foreign,
          expires_in: 600,
          interval: 0.05,
        },
      });
      world.traktAuth.route('POST', '/oauth/device/token', { status: 418, headers: TRAKT_ORIGIN_HEADERS, body: '' });
      const { check, progress, pages } = await run({ mode: 'device' });
      expect(check.problems).toEqual(['OAUTH_DENIED']);
      const waiting = progress.find((p) => p.phase === 'waiting-for-device')!;
      expect(waiting.userCode).toBe('ABCD1234');
      expect(waiting).not.toHaveProperty('verificationUrl');
      expect(pages).toEqual([]);
    },
  );

  it('the emulated token endpoint reads a JSON body shaped like a reply as a request (missing grant_type), never as its own answer', async () => {
    const ctx = await contextFor(world, { trakt: { clientId: CLIENT_ID, redirectPort: port } });
    const outcome = await ctx.http.request({
      url: `${world.traktAuth.origin}/oauth/token`,
      method: 'POST',
      json: { status: 200, headers: {}, body: { access_token: 'forged-token-0000' } },
    });
    expect(outcome.ok && outcome.status).toBe(400);
    expect(outcome.ok && JSON.parse(outcome.body)).toMatchObject({ error: 'invalid_request' });
    expect(auth.issuedTokens).toEqual([]);
  });

  it('runs past the run deadline (it waits for a person) but stops when cancelled', async () => {
    const slow = await run({ delayMs: 800, config: { timeouts: { overallMs: 300, probeMs: 200 } } });
    expect(slow.check.verdict).toBe('pass');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const cancelled = await run({ decision: 'none', signal: controller.signal });
    expect(cancelled.check.verdict).toBe('skipped');
    expect(cancelled.check.summary).toMatch(/cancelled/);
    // The port is free again at once.
    const probe = net.createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', resolve);
    });
    probe.close();
  });

  it('is skipped unless asked for, and without a client id says how to get one', async () => {
    const ctx = await contextFor(world, {});
    const notAsked = await diagnose(ctx, { steps: ['token'] }, {}, CHECKS);
    expect(notAsked.checks[0]).toMatchObject({ verdict: 'skipped' });
    expect(notAsked.checks[0]!.summary).toContain('opt-in');
    const noClient = await diagnose(ctx, { steps: ['token'], oauth: { mode: 'auto' } }, {}, CHECKS);
    expect(noClient.checks[0]).toMatchObject({ verdict: 'skipped' });
    expect(noClient.checks[0]!.summary).toContain('client id');
  });

  it('the emulator refuses form-encoded bodies and a wrong code_verifier, as Trakt does', async () => {
    const post = (path: string, type: string, body: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = https.request(
          `${world.traktAuth.origin}${path}`,
          {
            method: 'POST',
            ca: world.ca.caPem,
            lookup: (_h, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]),
            headers: { 'content-type': type },
          },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const form = await post('/oauth/device/code', 'application/x-www-form-urlencoded', `client_id=${CLIENT_ID}`);
    expect(form).toEqual({
      status: 400,
      body: JSON.stringify({ error: 'invalid_request', error_description: 'client_id is required' }),
    });
    // A real code with a forged verifier: the emulator checks S256 itself.
    const receiver = await startLoopbackServer({ port, expectedState: 's'.repeat(43), timeoutMs: 5000 });
    if (!receiver.ok) throw new Error(receiver.error.reason);
    await playBrowser(
      `${world.traktAuth.origin}/oauth/authorize?response_type=code&client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(`http://127.0.0.1:${port}/callback`)}&state=${'s'.repeat(43)}&code_challenge=${'c'.repeat(43)}&code_challenge_method=S256`,
      { ca: world.ca.caPem },
    );
    const callback = await receiver.server.result;
    const code = callback.kind === 'code' ? callback.code : '';
    const forged = await post(
      '/oauth/token',
      'application/json',
      JSON.stringify({
        code,
        client_id: CLIENT_ID,
        redirect_uri: `http://127.0.0.1:${port}/callback`,
        grant_type: 'authorization_code',
        code_verifier: 'v'.repeat(43),
      }),
    );
    expect(forged.status).toBe(400);
    expect(JSON.parse(forged.body)).toMatchObject({ error: 'invalid_grant' });
    expect(auth.checks.pkceFailed).toBe(1);
    expect(auth.checks.nonJsonRefused).toBe(1);
  });
});
