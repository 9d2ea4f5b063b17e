import { msg, type Message } from '../../../../shared/i18n/message';
import { joinSentences } from '../../../../shared/i18n/join';
import { sanitizeNetworkValue } from '../../../../shared/network-text';
import type { CheckOutcome, ProblemObservation } from '../../runtime/check';
import type { EngineContext } from '../../runtime/context';
import { ASK_WHAT_THE_BROWSER_SHOWED, type OAuthNoCallbackDetails } from '../../../../shared/check-details/token';
import type { ProblemCode } from '../../../../shared/problems';
import { fetchUsersSettings, USERS_SETTINGS_CODES } from '../trakt/users-settings';
import { usersSettingsSummary } from '../trakt/users-settings-summary';
import { pollDeviceFlow, type DeviceFlowResult } from './device-flow';
import { startLoopbackServer, type LoopbackStats } from './loopback-server';
import { stateMismatchObservation, type StrayCallback } from './stray-callbacks';
import { OAUTH_FAILURE_CODES, problemOfOAuthError, type OAuthFailure } from './oauth-errors';
import type { OAuthProgress, OAuthRunOptions } from '../../runtime/oauth-types';
import { createCodeVerifier, createState, s256Challenge } from './pkce';
import { authorizeUrl, exchangeCode, requestDeviceCode, revokeToken, type TokenSet } from './trakt-oauth-client';

/**
 * The differential sign-in test (docs/architecture.md "Steps": Token): sign in to the user's Trakt account with the
 * wizard's own Trakt app — authorization code + PKCE S256 + state through the system browser and a
 * loopback redirect (RFC 8252), or the device code — read `/users/settings`, then revoke the token at
 * once. If this works while Stremio's link fails, the fault is on Stremio's side; if this fails too,
 * it is the browser, the network or the Trakt account.
 */

/** What one run needs besides the context. */
export interface DifferentialArgs extends OAuthRunOptions {
  readonly clientId: string;
  readonly signal: AbortSignal;
}

/** The clause shared by the verdicts where the wizard's own sign-in fails too. */
const OURS_FAILS = msg('checks-token:oauth-differential.oursFails');
/** The OAuth calls a failure can name. */
const CALLS = {
  exchange: msg('checks-token:oauth-differential.call.exchange'),
  deviceCode: msg('checks-token:oauth-differential.call.deviceCode'),
  polling: msg('checks-token:oauth-differential.call.polling'),
} as const;

/** Why the loopback port could not be opened, said from its errno (the client's `reason` is evidence, English). */
function listenFailure(errno: string | undefined, port: number): Message {
  if (errno === 'EADDRINUSE') return msg('checks-token:oauth-differential.listen.inUse', { port });
  if (errno === 'EACCES' || errno === 'EPERM')
    return msg('checks-token:oauth-differential.listen.notPermitted', { port });
  if (errno === 'EADDRNOTAVAIL') return msg('checks-token:oauth-differential.listen.noLocalhost');
  return msg('checks-token:oauth-differential.listen.other', { port, code: errno ?? 'unknown error' });
}

/**
 * Every problem the test can raise: its OAuth calls' failures, a state mismatch, no loopback port, and
 * what `/users/settings` says of the fresh token (but a 401 there: that is no revoked Stremio access).
 */
export const DIFFERENTIAL_TEST_CODES: readonly ProblemCode[] = [
  ...new Set<ProblemCode>([
    ...OAUTH_FAILURE_CODES,
    'OAUTH_STATE_MISMATCH',
    'LOOPBACK_UNAVAILABLE',
    ...USERS_SETTINGS_CODES.filter((code) => code !== 'TRAKT_TOKEN_REVOKED'),
  ]),
];

/** Runs the test and reads its outcome as a check outcome. */
export async function runDifferentialTest(ctx: EngineContext, args: DifferentialArgs): Promise<CheckOutcome> {
  const problems: ProblemObservation[] = [];
  const progress = (update: OAuthProgress) => {
    try {
      // The device code and activation address came from the network: inert on the terminal and in the window.
      args.onProgress?.(sanitizeNetworkValue(update));
    } catch (error) {
      ctx.log.log('warn', `oauth progress listener failed: ${(error as Error).message}`);
    }
  };
  progress({ phase: 'starting', mode: args.mode === 'device' ? 'device' : 'loopback' });
  let loopback: Awaited<ReturnType<typeof loopbackSignIn>> | null = null;
  if (args.mode !== 'device') {
    loopback = await loopbackSignIn(ctx, args, progress);
    if (loopback.kind !== 'unavailable')
      return finish(ctx, args, progress, loopback.result, problems, { mode: 'loopback', loopback: loopback.stats });
    problems.push({
      code: 'LOOPBACK_UNAVAILABLE',
      evidence: `token.oauth-differential: ${loopback.reason} (${loopback.errno})${args.mode === 'auto' ? '; the device-code sign-in was used instead' : ''}`,
      confidence: 0.95,
    });
    if (args.mode === 'loopback') {
      return {
        verdict: 'warn',
        summary: msg('checks-token:oauth-differential.loopbackUnavailable', {
          reason: listenFailure(loopback.errno, ctx.config.trakt.redirectPort),
        }),
        problems,
        details: { mode: 'loopback', loopback: { available: false, errno: loopback.errno } },
      };
    }
  }
  const device = await deviceSignIn(ctx, args, progress);
  const details = { mode: 'device', ...(loopback ? { loopback: { available: false } } : {}), device: device.details };
  return finish(ctx, args, progress, device.result, problems, details);
}

/** How a sign-in attempt ended, before the token is verified and revoked. */
type SignInResult =
  | { readonly kind: 'tokens'; readonly tokens: TokenSet }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'outcome'; readonly outcome: CheckOutcome };

async function loopbackSignIn(ctx: EngineContext, args: DifferentialArgs, progress: (p: OAuthProgress) => void) {
  const state = ctx.secrets.add(createState(), 'state');
  const codeVerifier = ctx.secrets.add(createCodeVerifier(), 'code-verifier');
  const timeoutMs = ctx.config.timeouts.oauthMs;
  const started = await startLoopbackServer({
    port: ctx.config.trakt.redirectPort,
    expectedState: state,
    timeoutMs,
    signal: args.signal,
    secrets: ctx.secrets,
  });
  if (!started.ok) return { kind: 'unavailable' as const, reason: started.error.reason, errno: started.error.errno };
  const { server } = started;
  const url = authorizeUrl(ctx, {
    clientId: args.clientId,
    redirectUri: server.redirectUri,
    state,
    codeChallenge: s256Challenge(codeVerifier),
  });
  progress({
    phase: 'waiting-for-browser',
    mode: 'loopback',
    waitUntil: new Date(ctx.now() + timeoutMs).toISOString(),
  });
  const browserStarted = performance.now();
  try {
    await ctx.openUrl(url);
  } catch (error) {
    await server.close();
    const outcome: CheckOutcome = {
      verdict: 'error',
      summary: msg('checks-token:oauth-differential.browserNotOpened', { error: (error as Error).message }),
    };
    return {
      kind: 'done' as const,
      result: { kind: 'outcome', outcome } satisfies SignInResult,
      stats: { ...server.stats(), strayCallbacks: server.strayCallbacks() },
    };
  }
  const callback = await server.result;
  await server.close();
  const browserMs = Math.round(performance.now() - browserStarted);
  const stats = server.stats();
  const result = await (async (): Promise<SignInResult> => {
    switch (callback.kind) {
      case 'cancelled':
        return { kind: 'cancelled' };
      case 'timeout':
        return { kind: 'outcome', outcome: noCallback(timeoutMs, stats) };
      case 'error':
        return { kind: 'outcome', outcome: authorizeError(callback.error, callback.description) };
      case 'code': {
        progress({ phase: 'exchanging', mode: 'loopback' });
        const exchanged = await exchangeCode(ctx, {
          clientId: args.clientId,
          code: callback.code,
          codeVerifier,
          redirectUri: server.redirectUri,
          signal: args.signal,
        });
        if (exchanged.ok) return { kind: 'tokens', tokens: exchanged.tokens };
        if (args.signal.aborted) return { kind: 'cancelled' };
        return {
          kind: 'outcome',
          outcome: failedCall(CALLS.exchange, exchanged),
        };
      }
    }
  })();
  return { kind: 'done' as const, result, stats: { ...stats, browserMs, strayCallbacks: server.strayCallbacks() } };
}

async function deviceSignIn(
  ctx: EngineContext,
  args: DifferentialArgs,
  progress: (p: OAuthProgress) => void,
): Promise<{ result: SignInResult; details: Record<string, unknown> }> {
  const requested = await requestDeviceCode(ctx, { clientId: args.clientId, signal: args.signal });
  if (!requested.ok) {
    if (args.signal.aborted) return { result: { kind: 'cancelled' }, details: {} };
    return {
      result: { kind: 'outcome', outcome: failedCall(CALLS.deviceCode, requested) },
      details: {},
    };
  }
  const { device } = requested;
  const verificationUrl = trustedVerificationUrl(ctx, device.verificationUrl);
  progress({
    phase: 'waiting-for-device',
    mode: 'device',
    userCode: device.userCode,
    ...(verificationUrl ? { verificationUrl } : {}),
    waitUntil: new Date(ctx.now() + device.expiresIn * 1000).toISOString(),
  });
  if (verificationUrl)
    await ctx
      .openUrl(verificationUrl)
      .catch((error: Error) => ctx.log.log('warn', `oauth: could not open the activation page (${error.message})`));
  const polled = await pollDeviceFlow(ctx, {
    clientId: args.clientId,
    device,
    signal: args.signal,
    ...(args.slowDownMs !== undefined ? { slowDownMs: args.slowDownMs } : {}),
  });
  const details = { polls: polled.polls, interval: device.interval, expiresIn: device.expiresIn, ended: polled.kind };
  return { result: deviceResult(polled), details };
}

/**
 * Trakt's activation page address, or null unless it is https on a configured Trakt host: it comes from
 * the network, and it is both opened and shown (CLI line, the wizard's "Open …" button), so a foreign
 * address must reach neither.
 */
function trustedVerificationUrl(ctx: EngineContext, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const hosts = [ctx.config.endpoints.traktAuth, ctx.config.endpoints.traktWeb].map((e) => new URL(e).hostname);
  if (parsed.protocol !== 'https:' || !hosts.includes(parsed.hostname)) {
    ctx.log.log(
      'warn',
      `oauth: not showing or opening the device verification address on ${parsed.hostname} (not a configured Trakt host)`,
    );
    return null;
  }
  return parsed.toString();
}

function deviceResult(polled: DeviceFlowResult): SignInResult {
  switch (polled.kind) {
    case 'tokens':
      return { kind: 'tokens', tokens: polled.tokens };
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'denied':
      return {
        kind: 'outcome',
        outcome: {
          verdict: 'warn',
          summary: msg('checks-token:oauth-differential.deviceDenied'),
          problems: [{ code: 'OAUTH_DENIED', evidence: 'POST /oauth/device/token → 418 (denied by the user)' }],
        },
      };
    case 'expired':
      return {
        kind: 'outcome',
        outcome: {
          verdict: 'warn',
          summary: msg('checks-token:oauth-differential.deviceExpired'),
        },
      };
    case 'invalid-code':
    case 'already-used': {
      const status = polled.kind === 'invalid-code' ? '404 (invalid device code)' : '409 (code already used)';
      return {
        kind: 'outcome',
        outcome: {
          verdict: 'fail',
          summary: msg(
            polled.kind === 'invalid-code'
              ? 'checks-token:oauth-differential.deviceInvalid'
              : 'checks-token:oauth-differential.deviceUsed',
            {
              oursFails: OURS_FAILS,
            },
          ),
          problems: [
            { code: 'OAUTH_INVALID_GRANT', evidence: `POST /oauth/device/token → ${status}`, confidence: 0.8 },
          ],
        },
      };
    }
    case 'failed':
      return { kind: 'outcome', outcome: failedCall(CALLS.polling, polled.failure) };
  }
}

function noCallback(timeoutMs: number, stats: LoopbackStats): CheckOutcome {
  // The shape the sign-in test card reads to ask what the browser showed.
  const asked: OAuthNoCallbackDetails = { noCallback: true, askUser: ASK_WHAT_THE_BROWSER_SHOWED, timeoutMs };
  return {
    verdict: 'warn',
    summary: msg('checks-token:oauth-differential.noCallback', { ms: timeoutMs }),
    details: { ...asked, loopback: stats },
  };
}

function authorizeError(error: string, description: string | null): CheckOutcome {
  const problem = problemOfOAuthError(error, description);
  const evidence = `authorize callback: error=${error}${description ? ` ("${description}")` : ''}`;
  if (problem === 'OAUTH_DENIED')
    return {
      verdict: 'warn',
      summary: msg('checks-token:oauth-differential.declined'),
      problems: [{ code: 'OAUTH_DENIED', evidence }],
    };
  return {
    verdict: 'fail',
    summary: msg('checks-token:oauth-differential.authorizeError', { error, oursFails: OURS_FAILS }),
    ...(problem ? { problems: [{ code: problem, evidence }] } : {}),
  };
}

function failedCall(what: Message, failure: OAuthFailure): CheckOutcome {
  if (failure.status === null) {
    // No answer at all: the Connectivity step tells why; this check blames no layer it did not reach.
    return {
      verdict: 'error',
      summary: msg('checks-token:oauth-differential.callUnreachable', { what, evidence: failure.evidence }),
      details: { failure: failure.evidence },
    };
  }
  return {
    verdict: 'fail',
    summary: msg('checks-token:oauth-differential.callRefused', {
      what,
      error: failure.error ?? `HTTP ${failure.status}`,
      oursFails: OURS_FAILS,
    }),
    ...(failure.problem ? { problems: [{ code: failure.problem, evidence: failure.evidence }] } : {}),
    details: { failure: failure.evidence },
  };
}

/** Verifies the token with `/users/settings`, revokes it whatever happened, and writes the verdict. */
async function finish(
  ctx: EngineContext,
  args: DifferentialArgs,
  progress: (p: OAuthProgress) => void,
  signIn: SignInResult,
  problems: ProblemObservation[],
  details: Record<string, unknown>,
): Promise<CheckOutcome> {
  const mode = details.mode === 'device' ? 'device' : 'loopback';
  const stats = (details.loopback ?? null) as
    (LoopbackStats & { browserMs?: number; strayCallbacks?: readonly StrayCallback[] }) | null;
  if (stats && stats.stateMismatch > 0)
    problems.push(stateMismatchObservation(stats.stateMismatch, stats.strayCallbacks ?? []));
  const withProblems = (outcome: CheckOutcome): CheckOutcome => {
    const all = [...problems, ...(outcome.problems ?? [])];
    progress({ phase: 'finished', mode });
    return { ...outcome, ...(all.length > 0 ? { problems: all } : {}), details: { ...details, ...outcome.details } };
  };
  if (signIn.kind === 'cancelled')
    return withProblems({ verdict: 'skipped', summary: msg('checks-token:oauth-differential.cancelled') });
  if (signIn.kind === 'outcome') return withProblems(signIn.outcome);

  const { tokens } = signIn;
  progress({ phase: 'verifying', mode });
  const settings = await fetchUsersSettings(ctx, {
    accessToken: tokens.accessToken,
    clientId: args.clientId,
    signal: args.signal,
  });
  progress({ phase: 'revoking', mode });
  // Revoke at once, even after a cancel: the wizard keeps no access to the account (docs/architecture.md "Steps").
  const revoked = await revokeToken(ctx, { clientId: args.clientId, token: tokens.accessToken });
  const c = settings.classification;
  const facts = {
    settings: {
      status: c.status,
      kind: c.kind,
      ...(c.account ? { vip: c.account.vip } : {}),
    },
    revoked: revoked.ok,
    ...(revoked.ok ? {} : { revokeFailure: revoked.evidence }),
    tokenExpiresIn: tokens.expiresIn,
  };
  const revokeNote = revoked.ok
    ? msg('checks-token:oauth-differential.revoked')
    : msg('checks-token:oauth-differential.revokeFailed', { evidence: revoked.evidence });
  const withRevokeNote = (summary: Message) => joinSentences([summary, revokeNote]);
  if (c.kind === 'ok') {
    const how = msg(
      mode === 'loopback'
        ? 'checks-token:oauth-differential.modeLoopback'
        : 'checks-token:oauth-differential.modeDevice',
    );
    return withProblems({
      verdict: revoked.ok ? 'pass' : 'warn',
      summary: withRevokeNote(msg('checks-token:oauth-differential.worked', { how })),
      details: facts,
    });
  }
  if (c.kind === 'unreachable') {
    return withProblems({
      verdict: 'error',
      summary: withRevokeNote(
        msg('checks-token:oauth-differential.accountUnread', { reason: usersSettingsSummary(c) }),
      ),
      details: facts,
    });
  }
  return withProblems({
    verdict: 'fail',
    summary: withRevokeNote(msg('checks-token:oauth-differential.tokenRefused', { reason: usersSettingsSummary(c) })),
    // A 401 on a token Trakt issued a second ago is not "Stremio's access was revoked": no code for it.
    ...(c.problem && c.kind !== 'unauthorized'
      ? {
          problems: [
            {
              code: c.problem,
              evidence: `token.oauth-differential (the wizard's fresh token): ${c.evidence}`,
              confidence: c.confidence,
              ...(c.alsoPossible ? { alsoPossible: c.alsoPossible } : {}),
            },
          ],
        }
      : {}),
    details: facts,
  });
}
